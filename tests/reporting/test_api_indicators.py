import pytest

from tests.conftest import ROLES
from tests.factories import UserFactory


def test_anyone_reads_the_network_figures(network, client):
    body = client.get("/api/v1/indicators?year=2025").json()
    assert body["scope"]["kind"] == "network"
    assert body["needs"]["total"] == 3
    assert body["creativity_sessions"] == {"count": 3, "participants": 77}
    assert body["opportunity_studies"] == {"launched": 4, "completed": 3}
    assert body["activities"]["created"] == 1 and body["activities"]["jobs_fte"] == 2.5
    assert body["activities"]["followup_1y"] == {"due": 1, "recorded": 1, "active": 1, "jobs_fte": 4}
    assert [c["rate"] for c in body["conversions"]][:2] == [100, 33.3]
    assert body["conversions"][0]["from"] == "detection"
    stages = {row["code"]: row for row in body["stages"]}
    assert stages["opportunity"]["median_days"] == 90 and stages["created"]["current"] == 3


def test_anyone_reads_the_figures_of_a_region(network, client):
    body = client.get("/api/v1/indicators?year=2025&region=27").json()
    assert body["scope"] == {
        "kind": "region",
        "label": "Bourgogne-Franche-Comté",
        "structure": None,
        "region": "27",
        "departements": None,
    }
    assert body["needs"]["total"] == 1


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_structures_figures_are_for_its_members_and_the_coordinator(network, persona, client_for):
    name, user = persona
    response = client_for(user).get("/api/v1/indicators?year=2025&structure=tag-test")
    expected = {"coordinator": 200, "member": 200, "other_member": 403, "anonymous": 401}[name]
    assert response.status_code == expected, response.content
    if expected == 200:
        assert response.json()["needs"]["total"] == 2
        assert response.json()["scope"]["structure"] == "tag-test"
    else:
        assert "detail" in response.json()


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_departements_figures_are_for_those_who_follow_it(network, persona, client_for):
    name, user = persona
    response = client_for(user).get("/api/v1/indicators?year=2025&departement=29")
    # the member's structure covers the Finistère, the other member's the Côte-d'Or
    expected = {"coordinator": 200, "member": 200, "other_member": 403, "anonymous": 401}[name]
    assert response.status_code == expected


def test_a_partner_user_reads_the_figures_of_the_departements_they_follow(network, client_for):
    partner = UserFactory()
    partner.partner_departements.set(["21"])
    client = client_for(partner)
    assert client.get("/api/v1/indicators?year=2025&departement=21").json()["needs"]["total"] == 1
    assert client.get("/api/v1/indicators?year=2025&departement=29").status_code == 403
    assert client.get("/api/v1/indicators?year=2025&structure=autre-fabrique").status_code == 403


@pytest.mark.parametrize(
    "query, status",
    [
        ("year=1900", 422),
        ("year=abc", 422),
        ("year=2999", 422),
        ("region=99", 404),
        ("structure=inconnue", 404),
        ("departement=00", 404),
    ],
)
def test_bad_filters_get_a_json_error(db, client, query, status):
    response = client.get(f"/api/v1/indicators?{query}")
    assert response.status_code == status
    assert "detail" in response.json()


def test_the_api_costs_the_same_number_of_queries_for_3_and_30_projects(structure, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.method.factories import ProjectFactory

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/indicators?year=2024").status_code == 200
        return len(ctx.captured_queries)

    ProjectFactory.create_batch(3, structure=structure)
    few = count()
    ProjectFactory.create_batch(27, structure=structure)
    assert count() == few


def test_the_indicators_endpoint_is_documented_in_the_openapi_schema(db, client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/indicators" in schema["paths"]
    assert "IndicatorsOut" in schema["components"]["schemas"]
