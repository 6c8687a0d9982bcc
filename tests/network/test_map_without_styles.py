"""The map without style sheets (RGAA 10.2): SVG presentation attributes, which map.css overrides, draw each status
in black and white. tests/e2e/test_a11y_map_without_styles.py checks the drawing in the browser."""

import itertools
import re

import pytest

from fabrique.network.map import PLAIN_PAINTS, STATUS_ORDER, plain_paint
from tests.factories import StructureFactory

pytestmark = pytest.mark.django_db

MAP_URL = "/carte/"
STATUS_CLASSES = [f"status-{status.value}" for status in STATUS_ORDER] + ["status-none"]


def map_svg(client) -> str:
    html = client.get(MAP_URL).content.decode()
    return html[html.index('<svg xmlns="http://www.w3.org/2000/svg" class="fab-map') : html.index("</svg>")]


def test_every_status_of_the_map_has_its_own_black_and_white_drawing():
    assert sorted(PLAIN_PAINTS) == sorted(STATUS_CLASSES)
    for first, second in itertools.combinations(STATUS_CLASSES, 2):
        assert plain_paint(first).fill != plain_paint(second).fill, f"{first} et {second} se confondent"


@pytest.mark.parametrize("status_class", STATUS_CLASSES)
def test_an_overseas_name_stands_out_from_its_square_and_its_halo(status_class):
    paint = plain_paint(status_class)
    assert {paint.ink, paint.paper} == {"#000", "#fff"}
    assert paint.ink != paint.fill


def test_each_hatching_is_a_pattern_of_the_map_with_black_ink_on_white(client):
    svg = map_svg(client)
    hatchings = [plain_paint(c).fill for c in STATUS_CLASSES if plain_paint(c).fill.startswith("url(")]
    assert len(hatchings) == 3
    for fill in hatchings:
        name = re.fullmatch(r"url\(#([\w-]+)\)", fill).group(1)
        pattern = re.search(rf'<pattern id="{name}"[^>]*>(.*?)</pattern>', svg).group(1)
        assert '<rect class="ground" fill="#fff"' in pattern
        assert re.search(r'<(rect|circle) class="ink" fill="#000"', pattern)


def test_a_departement_s_parent_carries_its_paint_and_the_shape_none(client):
    """The focus overlay's <use> copies the shape with its own attributes: a fill there would cover the map."""
    StructureFactory(name="TAg29", slug="tag29", departements=["29"], labelled=True)
    StructureFactory(name="Fabrique Réunion", slug="fab-reunion", departements=["974"], experimenting=True)
    svg = map_svg(client)
    assert re.search(r'<a href="/structures/tag29/"[^>]* fill="#000" stroke="#fff"[^>]*><path class="dep', svg)
    inset = re.search(r'<a href="/structures/fab-reunion/".*?</a>', svg, re.S).group(0)
    assert '<g fill="url(#fab-map-pattern-experimenting)" stroke="#000"><rect class="dep' in inset
    assert re.search(r'<g fill="#000" stroke="#fff"[^>]*>\s*<text class="inset-name"', inset)
    assert '<g class="fab-map-departements" fill="#fff" stroke="#000">' in svg  # the empty ones
    shapes = re.findall(r'<(?:path|rect) class="dep [^>]*>', svg)
    assert len(shapes) == 101
    assert not [shape for shape in shapes if re.search(r" (fill|stroke)=", shape)]
