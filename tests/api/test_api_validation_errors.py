"""Every 422 has one shape, whether pydantic refuses the body or a service refuses a value (docs/api.md)."""

import pytest
from django.core.exceptions import ValidationError

from fabrique.network import services

pytestmark = pytest.mark.django_db

CREATE = "/api/v1/structures"
BODY = {"name": "Fabrique du Pays Basque", "departements": ["64"]}


def assert_api_422(response) -> list[dict]:
    """The documented answer: {"detail": [{"loc": [...], "msg": "...", "type": "..."}, ...]}, nothing else."""
    assert response.status_code == 422
    body = response.json()
    assert list(body) == ["detail"] and isinstance(body["detail"], list) and body["detail"]
    for error in body["detail"]:
        assert set(error) == {"loc", "msg", "type"}
        assert isinstance(error["loc"], list) and error["loc"][0] == "body"
        assert isinstance(error["msg"], str) and error["msg"]
    return body["detail"]


def test_a_wrong_type_in_a_body_is_a_422_naming_the_field_in_french(client_for, coordinator):
    response = client_for(coordinator).post(CREATE, {**BODY, "departements": "64"}, content_type="application/json")
    assert assert_api_422(response) == [
        {"loc": ["body", "departements"], "msg": "Liste attendue.", "type": "list_type"}
    ]


def test_a_value_refused_by_the_service_is_the_same_422(client_for, coordinator, structure):
    response = client_for(coordinator).post(CREATE, {**BODY, "slug": structure.slug}, content_type="application/json")
    assert assert_api_422(response) == [
        {"loc": ["body", "slug"], "msg": "Cet identifiant est déjà utilisé.", "type": "invalid"}
    ]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ValidationError({"city": "Ville inconnue."}), [{"loc": ["body", "city"], "msg": "Ville inconnue."}]),
        (ValidationError("Fiche incomplète."), [{"loc": ["body"], "msg": "Fiche incomplète."}]),
    ],
)
def test_a_service_validation_error_the_endpoint_lets_through_is_the_same_422(
    monkeypatch, client_for, member, structure, error, expected
):
    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(services, "update_structure", refuse)
    response = client_for(member).patch(
        f"{CREATE}/{structure.slug}", {"version": 1, "city": "Brest"}, content_type="application/json"
    )
    assert assert_api_422(response) == [{**item, "type": "invalid"} for item in expected]
