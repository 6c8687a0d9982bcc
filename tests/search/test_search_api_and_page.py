"""GET /api/v1/search and the /recherche/ page: filters, facets, 422 on bad input, constant query cost."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.search.visibility import Visibility
from tests.conftest import ROLES
from tests.library.factories import ResourceFactory


@pytest.fixture
def resources(structure):
    ResourceFactory(title="Épicerie solidaire", themes=["food"], author_structure=structure, visibility="public")
    ResourceFactory(title="Mobilité solidaire", themes=["mobility"], author_structure=structure, visibility="network")


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_api_answers_what_the_reader_may_read_with_facets(persona, resources, confidential_project, client_for):
    name, user = persona
    body = client_for(user).get("/api/v1/search?q=solidaires").json()
    titles = {item["title"] for item in body["results"]}
    expected = {"Épicerie solidaire"} if name == "anonymous" else {"Épicerie solidaire", "Mobilité solidaire"}
    if name in {"coordinator", "member"}:
        expected |= {"Conciergerie confidentielle des Capucins"}
    assert titles == expected
    assert body["count"] == len(expected)
    assert sum(facet["count"] for facet in body["facets"]["type"]) == len(expected)
    first = body["results"][0]
    assert "<mark>" in first["title_html"] and first["url"].startswith("http://testserver/")


def test_filters_by_type_theme_and_region(resources, public_activity, client_for, member):
    client = client_for(member)

    def titles(query):
        return sorted(item["title"] for item in client.get(f"/api/v1/search?{query}").json()["results"])

    assert titles("q=solidaire&type=project") == ["Garage solidaire de Morlaix"]
    assert titles("q=solidaire&type=resource,project&theme=mobility") == [
        "Garage solidaire de Morlaix",
        "Mobilité solidaire",
    ]
    # Bretagne: the project's département and the author structure's; none in Bourgogne-Franche-Comté
    assert len(titles("q=solidaire&region=53")) == 3
    assert titles("q=solidaire&region=27") == []


@pytest.mark.parametrize(
    ("query", "field"), [("type=recette", "type"), ("theme=cuisine", "theme"), ("region=99", "region")]
)
def test_an_unknown_filter_is_a_422_naming_it(client_for, member, query, field):
    response = client_for(member).get(f"/api/v1/search?q=x&{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", field]


def test_a_too_long_query_is_a_422(client_for, member):
    assert client_for(member).get("/api/v1/search?q=" + "a" * 201).status_code == 422


def _api_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/search?q=ressource").status_code == 200
    return len(queries)


def test_the_search_costs_the_same_number_of_queries_for_3_and_30_results(structure, member, client_for):
    client = client_for(member)
    ResourceFactory.create_batch(3, author_structure=structure, visibility=Visibility.PUBLIC)
    three = _api_queries(client)
    ResourceFactory.create_batch(27, author_structure=structure, visibility=Visibility.PUBLIC)
    assert _api_queries(client) == three
    with CaptureQueriesContext(connection) as queries:
        client.get("/recherche/?q=ressource")
    page_queries = len(queries)
    ResourceFactory.create_batch(5, author_structure=structure, visibility=Visibility.PUBLIC)
    with CaptureQueriesContext(connection) as queries:
        client.get("/recherche/?q=ressource")
    assert len(queries) == page_queries


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_results_page_highlights_and_offers_facets(persona, resources, client_for):
    name, user = persona
    response = client_for(user).get("/recherche/?q=epiceries+solidaires")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<mark>Épicerie</mark> <mark>solidaire</mark>" in html.unescape(page)
    assert 'href="?q=epiceries+solidaires&amp;type=resource"' in page  # facet link, no JavaScript needed
    assert "Mobilité" not in html.unescape(page)


def test_the_results_page_paginates(structure, client_for, member):
    for number in range(25):
        ResourceFactory(title=f"Fiche capteurs {number}", author_structure=structure)
    page = client_for(member).get("/recherche/?q=capteurs&page=2").content.decode()
    assert "Page 2 sur 2" in page
    assert page.count('class="fab-result"') == 5


def test_an_empty_search_page_shows_only_the_form(db, client):
    response = client.get("/recherche/")
    assert response.status_code == 200
    assert "résultat" not in response.content.decode()


def test_beyond_the_limit_the_total_says_more_than_and_pages_stop_there(structure, member, client_for, monkeypatch):
    from fabrique.search import query

    monkeypatch.setattr(query, "COUNT_LIMIT", 5)
    for number in range(8):
        ResourceFactory(title=f"Fiche capteurs {number}", author_structure=structure)
    client = client_for(member)
    body = client.get("/api/v1/search?q=capteurs&page_size=2").json()
    assert (body["count"], body["count_is_exact"]) == (5, False)
    assert "Plus de 5 résultats" in client.get("/recherche/?q=capteurs").content.decode()
    assert client.get("/api/v1/search?q=capteurs&page_size=2&page=2").json()["count_is_exact"] is False
