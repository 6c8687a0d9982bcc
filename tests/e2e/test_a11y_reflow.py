"""Reflow and text zoom (RGAA 10.4 and 10.11): the main pages of every persona never scroll sideways at 320 px wide,
nor at 200 % text in a 1280 × 900 window, where the main menu folds behind its button; without JavaScript the
menu shows unfolded. A table wider than the page scrolls inside its own named region, never the page."""

import pytest
from playwright.sync_api import expect

from .a11y import horizontal_overflow, widest_elements, zoom_text

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC = [
    "/",
    "/carte/",
    "/structures/",
    "/structures/tag29/",
    "/collectifs/",
    "/methode/activites/",
    "/indicateurs/",
    "/bibliotheque/",
    "/evenements/",
    "/actualites/",
    "/recherche/?q=v%C3%A9lo",
    "/comptes/connexion/",
]
MEMBER = [
    "/comptes/",
    "/methode/",
    "/methode/projets/",
    "/appellation/",
    "/indicateurs/structure/",
]
# Persona → (demo login, main pages). The voter sits on the open peer committee; the candidate structure is not yet
# in the network; TAg29 is an experienced structure's administrator.
PERSONAS = {
    "anonyme": (None, PUBLIC),
    "administratrice de structure": ("tag29@example.org", [*MEMBER, "/methode/structures/tag29/besoins/"]),
    "coordination": (
        "coordination@example.org",
        [
            "/coordination/",
            "/comptes/",
            "/appellation/demandes/",
            "/appellation/seances/",
            "/indicateurs/reseau/",
            "/coordination/journal/",
        ],
    ),
    "votant·e du comité": ("fabrique-des-coteaux@example.org", [*MEMBER, "/appellation/votes/"]),
    "structure candidate": ("initiatives-haut-pays@example.org", [*MEMBER, "/structures/initiatives-haut-pays/"]),
}


@pytest.fixture
def demo_data(settings):
    from fabrique.demo import seed

    settings.DEMO_MODE = True
    seed.load_all()


def overflowing_pages(browser, base_url: str, viewport: dict, text_zoom: int = 100) -> list[str]:
    """Every persona's main pages in a window of `viewport`; the pages wider than the window, and why."""
    from fabrique.core.demo_support import DEMO_PASSWORD

    found = []
    for persona, (email, urls) in PERSONAS.items():
        context = browser.new_context(locale="fr-FR", viewport=viewport, reduced_motion="reduce")
        page = context.new_page()
        page.set_default_timeout(10_000)
        if email:  # through the form: at 320 px the menu's link is folded away
            page.goto(f"{base_url}/comptes/connexion/")
            page.get_by_label("Adresse e-mail").fill(email)
            page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
            page.locator("main").get_by_role("button", name="Se connecter").click()
            expect(page.get_by_role("button", name="Se déconnecter", include_hidden=True)).to_be_attached()
        for url in urls:
            response = page.goto(base_url + url)
            assert response.status == 200, f"{persona} {url}: {response.status}"
            zoom_text(page, text_zoom)
            if overflow := horizontal_overflow(page):
                found.append(f"{persona} {url} : {overflow} px de trop, {widest_elements(page)}")
        context.close()
    return found


def test_no_main_page_of_any_persona_scrolls_sideways_at_320_px(demo_data, browser, live_server):
    assert overflowing_pages(browser, live_server.url, {"width": 320, "height": 700}) == []


def test_no_main_page_of_any_persona_scrolls_sideways_at_200_percent_text(demo_data, browser, live_server):
    assert overflowing_pages(browser, live_server.url, {"width": 1280, "height": 900}, text_zoom=200) == []


def test_at_200_percent_text_the_menu_folds_behind_its_button_and_fits_the_window(live_server, page, db):
    page.goto(live_server.url + "/structures/")
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()  # unfolded at the default text size
    expect(page.get_by_role("button", name="Ouvrir le menu")).to_be_hidden()
    zoom_text(page, 200)
    header = page.locator("header.site-header")
    toggler = page.get_by_role("button", name="Ouvrir le menu")
    expect(toggler).to_be_visible()
    assert header.bounding_box()["height"] < 900 / 4, "the folded header takes a quarter of the window at most"
    expect(page.get_by_role("link", name="Se connecter")).to_be_hidden()

    toggler.click()
    menu = page.locator("#menu")
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()
    items = menu.locator("a, button, input")
    assert items.count() > 10
    width = page.evaluate("window.innerWidth")
    outside = [
        f"{items.nth(i).inner_text() or items.nth(i).get_attribute('name')} {box}"
        for i in range(items.count())
        if (box := items.nth(i).bounding_box()) is None or box["x"] < 0 or box["x"] + box["width"] > width
    ]
    assert outside == []
    assert horizontal_overflow(page) == 0


def test_without_javascript_a_narrow_window_shows_the_menu_unfolded(browser, live_server, db):
    context = browser.new_context(locale="fr-FR", viewport={"width": 375, "height": 700}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/structures/")
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()
    expect(page.get_by_role("button", name="Ouvrir le menu")).to_be_hidden()
    page.locator("header summary", has_text="Vie du réseau").click()  # a <details>: it opens without JavaScript
    expect(page.get_by_role("link", name="Bibliothèque")).to_be_visible()
    assert horizontal_overflow(page) == 0
    context.close()


def test_a_wide_table_scrolls_in_its_own_named_region_not_the_page(demo_data, browser, live_server):
    """/indicateurs/ at 320 px: its tables scroll inside a focusable region named by the table's caption."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 320, "height": 700})
    page = context.new_page()
    page.goto(live_server.url + "/indicateurs/")
    regions = page.locator("main .table-responsive")
    assert regions.count() >= 3
    for i in range(regions.count()):
        region = regions.nth(i)
        expect(region).to_have_attribute("tabindex", "0")
        expect(region).to_have_role("region")
        expect(region).to_have_accessible_name(region.locator("caption").inner_text())
    assert horizontal_overflow(page) == 0
    context.close()
