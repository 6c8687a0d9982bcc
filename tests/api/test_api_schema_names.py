"""Every schema of the OpenAPI document has one name: ninja files the schemas of every operation under their class
name and silently keeps the last one, so two classes with the same name made `/creativity-sessions` documented
with the committee session's fields."""

import typing
from collections import defaultdict

import pytest
from ninja import NinjaAPI, Schema
from ninja.openapi.schema import OpenAPISchema
from pydantic import BaseModel

from fabrique.api import api


def _models_in(annotation) -> typing.Iterator[type[BaseModel]]:
    """The pydantic models an annotation names, at any depth (lists, unions, generics, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        for field in annotation.model_fields.values():
            yield from _models_in(field.annotation)
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


def models_by_name(ninja_api: NinjaAPI) -> dict[str, set[type[BaseModel]]]:
    """Each model reachable from an operation (parameters, body, answers), by the name ninja files it under.

    ninja wraps them in models of its own (the parameters of a view, the answer of a status): their fields are
    the classes the API declares."""
    found = defaultdict(set)
    for bound in ninja_api._get_bound_routers():
        for path_view in bound.path_operations.values():
            for operation in path_view.operations:
                wrappers = [*operation.models, *operation.response_models.values()]
                for wrapper in wrappers:
                    for field in getattr(wrapper, "model_fields", {}).values():
                        for model in _models_in(field.annotation):
                            found[model.__name__].add(model)
    return found


def collisions(ninja_api: NinjaAPI) -> dict[str, list[str]]:
    return {
        name: sorted(f"{model.__module__}.{model.__qualname__}" for model in models)
        for name, models in models_by_name(ninja_api).items()
        if len(models) > 1
    }


def test_no_two_classes_of_the_api_share_a_schema_name():
    assert len(models_by_name(api)) > 100
    assert collisions(api) == {}


def test_ninja_never_overwrites_a_schema_with_another(monkeypatch):
    overwritten = []
    original = OpenAPISchema.add_schema_definitions

    def watching(self, definitions):
        for name, definition in definitions.items():
            if name in self.schemas and self.schemas[name] != definition:
                overwritten.append(name)
        original(self, definitions)

    monkeypatch.setattr(OpenAPISchema, "add_schema_definitions", watching)
    api.get_openapi_schema(path_prefix="")
    assert overwritten == []


def _body_fields(schema: dict, path: str, method: str = "post") -> set[str]:
    reference = schema["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return set(schema["components"]["schemas"][reference.rsplit("/", 1)[-1]]["properties"])


def _listed_fields(schema: dict, path: str) -> set[str]:
    answer = schema["paths"][path]["get"]["responses"][200]["content"]["application/json"]["schema"]["$ref"]
    page = schema["components"]["schemas"][answer.rsplit("/", 1)[-1]]
    item = page["properties"]["results"]["items"]["$ref"]
    return set(schema["components"]["schemas"][item.rsplit("/", 1)[-1]]["properties"])


def test_creativity_and_committee_sessions_are_documented_with_their_own_fields():
    schema = api.get_openapi_schema(path_prefix="")
    creativity = _body_fields(schema, "/creativity-sessions")
    committee = _body_fields(schema, "/appellation/sessions")
    assert {"place", "participants_count", "partners"} <= creativity
    assert "requests" not in creativity
    assert {"held_on", "deadline", "requests"} <= committee
    assert "participants_count" not in committee
    assert "participants_count" in _listed_fields(schema, "/creativity-sessions")
    assert "voters" in _listed_fields(schema, "/appellation/sessions")


@pytest.fixture
def probe_api():
    """Two apps each declaring their own `Twin`, as method and appellation each declared a `SessionIn`."""
    first = type("Twin", (Schema,), {"__annotations__": {"title": str}, "__module__": "probe.first"})
    second = type("Twin", (Schema,), {"__annotations__": {"deadline": int}, "__module__": "probe.second"})
    probe = NinjaAPI(urls_namespace="probe-api-schema-names")

    @probe.post("/first")
    def create_first(request, payload: first):
        return {}

    @probe.post("/second", response=list[second])
    def create_second(request):
        return []

    return probe


def test_the_check_finds_two_classes_with_one_name(probe_api):
    assert collisions(probe_api) == {"Twin": ["probe.first.Twin", "probe.second.Twin"]}
