import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import ROLES
from tests.factories import MembershipFactory, StructureFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/map"


def by_code(response):
    return {d["code"]: d for d in response.json()}


def test_the_map_lists_all_101_departements_with_their_region(client):
    response = client.get(URL)
    assert response.status_code == 200
    departements = by_code(response)
    assert len(departements) == 101
    assert departements["2A"]["region"] == {"code": "94", "name": "Corse"}
    assert departements["01"]["status"] is None and departements["01"]["structures"] == []


def test_a_departement_shows_its_strongest_status_and_its_structures(client):
    StructureFactory(name="Clus'Ter Jura", slug="cluster-jura", departements=["39"])
    StructureFactory(name="France Active Franche-Comté", slug="fa-fc", labelled=True, departements=["25", "39"])
    StructureFactory(name="Ancienne", slug="ancienne", withdrawn=True, departements=["70"])
    departements = by_code(client.get(URL))
    jura = departements["39"]
    assert jura["status"] == "labelled"
    assert jura["status_label"] == "avec appellation"
    assert {s["slug"]: s["status"] for s in jura["structures"]} == {
        "cluster-jura": "experimenting",
        "fa-fc": "labelled",
    }
    assert jura["structures"][0]["url"].startswith("http://testserver/structures/")
    assert departements["70"]["status"] == "withdrawn"


@pytest.mark.parametrize(
    ("persona", "sees"),
    [("coordinator", True), ("member", True), ("other_member", False), ("anonymous", False)],
    indirect=["persona"],
)
def test_a_candidate_appears_on_the_map_only_for_those_who_may_see_it(persona, sees, client_for, member):
    candidate = StructureFactory(slug="candidate", candidate=True, departements=["2B"])
    MembershipFactory(user=member, structure=candidate)
    corse = by_code(client_for(persona[1]).get(URL))["2B"]
    assert corse["status"] == ("candidate" if sees else None)
    assert [s["slug"] for s in corse["structures"]] == (["candidate"] if sees else [])


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_map_costs_the_same_queries_for_3_and_30_structures(persona, client_for):
    client = client_for(persona[1])
    StructureFactory.create_batch(3, departements=["29", "22"])
    client.get(URL)
    few = _queries(client)
    StructureFactory.create_batch(27, departements=["35", "56", "2A"])
    assert _queries(client) == few
