import hashlib

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from fabrique.accounts import services
from fabrique.accounts.models import ApiToken
from tests.conftest import ROLES
from tests.snapshots import assert_unchanged

from .helpers import text

TOKENS = reverse("accounts:tokens")


def _create(client, name="Script d'export"):
    response = client.post(TOKENS, {"name": name})
    assert response.status_code == 200
    return response, ApiToken.objects.latest("pk")


def _raw_from(response):
    page = text(response)
    start = page.index('id="raw-token" value="') + len('id="raw-token" value="')
    return page[start : page.index('"', start)]


def test_a_new_token_is_shown_once_and_only_its_hash_is_stored(client_for, member):
    client = client_for(member)
    response, token = _create(client)
    raw = _raw_from(response)
    assert raw.startswith("fab_") and len(raw) > 40
    assert "no-store" in response["Cache-Control"]
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert token.hint == raw[:10]
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert not any(raw in str(value) for value in row.values())
    assert not any(raw in session.session_data for session in Session.objects.all())
    listing = text(client.get(TOKENS))
    assert raw not in listing
    assert "Script d'export" in listing and token.hint in listing
    assert ApiToken.authenticate(raw) == member


def test_a_token_needs_a_name(client_for, member):
    with assert_unchanged(ApiToken):
        response = client_for(member).post(TOKENS, {"name": "  "})
    assert 'href="#id_name">' in text(response)


def test_revoking_a_token_stops_it_at_once(client_for, member):
    client = client_for(member)
    response, token = _create(client)
    raw = _raw_from(response)
    revoke = reverse("accounts:token_revoke", args=[token.pk])
    assert client.get(revoke).status_code == 405
    response = client.post(revoke, follow=True)
    assert "est révoqué" in text(response)
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert ApiToken.authenticate(raw) is None
    assert "Révoqué le" in text(client.get(TOKENS))


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_its_owner_sees_and_revokes_a_token(persona, client_for, member):
    name, user = persona
    token, _raw = services.create_api_token(member, name="Export")
    client = client_for(user)
    listing = client.get(TOKENS)
    with assert_unchanged(ApiToken, unless=name == "member"):
        response = client.post(reverse("accounts:token_revoke", args=[token.pk]))
    token.refresh_from_db()
    if name == "member":
        assert "Export" in text(listing)
        assert response.status_code == 302 and token.revoked_at is not None
    elif name == "anonymous":
        assert listing.status_code == response.status_code == 302
    else:
        assert "Export" not in text(listing)
        assert response.status_code == 404


def test_the_token_list_costs_the_same_queries_for_3_and_30_tokens(client_for, member, other_member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for user, n in ((member, 3), (other_member, 30)):
        for i in range(n):
            services.create_api_token(user, name=f"Jeton {i}")
        client = client_for(user)
        client.get(TOKENS)
        with CaptureQueriesContext(connection) as queries:
            client.get(TOKENS)
        counts.append(len(queries))
    assert counts[0] == counts[1]
