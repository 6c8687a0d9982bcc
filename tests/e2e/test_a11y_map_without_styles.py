"""The home page's map with style sheets off (RGAA 10.2): the statuses that map.css paints in colour still show in
black and white, from the SVG's own presentation attributes, and the overseas insets keep their names legible.
What axe-core cannot see: the pixels drawn once no style sheet applies."""

import io

import pytest
from PIL import Image

from tests.factories import StructureFactory

pytestmark = pytest.mark.django_db(transaction=True)

LABELLED, EXPERIMENTING, WITHDRAWN, EMPTY = "fab-dep-21", "fab-dep-39", "fab-dep-89", "fab-dep-15"
INSETS = {"974": "labelled", "972": "experimenting", "971": "none"}  # La Réunion, Martinique, Guadeloupe

# Screen points well inside a shape, relative to the SVG's box: a grid over the shape's box, each point kept when the
# shape's fill holds it and the four points 4 px away (its edge and its neighbours' are left out).
INSIDE = """
([id, step]) => {
  const shape = document.getElementById(id), svg = shape.ownerSVGElement, frame = svg.getBoundingClientRect();
  const back = shape.getScreenCTM().inverse(), screen = shape.getBoundingClientRect(), found = [];
  const toUser = (x, y) => new DOMPoint(x, y).matrixTransform(back);
  for (let x = screen.left + step / 2; x < screen.right; x += step) {
    for (let y = screen.top + step / 2; y < screen.bottom; y += step) {
      const around = [[0, 0], [-4, 0], [4, 0], [0, -4], [0, 4]];
      if (around.every(([dx, dy]) => shape.isPointInFill(toUser(x + dx, y + dy)))) {
        found.push([Math.round(x - frame.left), Math.round(y - frame.top)]);
      }
    }
  }
  return found;
}
"""


@pytest.fixture
def statuses(territories):
    StructureFactory(name="Pôle 21", slug="pole-21", departements=["21"], labelled=True)
    StructureFactory(name="Clus'Ter Jura", slug="cluster-jura", departements=["39"], experimenting=True)
    StructureFactory(name="Yonne Partage", slug="yonne-partage", departements=["89"], withdrawn=True)
    StructureFactory(name="Fabrique Réunion", slug="fab-reunion", departements=["974"], labelled=True)
    StructureFactory(name="Martinique Active", slug="martinique-active", departements=["972"], experimenting=True)


@pytest.fixture
def home_without_styles(statuses, live_server, page):
    """The home page with its style sheets taken away once loaded, as a reader who turned them off sees it."""
    page.goto(live_server.url + "/")
    page.evaluate("document.querySelectorAll('link[rel=stylesheet], style').forEach((sheet) => sheet.remove())")
    assert page.evaluate("document.styleSheets.length") == 0
    return page


def shades(image: Image.Image, points) -> tuple[float, float]:
    """The share of dark and of light pixels at `points` of the image."""
    grey = [image.getpixel((x, y)) for x, y in points if 0 <= x < image.width and 0 <= y < image.height]
    assert len(grey) >= 12, "too few points to judge"
    return sum(g < 80 for g in grey) / len(grey), sum(g > 175 for g in grey) / len(grey)


def fill_of(page, selector: str) -> str:
    return page.evaluate("(s) => getComputedStyle(document.querySelector(s)).fill", selector)


def test_without_style_sheets_the_statuses_of_the_home_map_are_still_told_apart(home_without_styles):
    page = home_without_styles
    svg = page.locator("svg.fab-map")
    image = Image.open(io.BytesIO(svg.screenshot())).convert("L")
    fills = {shape: fill_of(page, f"#{shape}") for shape in (LABELLED, EXPERIMENTING, WITHDRAWN, EMPTY)}
    assert len(set(fills.values())) == 4, f"two statuses have the same fill: {fills}"

    dark, light = shades(image, page.evaluate(INSIDE, [LABELLED, 3]))
    assert dark >= 0.95, f"labelled: {dark:.0%} dark"
    dark, light = shades(image, page.evaluate(INSIDE, [EMPTY, 3]))
    assert light >= 0.95, f"no structure: {light:.0%} light"
    for hatched in (EXPERIMENTING, WITHDRAWN):  # a hatching: dark ink on a light ground
        dark, light = shades(image, page.evaluate(INSIDE, [hatched, 1]))
        assert dark >= 0.1 and light >= 0.1, f"{hatched}: {dark:.0%} dark, {light:.0%} light"


def test_without_style_sheets_the_overseas_names_are_not_hidden_by_their_square(home_without_styles):
    page = home_without_styles
    image = Image.open(io.BytesIO(page.locator("svg.fab-map").screenshot())).convert("L")
    frame = page.locator("svg.fab-map").bounding_box()
    assert page.locator(".fab-map .inset .inset-name").count() == 5
    for code, status in INSETS.items():
        square = f"#fab-dep-{code}"
        for text in (f".inset[data-code='{code}'] .inset-name", f".inset[data-code='{code}'] .inset-code"):
            assert fill_of(page, text) != fill_of(page, square), f"{text} is painted like its square ({status})"
            box = page.locator(text).bounding_box()
            inside = page.locator(square).bounding_box()
            assert inside["x"] <= box["x"] and box["x"] + box["width"] <= inside["x"] + inside["width"], text
            points = [
                (round(box["x"] - frame["x"] + dx), round(box["y"] - frame["y"] + dy))
                for dx in range(1, int(box["width"]) - 1)
                for dy in range(1, int(box["height"]) - 1)
            ]
            dark, light = shades(image, points)
            assert dark >= 0.05 and light >= 0.05, f"{text} ({status}): {dark:.0%} dark, {light:.0%} light"


def test_without_style_sheets_the_legend_names_each_status_beside_a_swatch_drawn_like_the_map(home_without_styles):
    page = home_without_styles
    legend = page.locator(".fab-legend li")
    assert [text.strip() for text in legend.all_inner_texts()] == [
        "Avec appellation",
        "En expérimentation",
        "Candidate",
        "Retirée",
        "Aucune structure",
    ]
    for index, shape in [(0, LABELLED), (1, EXPERIMENTING), (3, WITHDRAWN), (4, EMPTY)]:
        assert fill_of(page, f".fab-legend li:nth-child({index + 1}) rect") == fill_of(page, f"#{shape}")
    swatches = legend.locator("svg")
    for index in range(5):
        swatch = swatches.nth(index)
        box = swatch.bounding_box()
        assert box["width"] <= 24 and box["height"] <= 24, "a swatch fills the page"
        image = Image.open(io.BytesIO(swatch.screenshot())).convert("L")
        inside = [(x, y) for x in range(3, image.width - 3) for y in range(3, image.height - 3)]  # not its frame
        dark, light = shades(image, inside)
        if index == 0:
            assert dark >= 0.9
        elif index == 4:
            assert light >= 0.9
        else:
            assert dark >= 0.1 and light >= 0.1, f"swatch {index + 1}: {dark:.0%} dark, {light:.0%} light"
