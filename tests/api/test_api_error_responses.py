"""Every operation documents the errors it answers, with the `{"detail": ...}` schema the API really sends."""

import pytest

from fabrique.api import api
from fabrique.core.api_openapi import document_errors

pytestmark = pytest.mark.django_db

ERROR_REF = "#/components/schemas/ApiError"
WRITES = {"post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def schema():
    return api.get_openapi_schema(path_prefix="")


def _operations(schema):
    return [
        (method, path, operation) for path, methods in schema["paths"].items() for method, operation in methods.items()
    ]


def test_each_operation_lists_the_errors_its_shape_allows(schema):
    operations = _operations(schema)
    assert len(operations) > 60
    for method, path, operation in operations:
        codes = {int(code) for code in operation["responses"]}
        parameters = operation.get("parameters", [])
        assert {400, 401} <= codes, (method, path)
        if parameters or "requestBody" in operation:
            assert 422 in codes, (method, path)
        if "security" in operation or method in WRITES:
            assert 403 in codes, (method, path)
        if method in WRITES:
            assert 409 in codes, (method, path)
        if any(parameter["in"] == "path" for parameter in parameters):
            assert 404 in codes, (method, path)
        if "requestBody" in operation:
            assert 413 in codes, (method, path)


def test_every_error_answer_has_the_detail_schema(schema):
    errors = [
        (method, path, code, answer)
        for method, path, operation in _operations(schema)
        for code, answer in operation["responses"].items()
        if int(code) >= 400
    ]
    assert errors
    for method, path, code, answer in errors:
        assert answer["content"]["application/json"]["schema"] == {"$ref": ERROR_REF}, (method, path, code)
        assert answer["description"], (method, path, code)
    error = schema["components"]["schemas"]["ApiError"]
    assert error["required"] == ["detail"]


def test_a_conflict_declared_by_an_operation_keeps_its_own_description(schema):
    answer = schema["paths"]["/structures/{slug}/transitions"]["post"]["responses"][409]
    assert answer["description"] == "Transition impossible depuis le statut actuel."
    assert answer["content"]["application/json"]["schema"] == {"$ref": ERROR_REF}


def test_the_served_document_is_the_one_with_the_errors(client):
    served = client.get("/api/v1/openapi.json").json()
    answers = served["paths"]["/api/v1/needs/{need_id}"]["get"]["responses"]
    assert {"200", "400", "401", "403", "404", "422"} <= set(answers)
    assert "ApiError" in served["components"]["schemas"]


def test_the_answers_of_a_read_without_input_are_not_invented():
    schema = {
        "paths": {"/map": {"get": {"responses": {200: {"description": "OK"}}}}},
        "components": {"schemas": {}},
    }
    answers = document_errors(schema)["paths"]["/map"]["get"]["responses"]
    assert sorted(answers) == [200, 400, 401]


@pytest.mark.parametrize(
    "url, status",
    [("/api/v1/needs/999999", 401), ("/api/v1/structures/inconnue", 404), ("/api/v1/structures?page=0", 422)],
)
def test_the_documented_answers_are_what_the_api_sends(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["detail"]
