"""GET /api/v1/resources and /resources/{slug}: the same visibility as the pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.library import services
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES

from . import files
from .factories import ResourceFactory


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_list_holds_only_readable_resources(persona, structure, client_for):
    name, user = persona
    for visibility in Visibility.values:
        ResourceFactory(author_structure=structure, visibility=visibility, title=f"Ressource {visibility}")
    body = client_for(user).get("/api/v1/resources").json()
    titles = {item["title"] for item in body["results"]}
    expected = {
        "coordinator": {"Ressource public", "Ressource network", "Ressource structure"},
        "member": {"Ressource public", "Ressource network", "Ressource structure"},
        "other_member": {"Ressource public", "Ressource network"},
        "anonymous": {"Ressource public"},
    }[name]
    assert titles == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_detail_of_a_structure_resource_is_for_its_members_and_the_coordinator(persona, structure, client_for):
    name, user = persona
    resource = ResourceFactory(author_structure=structure, visibility=Visibility.STRUCTURE)
    response = client_for(user).get(f"/api/v1/resources/{resource.slug}")
    assert response.status_code == (200 if name in {"coordinator", "member"} else 404)
    if response.status_code == 200:
        assert response.json()["abilities"] == {"view": True, "change": True, "upload": True, "view_history": True}


def test_the_detail_lists_every_file_version(structure, member, client_for):
    resource = ResourceFactory(author_structure=structure, visibility=Visibility.PUBLIC)
    services.add_file(resource, member, files.upload("v1.pdf", files.PDF))
    services.add_file(resource, member, files.upload("v2.pdf", files.PDF))
    body = client_for(None).get(f"/api/v1/resources/{resource.slug}").json()
    assert body["file"]["name"] == "v2.pdf" and body["file"]["number"] == 2
    assert [f["name"] for f in body["earlier_files"]] == ["v1.pdf"]
    assert body["file"]["url"].endswith(f"/bibliotheque/{resource.slug}/fichiers/{resource.files.first().pk}/")


def test_the_list_filters_by_kind_theme_structure_and_words(structure, other_structure, client_for, member):
    ResourceFactory(author_structure=structure, kind="guide", themes=["food"], title="Guide des épiceries solidaires")
    ResourceFactory(author_structure=other_structure, kind="tool", themes=["mobility"], title="Outil mobilité")
    client = client_for(member)

    def titles(query):
        return [item["title"] for item in client.get(f"/api/v1/resources?{query}").json()["results"]]

    assert titles("kind=guide") == ["Guide des épiceries solidaires"]
    assert titles("theme=mobility") == ["Outil mobilité"]
    assert titles(f"structure={other_structure.slug}") == ["Outil mobilité"]
    assert titles("q=epicerie") == ["Guide des épiceries solidaires"]


@pytest.mark.parametrize(
    ("query", "field"), [("kind=poster", "kind"), ("theme=cuisine", "theme"), ("structure=inconnue", "structure")]
)
def test_an_unknown_filter_value_is_a_422_naming_the_parameter(client_for, member, query, field):
    response = client_for(member).get(f"/api/v1/resources?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", field]


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/resources").status_code == 200
    return len(queries)


def test_the_list_costs_the_same_number_of_queries_for_3_and_30_resources(structure, member, client_for):
    client = client_for(member)
    for resource in ResourceFactory.create_batch(3, author_structure=structure):
        services.add_file(resource, member, files.upload("a.pdf", files.PDF))
    three = _queries(client)
    ResourceFactory.create_batch(27, author_structure=structure)
    assert _queries(client) == three
