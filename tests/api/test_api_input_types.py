"""Every value the API reads is of a bounded type (`fabrique.core.api_types`), so a new endpoint cannot regress.

The OpenAPI document is walked: each query and path parameter and each field of a body, at any depth, must be
an integer with bounds the database holds, a text without NUL (the pattern of `Text`), a code from a list, a date,
a date-time read in Paris time (`AwareDateTime`: a date-time or a date alone), or an uploaded file."""

import datetime

import pytest
from ninja import NinjaAPI, Query, Schema

from fabrique.api import api
from fabrique.core.api_errors import NUL_FREE_PATTERN
from fabrique.core.api_types import MAX_ID, AwareDateTime, Id, Text

AWARE_DATETIME = [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]
SIGNED_64_BITS = (-(2**63), 2**63 - 1)


def _resolve(node: dict, components: dict) -> dict:
    while "$ref" in node:
        node = components[node["$ref"].rsplit("/", 1)[-1]]
    return node


def _is_decimal(alternatives: list[dict]) -> bool:
    """pydantic writes a Decimal as a number or its text; the text is parsed as a number (no NUL gets through)."""
    kinds = sorted(alternative.get("type", "") for alternative in alternatives)
    return kinds == ["number", "string"] and all("maximum" in a for a in alternatives if a.get("type") == "number")


def _bare(node: dict, where: str, components: dict) -> list[str]:
    """The places under `node` where a value of a bare (unbounded) type is read."""
    node = _resolve(node, components)
    alternatives = node.get("anyOf") or node.get("oneOf") or node.get("allOf")
    if alternatives:
        alternatives = [a for a in alternatives if a.get("type") != "null"]
        plain = [{k: v for k, v in a.items() if k != "description"} for a in alternatives]
        if plain == AWARE_DATETIME or _is_decimal(alternatives):
            return []
        return [problem for a in alternatives for problem in _bare(a, where, components)]
    kind = node.get("type")
    if kind == "object":
        problems = [
            p for name, sub in node.get("properties", {}).items() for p in _bare(sub, f"{where}.{name}", components)
        ]
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            problems += _bare(extra, f"{where}.*", components)
        return problems
    if kind == "array":
        return _bare(node.get("items", {}), f"{where}[]", components)
    if kind == "integer":
        low, high = node.get("minimum"), node.get("maximum")
        if low is None or high is None or low < SIGNED_64_BITS[0] or high > SIGNED_64_BITS[1]:
            return [f"{where}: integer without bounds the database holds (use api_types.Id or Field(ge=…, le=…))"]
        return []
    if kind == "string" and "enum" not in node and "const" not in node:
        if node.get("format") == "date-time":
            return [f"{where}: bare date-time (use api_types.AwareDateTime)"]
        # A file of a multipart body (`format: binary`) is stored as bytes, never as text in the database.
        if node.get("format") not in ("date", "binary") and node.get("pattern") != NUL_FREE_PATTERN:
            return [f"{where}: text that may hold a NUL character (use api_types.Text)"]
    return []


def bare_inputs(schema: dict) -> list[str]:
    components = schema.get("components", {}).get("schemas", {})
    problems = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            for parameter in operation.get("parameters", []):
                where = f"{method.upper()} {path} {parameter['in']} {parameter['name']}"
                problems += _bare(parameter["schema"], where, components)
            for media in operation.get("requestBody", {}).get("content", {}).values():
                problems += _bare(media["schema"], f"{method.upper()} {path} body", components)
    return problems


def test_every_parameter_and_body_field_of_the_api_is_of_a_bounded_type():
    schema = api.get_openapi_schema(path_prefix="")
    assert len(schema["paths"]) > 40
    assert bare_inputs(schema) == []


class _Probe(Schema):
    count: int
    name: str
    at: datetime.datetime
    tags: list[str] = []


class _SafeProbe(Schema):
    id: Id
    name: Text
    at: AwareDateTime
    tags: list[Text] = []


@pytest.fixture
def probe_api():
    probe = NinjaAPI(urls_namespace="probe-api-input-types")

    @probe.post("/bare/{pk}")
    def bare(request, pk: int, payload: _Probe, q: str = ""):
        return {}

    @probe.get("/bounded/{pk}")
    def bounded(request, pk: Id, filters: Query[_SafeProbe]):
        return {}

    return probe


def test_the_walk_finds_each_bare_type_wherever_it_is(probe_api):
    problems = bare_inputs(probe_api.get_openapi_schema(path_prefix=""))
    places = sorted(problem.split(":")[0] for problem in problems)
    assert places == [
        "POST /bare/{pk} body.at",
        "POST /bare/{pk} body.count",
        "POST /bare/{pk} body.name",
        "POST /bare/{pk} body.tags[]",
        "POST /bare/{pk} path pk",
        "POST /bare/{pk} query q",
    ]


def test_the_bounded_types_are_what_the_walk_accepts():
    assert MAX_ID == SIGNED_64_BITS[1]
    assert _SafeProbe.model_json_schema()["properties"]["name"]["pattern"] == NUL_FREE_PATTERN
