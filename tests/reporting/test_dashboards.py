import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import ROLES
from tests.factories import UserFactory
from tests.method.factories import OutcomeFactory, ProjectFactory
from tests.method.helpers import assert_no_inline_code


def test_the_public_dashboard_shows_network_figures_and_public_activities_only(network, client):
    response = client.get("/indicateurs/?annee=2025")
    assert response.status_code == 200
    html = response.content.decode()
    assert_no_inline_code(html)
    assert "Chiffres du réseau" in html
    assert "Garage solidaire" in html  # public, created in 2025
    assert "<svg" in html and 'role="img"' in html
    assert len(re.findall(r"<caption[ >]", html)) >= 8  # a table beside each chart
    # the map counts only public activities: Finistère 1, Côte-d'Or 1 (the crèche; the recyclerie is not public)
    assert re.search(r"Côte-d&#x27;Or \(21\)</th><td class=\"text-end\">1</td>", html)


def test_the_public_dashboard_filters_by_region(network, client):
    html = client.get("/indicateurs/?annee=2025&region=27").content.decode()
    assert "Périmètre : Bourgogne-Franche-Comté" in html
    assert "Garage solidaire" not in html


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_network_dashboard_is_for_the_coordinator(network, persona, client_for):
    name, user = persona
    response = client_for(user).get("/indicateurs/reseau/?annee=2025&region=53")
    expected = {"coordinator": 200, "member": 403, "other_member": 403, "anonymous": 302}[name]
    assert response.status_code == expected
    if expected == 200:
        html = response.content.decode()
        assert "Tableau de bord du réseau" in html and "Périmètre : Bretagne" in html
        assert "Rapport annuel (PDF)" in html


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_structure_dashboard_is_for_its_members_and_the_coordinator(network, persona, client_for):
    name, user = persona
    response = client_for(user).get("/indicateurs/structures/tag-test/?annee=2025")
    expected = {"coordinator": 200, "member": 200, "other_member": 403, "anonymous": 302}[name]
    assert response.status_code == expected
    if expected == 200:
        html = response.content.decode()
        assert "Tableau de bord — TAg Test" in html
        assert "Epicerie itinerante" not in html  # projects are counted, not listed, unless created


def test_a_member_lands_on_their_structure_dashboard(network, client_for, member, coordinator):
    response = client_for(member).get("/indicateurs/structure/")
    assert response.status_code == 302 and response["Location"] == "/indicateurs/structures/tag-test/"
    listing = client_for(coordinator).get("/indicateurs/structure/")
    assert b"/indicateurs/structures/autre-fabrique/" in listing.content


def test_the_territory_dashboard_shows_a_partner_user_their_departements(network, client_for, client, other_member):
    partner = UserFactory()
    partner.partner_departements.set(["21"])
    response = client_for(partner).get("/indicateurs/territoire/?annee=2025")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Côte-d&#x27;Or (21)" in html
    assert client_for(partner).get("/indicateurs/territoire/?departement=29").status_code == 403
    assert client.get("/indicateurs/territoire/").status_code == 302
    nobody = UserFactory()
    assert client_for(nobody).get("/indicateurs/territoire/").status_code == 403


@pytest.mark.parametrize("query", ["annee=abc", "annee=1999", "region=99", "annee=3000"])
def test_bad_filters_are_not_found(db, client, query):
    assert client.get(f"/indicateurs/?{query}").status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/indicateurs/?annee=2025", "/indicateurs/reseau/?annee=2025", "/indicateurs/structures/tag-test/?annee=2025"],
)
def test_dashboards_cost_the_same_number_of_queries_for_3_and_30_projects(structure, coordinator, client_for, url):
    import datetime

    client = client_for(coordinator)

    def add(n):
        for _ in range(n):
            project = ProjectFactory(structure=structure, stage="created", is_public=True)
            OutcomeFactory(project=project, created_on=datetime.date(2025, 3, 1))

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    add(3)
    few = count()
    add(27)
    assert count() == few
