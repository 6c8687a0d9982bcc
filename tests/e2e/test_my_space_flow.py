"""TAg29's administrator logs in from the home page and lands on « Mon espace »: what needs them now, then their
structure one click away; the page passes axe-core at 1280 px and at 375 px, where it never scrolls sideways."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .a11y import horizontal_overflow, widest_elements
from .browser import assert_accessible, login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_network(settings):
    settings.DEMO_MODE = True
    call_command("demo", "--no-serve", verbosity=0)


def test_tag29_s_admin_logs_in_and_lands_on_my_space(demo_network, live_server, page, screenshot):
    from fabrique.core.demo_support import DEMO_PASSWORD

    login(page, live_server.url, "tag29@example.org", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/comptes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")
    expect(page.get_by_role("heading", level=3, name="TAg29")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Tableau des projets"))).to_have_attribute(
        "href", "/methode/structures/tag29/tableau/"
    )
    assert_accessible(page)
    screenshot("my-space")

    page.set_viewport_size({"width": 375, "height": 800})
    assert horizontal_overflow(page) == 0, widest_elements(page)
    assert_accessible(page)
    screenshot("my-space-375")

    page.get_by_role("link", name=re.compile("^Tableau des projets")).click()
    page.wait_for_url("**/methode/structures/tag29/tableau/")
