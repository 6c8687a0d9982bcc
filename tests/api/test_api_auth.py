import pytest
from django.test import Client
from django.utils import timezone

from fabrique.accounts.models import ApiToken
from fabrique.network.models import Structure
from tests.snapshots import assert_unchanged

pytestmark = pytest.mark.django_db

URL = "/api/v1/structures/tag-test"


def test_a_bearer_token_authenticates_reads_and_writes(member, structure):
    _, raw = ApiToken.issue(member, "script")
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get(URL).json()["abilities"]["change"] is True
    response = client.patch(URL, {"version": 1, "city": "Brest"}, content_type="application/json")
    assert response.status_code == 200


@pytest.mark.parametrize("header", ["Bearer fab_inconnu", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc"])
def test_a_wrong_authorization_header_is_a_401_even_for_reading(structure, header):
    response = Client(HTTP_AUTHORIZATION=header).get(URL)
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentification requise."}


def test_a_revoked_token_no_longer_works(member, structure):
    token, raw = ApiToken.issue(member, "script")
    token.revoked_at = timezone.now()
    token.save()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(URL).status_code == 401


def test_the_token_of_a_deactivated_user_no_longer_works(member, structure):
    _, raw = ApiToken.issue(member, "script")
    member.is_active = False
    member.save()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(URL).status_code == 401


def test_anonymous_reads_but_writes_get_a_401(client, structure):
    assert client.get(URL).status_code == 200
    with assert_unchanged(Structure):
        response = client.patch(URL, {"version": 1, "city": "Brest"}, content_type="application/json")
    assert response.status_code == 401
