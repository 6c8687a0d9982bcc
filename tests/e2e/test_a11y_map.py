"""The département map for a keyboard and a mouse user (RGAA 10.7, 3.3, 3.1; WCAG 1.4.13): the focused
département's ring is drawn over the neighbours that come after it in the SVG, its name and status show next to
it, and each link has one accessible name. What axe-core cannot see: the rendered pixels and the label."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.factories import StructureFactory

from .browser import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

RING = (0xB3, 0x42, 0x1B)  # the site's focus colour (fabrique.css, --fab-focus-color)


@pytest.fixture
def burgundy(territories):
    """Côte-d'Or, first linked département of the SVG, six neighbours drawn after it, of every public status, and
    Pyrénées-Orientales, at the bottom of the map."""
    StructureFactory(name="Pôle 21", slug="pole-21", departements=["21"], labelled=True)
    StructureFactory(name="Clus'Ter Jura", slug="cluster-jura", departements=["39"], experimenting=True)
    StructureFactory(name="Haute-Marne Active", slug="hm-active", departements=["52"], labelled=True)
    StructureFactory(name="Nièvre Initiatives", slug="nievre", departements=["58"], experimenting=True)
    StructureFactory(name="Fabrique 70", slug="fabrique-70", departements=["70"], labelled=True)
    StructureFactory(name="Saône Active", slug="saone-active", departements=["71"], labelled=True)
    StructureFactory(name="Yonne Partage", slug="yonne-partage", departements=["89"], withdrawn=True)
    StructureFactory(name="Catalogne Nord", slug="catalogne-nord", departements=["66"], labelled=True)


def tab_into_the_map(page, base_url: str, path: str = "/carte/"):
    """Opens the page and tabs once from the link before the map: the focus is on Côte-d'Or."""
    page.goto(base_url + path)
    page.get_by_role("link", name="Aller à la version tableau de la carte").focus()
    page.keyboard.press("Tab")
    focused = page.locator(".fab-map a:focus")
    expect(focused).to_have_attribute("aria-label", "Côte-d'Or (21) : Pôle 21 — avec appellation")
    return focused


def ring_coverage(page, shape_id: str, points: int = 80) -> float:
    """The share of points along the shape's outline where the screen shows the ring's colour."""
    spots = page.evaluate(
        """([id, count]) => {
             const shape = document.getElementById(id), matrix = shape.getScreenCTM(), length = shape.getTotalLength();
             return Array.from({length: count}, (_, i) => {
               const p = shape.getPointAtLength(length * i / count).matrixTransform(matrix);
               return [Math.round(p.x), Math.round(p.y)];
             });
           }""",
        [shape_id, points],
    )
    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    near = [image.getpixel((x, y)) for x, y in spots if 0 <= x < image.width and 0 <= y < image.height]
    assert len(near) == points, "the département is not wholly on screen"
    return sum(max(abs(a - b) for a, b in zip(pixel, RING, strict=True)) <= 40 for pixel in near) / points


def test_the_ring_of_a_departement_focused_by_keyboard_is_drawn_over_its_neighbours(burgundy, live_server, page):
    tab_into_the_map(page, live_server.url)
    overlay = page.evaluate(
        """() => { const svg = document.querySelector("svg.fab-map"), last = svg.lastElementChild;
                   return {last: last.getAttribute("class"),
                           refs: [...last.querySelectorAll("use")].map((u) => u.getAttribute("href")),
                           shape: document.activeElement.querySelector(".dep").id}; }"""
    )
    assert overlay == {"last": "fab-map-focus", "refs": ["#fab-dep-21", "#fab-dep-21"], "shape": "fab-dep-21"}
    # All round Côte-d'Or, the borders with the six neighbours drawn later included, the ring is on screen.
    assert ring_coverage(page, "fab-dep-21") >= 0.95
    assert_accessible(page)


