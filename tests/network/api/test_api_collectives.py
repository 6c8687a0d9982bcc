import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import ROLES
from tests.factories import CollectiveFactory, MembershipFactory, StructureFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectives"


@pytest.fixture
def generateur(structure, other_structure):
    collective = CollectiveFactory(name="Le Générateur Bourgogne-Franche-Comté", slug="le-generateur")
    collective.structures.add(structure, other_structure)
    return collective


@pytest.mark.parametrize(
    ("persona", "sees_candidate"),
    [("coordinator", True), ("member", True), ("other_member", False), ("anonymous", False)],
    indirect=["persona"],
)
def test_everyone_lists_collectives_but_candidate_members_stay_hidden(
    persona, sees_candidate, client_for, generateur, member
):
    candidate = StructureFactory(slug="candidate", candidate=True)
    MembershipFactory(user=member, structure=candidate)
    generateur.structures.add(candidate)
    response = client_for(persona[1]).get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["slug"] == "le-generateur"
    assert item["name"] == "Le Générateur Bourgogne-Franche-Comté"
    expected = ["autre-fabrique", "tag-test"] + (["candidate"] if sees_candidate else [])
    assert sorted(item["structures"]) == sorted(expected)
    assert item["url"] == "http://testserver/collectifs/le-generateur/"


@pytest.mark.parametrize(
    ("persona", "change"),
    [("coordinator", True), ("member", False), ("other_member", False), ("anonymous", False)],
    indirect=["persona"],
)
def test_collective_detail_and_its_abilities(persona, change, client_for, generateur):
    response = client_for(persona[1]).get(f"{URL}/le-generateur")
    assert response.status_code == 200
    assert response.json()["abilities"] == {"view": True, "change": change, "delete": change}


def test_an_unknown_collective_is_a_json_404(client):
    response = client.get(f"{URL}/inconnu")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_collectives_are_paginated(client):
    CollectiveFactory.create_batch(3)
    body = client.get(URL, {"page_size": 2}).json()
    assert (body["count"], len(body["results"])) == (3, 2)
    assert client.get(URL, {"page_size": 500}).status_code == 422


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def _populate(n):
    for _ in range(n):
        collective = CollectiveFactory()
        collective.structures.add(*StructureFactory.create_batch(2))


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_collective_list_costs_the_same_queries_for_3_and_30(persona, client_for):
    client = client_for(persona[1])
    _populate(3)
    client.get(URL)
    few = _queries(client)
    _populate(27)
    assert _queries(client) == few
