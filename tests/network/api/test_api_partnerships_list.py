import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import ROLES
from tests.factories import MembershipFactory, PartnerFactory, PartnershipFactory, StructureFactory

pytestmark = pytest.mark.django_db


def url(slug="tag-test"):
    return f"/api/v1/structures/{slug}/partnerships"


@pytest.fixture
def partnerships(structure):
    current = PartnershipFactory(structure=structure, partner=PartnerFactory(name="Région Bretagne"), note="Interne")
    ended = PartnershipFactory(
        structure=structure, partner=PartnerFactory(name="Ancien"), until=datetime.date(2024, 6, 30)
    )
    return current, ended


@pytest.mark.parametrize(
    ("persona", "sees_note"),
    [("coordinator", True), ("member", True), ("other_member", False), ("anonymous", False)],
    indirect=["persona"],
)
def test_everyone_reads_the_partnerships_of_a_public_structure_notes_stay_internal(
    persona, sees_note, client_for, partnerships
):
    response = client_for(persona[1]).get(url())
    assert response.status_code == 200
    items = {item["partner"]["name"]: item for item in response.json()["results"]}
    assert set(items) == {"Région Bretagne", "Ancien"}
    region = items["Région Bretagne"]
    assert region["note"] == ("Interne" if sees_note else None)
    assert region["abilities"] == {"view": True, "change": sees_note, "end": sees_note}
    assert region["current"] is True and items["Ancien"]["current"] is False
    assert region["structure"] == "tag-test"


def test_filter_current_or_ended(client, partnerships):
    current = client.get(url(), {"current": "true"}).json()["results"]
    ended = client.get(url(), {"current": "false"}).json()["results"]
    assert [p["partner"]["name"] for p in current] == ["Région Bretagne"]
    assert [p["partner"]["name"] for p in ended] == ["Ancien"]
    assert client.get(url(), {"current": "peut-être"}).status_code == 422


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("member", 200), ("other_member", 404), ("anonymous", 404)],
    indirect=["persona"],
)
def test_partnerships_of_a_hidden_candidate_are_hidden_too(persona, status, client_for, member):
    candidate = StructureFactory(slug="candidate", candidate=True)
    MembershipFactory(user=member, structure=candidate)
    partnership = PartnershipFactory(structure=candidate)
    client = client_for(persona[1])
    assert client.get(url("candidate")).status_code == status
    assert client.get(f"/api/v1/partnerships/{partnership.pk}").status_code == status


def test_one_partnership_is_read_by_its_id(client, partnerships):
    body = client.get(f"/api/v1/partnerships/{partnerships[0].pk}").json()
    assert body["partner"]["name"] == "Région Bretagne"
    assert client.get("/api/v1/partnerships/999999").status_code == 404


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url()).status_code == 200
    return len(queries)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_partnership_list_costs_the_same_queries_for_3_and_30(persona, client_for, structure):
    client = client_for(persona[1])
    PartnershipFactory.create_batch(3, structure=structure)
    client.get(url())
    few = _queries(client)
    PartnershipFactory.create_batch(27, structure=structure)
    assert _queries(client) == few
