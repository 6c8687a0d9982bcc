import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.network.enums import StructureStatus
from fabrique.network.models import Collective, Structure
from tests.conftest import ROLES
from tests.factories import CollectiveFactory, StructureFactory
from tests.network.helpers import assert_redirects_to_login
from tests.snapshots import assert_unchanged


@pytest.fixture
def collective(structure, other_structure):
    collective = CollectiveFactory(name="Le Générateur", slug="le-generateur", description="Un *collectif*.")
    collective.structures.add(structure, other_structure)
    return collective


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_everyone_reads_the_collectives_and_their_members(persona, client_for, collective):
    name, user = persona
    client = client_for(user)
    listing = client.get("/collectifs/")
    assert listing.status_code == 200 and "Le Générateur" in listing.content.decode()
    page = client.get("/collectifs/le-generateur/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<em>collectif</em>" in html and "TAg Test" in html and "Finistère (29)" in html
    assert "en expérimentation" in html
    assert ('href="/collectifs/le-generateur/modifier/"' in html) is (name == "coordinator")


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_candidate_member_is_listed_only_for_those_who_may_see_it(persona, client_for, collective):
    name, user = persona
    Structure.objects.filter(slug="tag-test").update(status=StructureStatus.CANDIDATE)
    html = client_for(user).get("/collectifs/le-generateur/").content.decode()
    assert ("TAg Test" in html) is (name in {"coordinator", "member"})
    assert "Autre Fabrique" in html


def test_an_unknown_collective_is_not_found(client, db):
    assert client.get("/collectifs/inconnu/").status_code == 404


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("url", ["/coordination/collectifs/nouveau/", "/collectifs/le-generateur/modifier/"])
def test_only_the_coordinator_creates_or_edits_a_collective(persona, url, client_for, collective):
    name, user = persona
    response = client_for(user).get(url)
    if name == "anonymous":
        assert_redirects_to_login(response)
    else:
        assert response.status_code == (200 if name == "coordinator" else 403)


def test_the_coordinator_creates_a_collective_with_its_members(client_for, coordinator, structure):
    data = {"name": "Collectif Breizh", "slug": "", "description": "", "website": "", "structures": [structure.pk]}
    response = client_for(coordinator).post("/coordination/collectifs/nouveau/", data)
    assert response.status_code == 302 and response["Location"] == "/collectifs/collectif-breizh/"
    created = Collective.objects.get(slug="collectif-breizh")
    assert list(created.structures.all()) == [structure]
    assert created.history.earliest().history_user == coordinator


def test_a_duplicate_collective_slug_is_refused(client_for, coordinator, collective):
    data = {"name": "Autre", "slug": "le-generateur", "structures": []}
    response = client_for(coordinator).post("/coordination/collectifs/nouveau/", data)
    assert "Cet identifiant est déjà utilisé" in response.content.decode()
    assert Collective.objects.count() == 1


def test_members_cannot_create_a_collective(client_for, member):
    with assert_unchanged(Collective):
        response = client_for(member).post("/coordination/collectifs/nouveau/", {"name": "X", "slug": "x"})
    assert response.status_code == 403


def test_the_coordinator_edits_a_collective_and_its_members(client_for, coordinator, collective, structure):
    newcomer = StructureFactory(name="Nouvelle venue")
    data = {
        "name": "Le Générateur BFC",
        "description": "Mis à jour",
        "website": "",
        "structures": [structure.pk, newcomer.pk],
        "version": 1,
    }
    response = client_for(coordinator).post("/collectifs/le-generateur/modifier/", data)
    assert response.status_code == 302
    collective.refresh_from_db()
    assert collective.name == "Le Générateur BFC" and collective.version == 2
    assert set(collective.structures.values_list("name", flat=True)) == {"TAg Test", "Nouvelle venue"}
    assert collective.history.first().history_user == coordinator


def test_a_stale_collective_edit_is_refused_and_nothing_changes(client_for, coordinator, collective, structure):
    Collective.objects.filter(pk=collective.pk).update(version=3)
    data = {"name": "Nom périmé", "structures": [structure.pk], "version": 1}
    html = client_for(coordinator).post("/collectifs/le-generateur/modifier/", data).content.decode()
    assert "modifiée par quelqu&#x27;un d&#x27;autre" in html and 'value="Nom périmé"' in html
    collective.refresh_from_db()
    assert collective.name == "Le Générateur" and collective.structures.count() == 2


def test_members_cannot_edit_a_collective(client_for, member, collective):
    with assert_unchanged(Collective):
        response = client_for(member).post("/collectifs/le-generateur/modifier/", {"name": "X", "version": 1})
    assert response.status_code == 403


@pytest.mark.parametrize("persona", ["coordinator", "anonymous"], indirect=True)
def test_collective_pages_cost_the_same_number_of_queries_for_3_and_30_members(persona, client_for, collective):
    name, user = persona
    client = client_for(user)

    def queries(url):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    urls = ["/collectifs/", "/collectifs/le-generateur/"]
    collective.structures.add(StructureFactory(departements=["39", "25"]))
    CollectiveFactory().structures.add(StructureFactory())
    client.get(urls[0])
    with_3 = [queries(url) for url in urls]
    for _ in range(27):
        collective.structures.add(StructureFactory(departements=["39", "25"]))
    assert [queries(url) for url in urls] == with_3


def test_a_refusal_that_names_no_field_is_shown_at_the_top_of_the_form(client_for, coordinator, monkeypatch):
    from django.core.exceptions import ValidationError

    from fabrique.network import services

    def refuse(**kwargs):
        raise ValidationError("Le réseau compte déjà trop de collectifs.")

    monkeypatch.setattr(services, "create_collective", refuse)
    data = {"name": "Autre", "slug": "autre", "structures": []}
    response = client_for(coordinator).post("/coordination/collectifs/nouveau/", data)
    assert response.status_code == 200  # was a 500: the error had no field names
    assert "Le réseau compte déjà trop de collectifs." in response.content.decode()
