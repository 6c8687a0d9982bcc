"""One field list per API answer: the schema's. A presenter that builds an answer as a dict must give exactly the
schema's fields, at every depth; a key the schema does not declare (silently dropped by the validation) or a
declared field it leaves out (silently defaulted) fails the test that asked for it.

`checking_api_fields()` wraps django-ninja's step that turns an endpoint's result into its response, for the whole
test session (tests/conftest.py): every endpoint asked for by a test, the role matrix included, is checked. An
answer read from model instances by the schema itself (ninja's attribute reading) has a single list already.
"""

import types
from contextlib import contextmanager
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
from django.http import HttpResponseBase
from ninja import Status
from ninja.constants import NOT_SET
from ninja.operation import Operation
from pydantic import BaseModel


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def field_problems(annotation: Any, value: Any, path: str = "réponse") -> list[str]:
    """What differs between the dicts inside `value` and the schema `annotation` describes."""
    if value is None:
        return []
    origin = get_origin(annotation)
    if origin is Annotated:
        return field_problems(get_args(annotation)[0], value, path)
    if origin in (Union, types.UnionType):
        candidates = [arg for arg in get_args(annotation) if arg is not type(None)]
        shaped = [arg for arg in candidates if _matches_shape(arg, value)]
        return field_problems(shaped[0], value, path) if shaped else []
    if origin in (list, tuple, set, frozenset) and isinstance(value, list | tuple):
        args = [arg for arg in get_args(annotation) if arg is not Ellipsis]
        if len(args) != 1:
            return []
        return [problem for i, item in enumerate(value) for problem in field_problems(args[0], item, f"{path}[{i}]")]
    if _is_model(annotation) and isinstance(value, dict):
        fields = {field.alias or name: field for name, field in annotation.model_fields.items()}
        problems = [f"{path}.{key} : absent de {annotation.__name__}" for key in sorted(value.keys() - fields.keys())]
        problems += [
            f"{path}.{key} : non fourni ({annotation.__name__})" for key in sorted(fields.keys() - value.keys())
        ]
        for key in sorted(fields.keys() & value.keys()):
            problems += field_problems(fields[key].annotation, value[key], f"{path}.{key}")
        return problems
    return []


def _matches_shape(annotation, value) -> bool:
    origin = get_origin(annotation) or annotation
    if isinstance(value, dict):
        return _is_model(annotation)
    if isinstance(value, list | tuple):
        return origin in (list, tuple, set, frozenset)
    return False


def response_annotation(operation: Operation, result: Any) -> tuple[Any, Any]:
    """The declared type of the body `result` answers with, and that body (as ninja picks them)."""
    status = next(iter(operation.response_models)) if len(operation.response_models) == 1 else 200
    if isinstance(result, Status):
        status, result = result.status_code, result.value
    model = operation.response_models.get(status, operation.response_models.get(Ellipsis))
    if model in (None, NOT_SET):
        return None, result
    return model.model_fields["response"].annotation, result


@contextmanager
def checking_api_fields():
    original = Operation._result_to_response

    def checked(self, request, result, temporal_response):
        if not isinstance(result, HttpResponseBase):
            annotation, body = response_annotation(self, result)
            problems = field_problems(annotation, body) if annotation is not None else []
            if problems:
                raise AssertionError(f"{request.method} {request.path} : " + " ; ".join(problems))
        return original(self, request, result, temporal_response)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Operation, "_result_to_response", checked)
        yield
