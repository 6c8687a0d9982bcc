import datetime

import pytest

from fabrique.network.models import Structure, StructureStatusLog
from tests.api_errors import names_field
from tests.factories import MembershipFactory, StructureFactory
from tests.snapshots import assert_unchanged

pytestmark = pytest.mark.django_db


def post(client, slug, body):
    return client.post(f"/api/v1/structures/{slug}/transitions", body, content_type="application/json")


@pytest.fixture
def candidate(member):
    candidate = StructureFactory(slug="candidate", candidate=True)
    MembershipFactory(user=member, structure=candidate)
    return candidate


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("member", 403), ("other_member", 404), ("anonymous", 401)],
    indirect=["persona"],
)
def test_only_the_coordinator_admits_a_candidate(persona, status, client_for, candidate):
    with assert_unchanged(Structure, StructureStatusLog, unless=status == 200):
        response = post(client_for(persona[1]), "candidate", {"transition": "admit", "reason": "Dossier complet"})
    assert response.status_code == status
    candidate.refresh_from_db()
    assert (candidate.status == "experimenting") is (status == 200)
    if status == 200:
        assert response.json()["status"] == "experimenting"
        assert candidate.status_log.get().note == "Dossier complet"


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("member", 403), ("other_member", 403), ("anonymous", 401)],
    indirect=["persona"],
)
def test_only_the_coordinator_records_a_withdrawal(persona, status, client_for, structure):
    with assert_unchanged(Structure, StructureStatusLog, unless=status == 200):
        response = post(client_for(persona[1]), "tag-test", {"transition": "withdraw", "reason": "Fin du projet"})
    assert response.status_code == status
    assert Structure.objects.get(pk=structure.pk).status == ("withdrawn" if status == 200 else "experimenting")


def test_readmission_of_a_withdrawn_structure_with_a_date(client_for, coordinator):
    StructureFactory(slug="partie", withdrawn=True)
    body = post(
        client_for(coordinator), "partie", {"transition": "readmit", "reason": "Retour", "on": "2026-01-05"}
    ).json()
    assert body["status"] == "experimenting"
    assert body["experimenting_since"] == "2026-01-05"


def test_a_bearer_token_of_the_coordinator_moves_a_structure(bearer_client, coordinator, candidate):
    assert post(bearer_client(coordinator), "candidate", {"transition": "admit"}).status_code == 200


def test_an_impossible_transition_is_a_409_in_french_and_changes_nothing(client_for, coordinator, structure):
    with assert_unchanged(Structure, StructureStatusLog):
        response = post(client_for(coordinator), "tag-test", {"transition": "admit"})
    assert response.status_code == 409
    assert "en expérimentation" in response.json()["detail"]


def test_a_withdrawal_without_reason_is_a_409_asking_for_it(client_for, coordinator, structure):
    with assert_unchanged(Structure, StructureStatusLog):
        response = post(client_for(coordinator), "tag-test", {"transition": "withdraw", "reason": "  "})
    assert response.status_code == 409
    assert "motif" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"transition": "grant_appellation"}, "transition"),
        ({"transition": "label"}, "transition"),
        ({}, "transition"),
        ({"transition": "admit", "on": "demain"}, "on"),
        ({"transition": "admit", "on": (datetime.date.today() + datetime.timedelta(days=30)).isoformat()}, "on"),
    ],
)
def test_a_bad_transition_request_is_a_422_naming_the_field(client_for, coordinator, candidate, body, field):
    with assert_unchanged(Structure, StructureStatusLog):
        response = post(client_for(coordinator), "candidate", body)
    assert response.status_code == 422
    assert names_field(response, field)
