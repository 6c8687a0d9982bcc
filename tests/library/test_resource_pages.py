"""Library pages: who reads, who publishes, who edits; stale edits; a list that costs the same for 3 or 30."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.library.models import Resource
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES

from .factories import ResourceFactory

READ = {
    # coordinator, member of the author structure, member of another structure, anonymous
    Visibility.PUBLIC: {"coordinator": 200, "member": 200, "other_member": 200, "anonymous": 200},
    Visibility.NETWORK: {"coordinator": 200, "member": 200, "other_member": 200, "anonymous": 302},
    Visibility.STRUCTURE: {"coordinator": 200, "member": 200, "other_member": 404, "anonymous": 302},
}
EDIT = {"coordinator": 200, "member": 200, "other_member": 403, "anonymous": 302}


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("visibility", list(READ))
def test_the_resource_page_follows_the_visibility(persona, visibility, structure, client_for):
    name, user = persona
    resource = ResourceFactory(author_structure=structure, visibility=visibility, title="Fiche « détection »")
    response = client_for(user).get(f"/bibliotheque/{resource.slug}/")
    assert response.status_code == READ[visibility][name]
    if response.status_code == 200:
        assert "Fiche « détection »" in html.unescape(response.content.decode())


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_list_shows_only_what_the_reader_may_read(persona, structure, client_for):
    name, user = persona
    ResourceFactory(author_structure=structure, visibility=Visibility.PUBLIC, title="Guide public")
    ResourceFactory(author_structure=structure, visibility=Visibility.NETWORK, title="Fiche réseau")
    ResourceFactory(author_structure=structure, visibility=Visibility.STRUCTURE, title="Note interne")
    page = html.unescape(client_for(user).get("/bibliotheque/").content.decode())
    assert "Guide public" in page
    assert ("Fiche réseau" in page) == (name != "anonymous")
    assert ("Note interne" in page) == (name in {"coordinator", "member"})


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_editing_is_for_the_author_structure_and_the_coordinator(persona, structure, client_for):
    name, user = persona
    resource = ResourceFactory(author_structure=structure, visibility=Visibility.NETWORK)
    assert client_for(user).get(f"/bibliotheque/{resource.slug}/modifier/").status_code == EDIT[name]


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_publishing_is_for_members_of_the_network(persona, client_for):
    name, user = persona
    expected = {"coordinator": 200, "member": 200, "other_member": 200, "anonymous": 302}[name]
    assert client_for(user).get("/bibliotheque/nouvelle/").status_code == expected


def test_a_partner_user_outside_the_network_cannot_publish(db, client_for):
    from tests.factories import UserFactory

    assert client_for(UserFactory()).get("/bibliotheque/nouvelle/").status_code == 403


def test_a_member_publishes_a_resource_for_its_structure_only(client_for, member, structure, other_structure):
    data = {
        "title": "Fiche méthode : la séance de créativité",
        "kind": "method_sheet",
        "summary": "Préparer et animer une séance.",
        "body": "## Avant la séance\n\nInviter les capteurs d'idées.",
        "visibility": "network",
        "themes": ["food", "mobility"],
    }
    client = client_for(member)
    refused = client.post("/bibliotheque/nouvelle/", {**data, "author_structure": other_structure.pk})
    assert refused.status_code == 200
    assert "Structure autrice" in html.unescape(refused.content.decode())
    assert not Resource.objects.exists()
    response = client.post("/bibliotheque/nouvelle/", {**data, "author_structure": structure.pk})
    resource = Resource.objects.get()
    assert response["Location"] == f"/bibliotheque/{resource.slug}/"
    assert (resource.author_structure, resource.created_by, resource.themes) == (
        structure,
        member,
        ["food", "mobility"],
    )
    assert resource.history.get().history_user == member
    page = client.get(response["Location"]).content.decode()
    assert "<h3>Avant la séance</h3>" in html.unescape(page)


def test_a_resource_needs_a_file_a_link_or_a_content(client_for, member, structure):
    data = {
        "title": "Vide",
        "kind": "tool",
        "summary": "Rien",
        "visibility": "network",
        "author_structure": structure.pk,
    }
    response = client_for(member).post("/bibliotheque/nouvelle/", data)
    assert "Ajoutez un fichier, un lien ou un contenu" in html.unescape(response.content.decode())
    assert not Resource.objects.exists()


def test_a_resource_reserved_to_a_structure_needs_one(client_for, coordinator):
    data = {
        "title": "Note",
        "kind": "tool",
        "summary": "R",
        "body": "x",
        "visibility": "structure",
        "author_structure": "",
    }
    response = client_for(coordinator).post("/bibliotheque/nouvelle/", data)
    assert "doit avoir une structure autrice" in html.unescape(response.content.decode())
    assert not Resource.objects.exists()


def test_a_stale_edit_is_refused_and_nothing_is_saved(client_for, member, second_member, structure):
    resource = ResourceFactory(author_structure=structure, title="Premier titre")
    form = {
        "title": "Titre de Camille",
        "kind": resource.kind,
        "summary": resource.summary,
        "body": resource.body,
        "visibility": resource.visibility,
        "author_structure": structure.pk,
        "themes": ["food"],
        "version": resource.version,
    }
    assert client_for(member).post(f"/bibliotheque/{resource.slug}/modifier/", form).status_code == 302
    stale = client_for(second_member).post(f"/bibliotheque/{resource.slug}/modifier/", {**form, "title": "Autre"})
    assert stale.status_code == 200
    assert "modifiée par quelqu'un d'autre" in html.unescape(stale.content.decode())
    assert 'value="Autre"' in stale.content.decode()  # what was typed is kept
    resource.refresh_from_db()
    assert resource.title == "Titre de Camille"


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/bibliotheque/").status_code == 200
    return len(queries)


def test_the_list_costs_the_same_number_of_queries_for_3_and_30_resources(client_for, member, structure):
    client = client_for(member)
    ResourceFactory.create_batch(3, author_structure=structure)
    three = _list_queries(client)
    ResourceFactory.create_batch(27, author_structure=structure)
    assert _list_queries(client) == three
