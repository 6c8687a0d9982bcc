"""« Mon espace » costs the same number of queries with 3 and with 30 items of each kind."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.accounts.helpers import text
from tests.factories import StructureFactory, UserFactory

from .world import everything_for, labelled_with_admin, open_session, submitted_request

DASHBOARD = reverse("dashboard")


def queries_for(client_for, user) -> tuple[int, str]:
    client = client_for(user)
    client.get(DASHBOARD)  # session and caches warmed the same way for both sizes
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    return len(queries), text(response)


def test_a_member_s_space_costs_the_same_for_3_and_30_items_of_each_kind(client_for, db):
    few, many = UserFactory(), UserFactory()
    everything_for(few, 3)
    few_queries, few_page = queries_for(client_for, few)
    everything_for(many, 30)
    many_queries, many_page = queries_for(client_for, many)
    for counted in ("votes à exprimer", "demandes d'appellation en cours", "projets sans mouvement"):
        assert f"3 {counted}" in few_page and f"30 {counted}" in many_page
    assert "3 suivis d'activité à renseigner" in few_page and "30 suivis d'activité à renseigner" in many_page
    assert "3 événements où je suis inscrit·e" in few_page and "30 événements où je suis inscrit·e" in many_page
    assert "Mes prochaines étapes : 3 à faire" in few_page and "Mes prochaines étapes : 30 à faire" in many_page
    assert few_queries == many_queries


def coordination_world(n: int) -> None:
    labelled_with_admin(f"Votante {n}")
    for index in range(n):
        submitted_request(StructureFactory(name=f"En attente {n}-{index}"))
        open_session([submitted_request(StructureFactory(name=f"À l'ordre du jour {n}-{index}"))])


def test_the_coordination_s_space_costs_the_same_for_3_and_30_requests_and_sessions(client_for, coordinator):
    coordination_world(3)
    few_queries, few_page = queries_for(client_for, coordinator)
    coordination_world(27)
    many_queries, many_page = queries_for(client_for, coordinator)
    assert "3 demandes d'appellation en attente d'une séance" in few_page
    assert "30 demandes d'appellation en attente d'une séance" in many_page
    assert "3 séances ouvertes aux votes" in few_page and "30 séances ouvertes aux votes" in many_page
    assert few_queries == many_queries
