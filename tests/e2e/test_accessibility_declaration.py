"""The accessibility declaration in Chromium, audited like the other pages of the sample: reached from the footer,
axe-core clean, no sideways scrolling at 320 px nor at 200 % text, a visible focus on every element Tab reaches, its
rate the one computed from the grid."""

import os
import re

import pytest
from playwright.sync_api import expect

from fabrique.core.accessibility import percent, platform_audit

from .a11y import focus_problems, horizontal_overflow, zoom_text
from .browser import assert_accessible

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def french(value) -> str:
    """98.4 → « 98,4 », 100 → « 100 »."""
    text = f"{value:f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text).replace(".", ",")


def test_a_visitor_reaches_the_declaration_from_the_footer_and_reads_the_computed_rate(page, live_server, territories):
    audit = platform_audit()
    page.goto(live_server.url + "/")
    footer_link = page.get_by_role("contentinfo").get_by_role("link", name=f"Accessibilité : {audit.state.label}")
    footer_link.click()
    expect(page).to_have_url(re.compile(r"/accessibilite/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Déclaration d'accessibilité")
    expect(page.locator(".fab-rate")).to_have_text(f"{french(percent(audit.rate))}\xa0%")
    expect(page.get_by_role("link", name="contact@example.org")).to_have_attribute("href", "mailto:contact@example.org")
    assert_accessible(page)


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 640}, {"width": 1280, "height": 900}])
def test_the_declaration_reads_without_horizontal_scrolling(page, live_server, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/accessibilite/")
    expect(page.get_by_role("heading", name="Voies de recours")).to_be_attached()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{viewport['width']} px : la page défile de {overflow} px en largeur"
    assert_accessible(page)


def test_at_200_percent_text_the_declaration_does_not_scroll_sideways(page, live_server):
    page.goto(live_server.url + "/accessibilite/")
    zoom_text(page, 200)
    expect(page.get_by_role("heading", name="Voies de recours")).to_be_attached()
    assert horizontal_overflow(page) == 0


def test_every_element_of_the_declaration_shows_its_focus(page, live_server):
    page.goto(live_server.url + "/accessibilite/")
    count, problems = focus_problems(page)
    assert count > 10, f"only {count} elements reached by Tab"
    assert problems == []
