import datetime

import pytest
from django.utils import timezone

from fabrique.network.models import Partnership
from tests.api_errors import names_field
from tests.factories import PartnershipFactory
from tests.snapshots import assert_unchanged

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership(structure):
    return PartnershipFactory(structure=structure, since=datetime.date(2024, 1, 1))


def end(client, partnership, body=None):
    url = f"/api/v1/partnerships/{partnership.pk}/end"
    # Without a body, as `curl -X POST` sends it.
    return client.post(url, "" if body is None else body, content_type="application/json")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("member", 200), ("other_member", 403), ("anonymous", 401)],
    indirect=["persona"],
)
def test_the_coordinator_and_members_end_a_partnership_others_cannot(persona, status, client_for, partnership):
    with assert_unchanged(Partnership, unless=status == 200):
        response = end(client_for(persona[1]), partnership)
    assert response.status_code == status
    until = Partnership.objects.get(pk=partnership.pk).until
    assert until == (timezone.localdate() if status == 200 else None)


def test_an_end_date_can_be_given_and_the_partnership_stays(client_for, member, partnership):
    body = end(client_for(member), partnership, {"until": "2025-03-31"}).json()
    assert (body["until"], body["current"]) == ("2025-03-31", False)
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_a_bearer_token_ends_a_partnership(bearer_client, member, partnership):
    assert end(bearer_client(member), partnership).status_code == 200


def test_ending_an_ended_partnership_is_a_409_naming_the_partner(client_for, member, partnership):
    end(client_for(member), partnership, {"until": "2025-03-31"})
    assert Partnership.objects.get(pk=partnership.pk).until == datetime.date(2025, 3, 31)
    with assert_unchanged(Partnership):
        response = end(client_for(member), partnership)
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert f"« {partnership.partner.name} » est déjà terminé (le 31/03/2025)" in detail


def test_an_end_before_the_start_is_a_422_naming_until(client_for, member, partnership):
    with assert_unchanged(Partnership):
        response = end(client_for(member), partnership, {"until": "2023-12-31"})
    assert response.status_code == 422
    assert names_field(response, "until")
