"""Bad input never gets a 500 nor an HTML page from the API: always a 4xx JSON `{"detail": ...}`."""

import re

import pytest
from django.http import HttpResponse, HttpResponseServerError
from django.test import RequestFactory

from fabrique.accounts.models import ApiToken
from fabrique.api import api
from fabrique.core.middleware import ApiJsonErrorsMiddleware
from fabrique.network.models import Structure
from tests.api_errors import names_field
from tests.factories import PartnershipFactory
from tests.snapshots import assert_unchanged, every_model

pytestmark = pytest.mark.django_db

GARBAGE = [
    b"\x00\xff\xfe garbage",
    b"{",
    b'{"version": ',
    b"[]",
    b'"du texte"',
    b"12",
    b'{"version": "deux", "name": 3, "departements": "29", "transition": [], "partner": "x", "until": 5}',
    b'{"version": 1, "departements": [null], "since": "2024-13-45", "partner": {"siret": 12}}',
    b"[" * 5000 + b"]" * 5000,
    '{"name": "\ud800"}'.encode("utf-8", "surrogatepass"),
]


@pytest.fixture
def write_operations(structure):
    """Every write operation of the API, with its path parameters filled with existing objects."""
    partnership = PartnershipFactory(structure=structure)
    values = {"slug": "tag-test", "partnership_id": partnership.pk, "partner_id": partnership.partner_id}
    operations = []
    for path, methods in api.get_openapi_schema()["paths"].items():
        for method in methods:
            if method in {"post", "put", "patch", "delete"}:
                url = re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), 1)), path)
                operations.append((method, url))
    assert len(operations) >= 7
    return operations


@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded", "text/plain"])
def test_garbage_to_every_write_endpoint_gets_a_4xx_json_answer(
    client_for, coordinator, write_operations, content_type
):
    client = client_for(coordinator)
    assert len(write_operations) >= 7
    with assert_unchanged(*every_model()):
        for method, url in write_operations:
            for body in GARBAGE:
                response = getattr(client, method)(url, body, content_type=content_type)
                assert 400 <= response.status_code < 500, (method, url, body[:40], response.status_code)
                assert response["Content-Type"].startswith("application/json"), (method, url)
                assert response.json()["detail"], (method, url)


def test_garbage_from_a_bearer_token_gets_the_same_answers(bearer_client, coordinator, write_operations):
    client = bearer_client(coordinator)
    assert len(write_operations) >= 7
    # the token's date of last use is the one write a refused request may cause
    with assert_unchanged(*(model for model in every_model() if model is not ApiToken)):
        for method, url in write_operations:
            response = getattr(client, method)(url, b"{", content_type="application/json")
            assert 400 <= response.status_code < 500, (method, url, response.status_code)
            assert response.json()["detail"], (method, url)
    registry = [(m, u) for m, u in write_operations if u.startswith(("/api/v1/structures", "/api/v1/partner"))]
    assert registry, "aucune écriture du registre (structures, partenaires) dans le schéma de l'API"
    for method, url in registry:
        assert getattr(client, method)(url, b"{", content_type="application/json").status_code == 400, (method, url)


def test_malformed_json_is_a_400_in_french(client_for, member, structure):
    with assert_unchanged(Structure):
        response = client_for(member).patch(
            "/api/v1/structures/tag-test", "{'version': 1}", content_type="application/json"
        )
    assert response.status_code == 400
    assert response.json() == {"detail": "Le corps de la requête n'est pas un JSON valide."}


def test_wrong_types_are_a_422_naming_each_field(client_for, member, structure):
    with assert_unchanged(Structure):
        response = client_for(member).patch(
            "/api/v1/structures/tag-test", {"version": "un", "city": ["Brest"]}, content_type="application/json"
        )
    assert response.status_code == 422
    assert names_field(response, "version") and names_field(response, "city")


@pytest.mark.parametrize("via", ["session", "bearer"])
def test_an_oversized_body_is_a_413_json_and_saves_nothing(via, client_for, bearer_client, member, structure, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    client = client_for(member) if via == "session" else bearer_client(member)
    body = '{"version": 1, "description": "' + "x" * 4096 + '"}'
    with assert_unchanged(Structure):
        response = client.patch("/api/v1/structures/tag-test", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"detail": "Le corps de la requête est trop volumineux."}


def test_an_oversized_form_body_is_a_413_json_too(client_for, coordinator, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    with assert_unchanged(Structure):
        response = client_for(coordinator).post(
            "/api/v1/structures", "name=" + "x" * 4096, content_type="application/x-www-form-urlencoded"
        )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")


def test_an_unknown_address_under_the_api_is_a_json_404(client):
    response = client.get("/api/v1/nulle-part")
    assert response.status_code == 404
    assert response.json() == {"detail": "Introuvable."}


def test_a_wrong_method_is_a_json_405_listing_the_allowed_ones(client):
    response = client.delete("/api/v1/structures")
    assert response.status_code == 405
    assert response.json()["detail"]
    assert "GET" in response["Allow"]


def test_a_server_error_under_the_api_answers_json_and_pages_stay_html():
    factory = RequestFactory()
    middleware = ApiJsonErrorsMiddleware(lambda request: HttpResponseServerError("<h1>Server Error</h1>"))
    api_response = middleware(factory.get("/api/v1/structures"))
    assert api_response.status_code == 500
    assert api_response["Content-Type"] == "application/json"
    page_response = middleware(factory.get("/structures/"))
    assert page_response.content == b"<h1>Server Error</h1>"


def test_successful_answers_pass_through_untouched():
    middleware = ApiJsonErrorsMiddleware(lambda request: HttpResponse("ok"))
    assert middleware(RequestFactory().get("/api/v1/map")).content == b"ok"