def test_the_focused_departement_shows_its_name_and_status_next_to_it(burgundy, live_server, page):
    tab_into_the_map(page, live_server.url)
    label = page.locator(".fab-map-label")
    expect(label).to_be_visible()
    expect(label).to_contain_text("Côte-d'Or (21)")
    expect(label).to_contain_text("Pôle 21 — avec appellation")
    shape, box = page.locator("#fab-dep-21").bounding_box(), label.bounding_box()
    assert box["y"] >= shape["y"] + shape["height"] or box["y"] + box["height"] <= shape["y"], "it hides the shape"
    assert 0 <= box["x"] and box["x"] + box["width"] <= 1280 and 0 <= box["y"] and box["y"] + box["height"] <= 900
    assert_accessible(page)

    page.keyboard.press("Tab")
    expect(label).to_contain_text("Jura (39)")
    expect(label).to_contain_text("Clus'Ter Jura — en expérimentation")
    page.keyboard.press("Escape")  # dismissed without moving the focus (WCAG 1.4.13); the ring stays
    expect(label).to_be_hidden()
    expect(page.locator(".fab-map a:focus")).to_have_attribute("data-name", "Jura (39)")
    expect(page.locator(".fab-map-focus-ring")).to_have_attribute("href", "#fab-dep-39")


def test_the_label_of_a_departement_at_the_bottom_of_the_window_shows_above_it(burgundy, live_server, page):
    # The window ends just under the Pyrénées-Orientales, wherever the header puts the map.
    page.goto(live_server.url + "/carte/")
    shape = page.locator("#fab-dep-66").bounding_box()
    height = int(shape["y"] + shape["height"]) + 8
    page.set_viewport_size({"width": 1280, "height": height})
    tab_into_the_map(page, live_server.url)
    for _ in range(4):  # Jura, Haute-Marne, Nièvre, Pyrénées-Orientales
        page.keyboard.press("Tab")
    label = page.locator(".fab-map-label")
    expect(label).to_contain_text("Pyrénées-Orientales (66)")
    shape, box = page.locator("#fab-dep-66").bounding_box(), label.bounding_box()
    assert shape["y"] + shape["height"] > height - box["height"], "the département is not at the bottom of the window"
    assert 0 <= box["y"] and box["y"] + box["height"] <= height, "the label is out of the window"


def test_the_pointer_shows_the_label_of_any_departement_and_may_rest_on_it(burgundy, live_server, page):
    page.goto(live_server.url + "/carte/")
    label = page.locator(".fab-map-label")
    expect(label).to_be_hidden()
    page.locator("#fab-dep-89").hover()
    expect(label).to_contain_text("Yonne (89)")
    expect(label).to_contain_text("Yonne Partage — retirée")
    expect(page.locator(".fab-map-focus-ring")).to_have_attribute("href", "#fab-dep-89")
    label.hover()  # the pointer moves onto the label: it stays
    expect(label).to_contain_text("Yonne (89)")
    page.locator("#fab-dep-15").hover(force=True)  # no structure, no link: still named
    expect(label).to_contain_text("Cantal (15)")
    expect(label).to_contain_text("aucune structure")
    page.mouse.move(0, 0)
    expect(label).to_be_hidden()


def test_each_departement_link_has_one_accessible_name_and_no_description_repeating_it(burgundy, live_server, page):
    page.goto(live_server.url + "/carte/")
    links = page.locator("svg.fab-map a")
    expect(links).to_have_count(8)
    for index in range(8):
        link = links.nth(index)
        expect(link).to_have_accessible_name(link.get_attribute("aria-label"))
        expect(link).to_have_accessible_description("")
    expect(page.locator("svg.fab-map a title")).to_have_count(0)


def test_on_a_phone_the_label_of_the_home_page_map_stays_inside_the_screen(burgundy, live_server, browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 375, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.locator(".fab-map a").first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # by keyboard, as a keyboard user reaches it
    label = page.locator(".fab-map-label")
    expect(label).to_contain_text("Côte-d'Or (21)")
    box = label.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    context.close()


def test_without_javascript_the_focused_shape_shows_its_own_ring_and_no_empty_label(burgundy, live_server, browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    tab_into_the_map(page, live_server.url)
    expect(page.locator(".fab-map-label")).to_be_hidden()
    stroke = page.evaluate("getComputedStyle(document.getElementById('fab-dep-21')).stroke")
    assert stroke == "rgb(179, 66, 27)"
    expect(page.get_by_role("rowheader", name="Côte-d'Or (21)")).to_be_visible()  # the table gives every name
    context.close()
