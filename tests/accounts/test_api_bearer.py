import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone
from ninja.errors import AuthenticationError

from fabrique.accounts import services
from fabrique.accounts.models import ApiToken
from fabrique.core.api_auth import BearerOrSession


@pytest.fixture
def issued(member):
    token, raw = services.create_api_token(member, name="Script")
    return token, raw


def _request(header=None, method="get"):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    request = getattr(RequestFactory(), method)("/api/v1/structures", **extra)
    request.user = AnonymousUser()
    return request


def test_a_bearer_token_authenticates_its_owner_and_records_its_use(issued, member):
    token, raw = issued
    request = _request(f"Bearer {raw}")
    assert BearerOrSession()(request) == member
    assert request.user == member
    token.refresh_from_db()
    assert token.last_used_at is not None and token.last_used_at <= timezone.now()


def test_a_bearer_token_works_for_writes_without_csrf(issued, member):
    _token, raw = issued
    assert BearerOrSession()(_request(f"Bearer {raw}", method="post")) == member


@pytest.mark.parametrize("header", ["Bearer fab_inconnu", "Basic abc", "Bearer ", "Token x"])
def test_a_wrong_or_malformed_token_is_refused(issued, header):
    with pytest.raises(AuthenticationError, match="^Unauthorized$"):
        BearerOrSession(optional=True)(_request(header))


def test_a_revoked_token_is_refused(issued, member):
    token, raw = issued
    services.revoke_api_token(token, by=member)
    assert ApiToken.authenticate(raw) is None
    with pytest.raises(AuthenticationError, match="^Unauthorized$"):
        BearerOrSession()(_request(f"Bearer {raw}"))


def test_the_token_of_a_deactivated_account_is_refused(issued, member):
    _token, raw = issued
    member.is_active = False
    member.save()
    assert ApiToken.authenticate(raw) is None


def test_without_a_token_anonymous_passes_only_when_optional(db):
    assert BearerOrSession(optional=True)(_request()) is True
    with pytest.raises(AuthenticationError, match="^Unauthorized$"):
        BearerOrSession()(_request())


def test_the_api_answers_401_in_json_for_a_wrong_token_and_200_for_a_good_one(client, issued):
    _token, raw = issued
    response = client.get("/api/v1/structures", HTTP_AUTHORIZATION="Bearer fab_faux")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentification requise."}
    assert client.get("/api/v1/structures", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
