import datetime

import pytest

from fabrique.network.models import Partnership
from tests.api_errors import names_field
from tests.factories import PartnershipFactory
from tests.snapshots import assert_unchanged

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership(structure):
    return PartnershipFactory(structure=structure, role="Financeur", since=datetime.date(2024, 1, 1))


def patch(client, partnership, body):
    return client.patch(f"/api/v1/partnerships/{partnership.pk}", body, content_type="application/json")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("member", 200), ("other_member", 403), ("anonymous", 401)],
    indirect=["persona"],
)
def test_the_coordinator_and_members_edit_a_partnership_others_cannot(persona, status, client_for, partnership):
    with assert_unchanged(Partnership, unless=status == 200):
        response = patch(client_for(persona[1]), partnership, {"version": 1, "role": "Co-financeur"})
    assert response.status_code == status
    assert (Partnership.objects.get(pk=partnership.pk).role == "Co-financeur") is (status == 200)


def test_an_edit_bumps_the_version_and_keeps_the_author(client_for, member, partnership):
    body = patch(client_for(member), partnership, {"version": 1, "note": "Renouvelé", "since": None}).json()
    assert (body["version"], body["note"], body["since"]) == (2, "Renouvelé", None)
    assert partnership.history.first().history_user == member


def test_a_bearer_token_edits_a_partnership(bearer_client, member, partnership):
    assert patch(bearer_client(member), partnership, {"version": 1, "role": "Mécène"}).status_code == 200


def test_a_stale_version_is_a_409_and_saves_nothing(client_for, member, partnership):
    patch(client_for(member), partnership, {"version": 1, "role": "Premier"})
    assert Partnership.objects.get(pk=partnership.pk).role == "Premier"
    with assert_unchanged(Partnership):
        response = patch(client_for(member), partnership, {"version": 1, "role": "Second"})
    assert response.status_code == 409


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"role": "x"}, "version"),
        ({"version": 1, "until": "2023-01-01"}, "until"),
        ({"version": 1, "partner": 3}, "partner"),
        ({"version": 1, "role": "x" * 201}, "role"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(client_for, member, partnership, body, field):
    with assert_unchanged(Partnership):
        response = patch(client_for(member), partnership, body)
    assert response.status_code == 422
    assert names_field(response, field), response.json()
