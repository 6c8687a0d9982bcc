import hashlib

import pytest

from fabrique.accounts import services
from fabrique.accounts.models import ApiToken
from tests.api_errors import names_field
from tests.conftest import CALLERS
from tests.snapshots import assert_unchanged

TOKENS = "/api/v1/accounts/tokens"


def revoke_url(token):
    return f"{TOKENS}/{token.pk}/revoke"


def test_a_new_token_is_returned_once_and_only_its_hash_is_stored(client_for, member):
    client = client_for(member)
    response = client.post(TOKENS, {"name": "  Export du soir "}, content_type="application/json")
    assert response.status_code == 201
    data = response.json()
    raw = data["token"]
    token = ApiToken.objects.get(pk=data["id"])
    assert raw.startswith("fab_") and data["name"] == "Export du soir" == token.name
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest() and data["hint"] == raw[:10]
    assert data["abilities"] == {"view": True, "revoke": True}
    listing = client.get(TOKENS)
    assert raw not in listing.content.decode()
    assert [t["name"] for t in listing.json()["results"]] == ["Export du soir"]
    me = client_for(None).get("/api/v1/accounts/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert me.json()["email"] == member.email


@pytest.mark.parametrize("caller", CALLERS, indirect=True)
def test_only_its_owner_lists_and_revokes_a_token(caller, member):
    name, _user, client = caller
    token, raw = services.create_api_token(member, name="Export")
    listing = client.get(TOKENS)
    with assert_unchanged(ApiToken, unless=name in ("member", "bearer")):
        response = client.post(revoke_url(token), "", content_type="application/json")
    token.refresh_from_db()
    if name == "anonymous":
        assert listing.status_code == response.status_code == 401
    elif name in ("member", "bearer"):
        assert "Export" in [t["name"] for t in listing.json()["results"]]
        assert response.status_code == 200 and response.json()["revoked_at"] is not None
        assert response.json()["abilities"] == {"view": True, "revoke": False}
        assert token.revoked_at is not None and ApiToken.authenticate(raw) is None
    else:
        assert listing.status_code == 200
        assert "Export" not in [t["name"] for t in listing.json()["results"]]
        assert response.status_code == 404


@pytest.mark.parametrize("caller", CALLERS, indirect=True)
def test_creating_a_token_needs_an_identified_caller(caller):
    name, user, client = caller
    with assert_unchanged(ApiToken, unless=name != "anonymous"):
        response = client.post(TOKENS, {"name": "Script"}, content_type="application/json")
    if name == "anonymous":
        assert response.status_code == 401
    else:
        assert response.status_code == 201
        assert ApiToken.objects.get(name="Script").user == user


@pytest.mark.parametrize(
    "body", [{"name": "   "}, {}, {"name": "x" * 101}, {"name": 12}], ids=["blank", "missing", "long", "number"]
)
def test_a_token_needs_a_valid_name(client_for, member, body):
    with assert_unchanged(ApiToken):
        response = client_for(member).post(TOKENS, body, content_type="application/json")
    assert response.status_code == 422 and names_field(response, "name")


def test_an_unknown_field_or_token_is_refused(client_for, member):
    client = client_for(member)
    with assert_unchanged(ApiToken):
        response = client.post(TOKENS, {"name": "A", "owner": 1}, content_type="application/json")
        unknown = client.post(f"{TOKENS}/999999/revoke", "", content_type="application/json")
    assert response.status_code == 422 and names_field(response, "owner")
    assert unknown.status_code == 404


def test_revoking_twice_changes_nothing(client_for, member):
    token, _raw = services.create_api_token(member, name="Export")
    client = client_for(member)
    first = client.post(revoke_url(token), "", content_type="application/json").json()["revoked_at"]
    with assert_unchanged(ApiToken):
        assert client.post(revoke_url(token), "", content_type="application/json").json()["revoked_at"] == first


def test_a_session_write_without_csrf_token_is_refused(member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    with assert_unchanged(ApiToken):
        response = client.post(TOKENS, {"name": "Script"}, content_type="application/json")
    assert response.status_code == 403
    assert "jeton CSRF" in response.json()["detail"]
