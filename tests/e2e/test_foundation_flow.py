"""A visitor opens the home page, follows the map to TAg29, logs in as TAg29 and edits its description."""

import pytest
from django.core.management import call_command

from .browser import assert_accessible, login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_network(settings):
    settings.DEMO_MODE = True
    call_command("demo", "--no-serve", verbosity=0)


def test_visitor_follows_the_map_to_tag29_then_its_member_edits_the_description(
    demo_network, live_server, page, screenshot
):
    from fabrique.core.demo_support import DEMO_PASSWORD

    page.goto(live_server.url + "/")
    assert_accessible(page)
    screenshot("home")

    page.locator("svg a[aria-label*='TAg29']").first.click()
    page.wait_for_url("**/structures/tag29/")
    assert page.get_by_role("heading", level=1).inner_text().strip() == "TAg29"
    assert_accessible(page)

    page.goto(live_server.url + "/carte/")
    assert_accessible(page)
    screenshot("map")

    login(page, live_server.url, "tag29@example.org", DEMO_PASSWORD)
    assert_accessible(page)
    page.goto(live_server.url + "/structures/tag29/modifier/")
    assert_accessible(page)
    page.get_by_label("Présentation").fill("Le Révélateur du TAg29 accompagne les projets du Finistère.")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/structures/tag29/")
    assert "Le Révélateur du TAg29 accompagne les projets du Finistère." in page.content()
    assert_accessible(page)
    screenshot("structure-after-edit")

    from fabrique.network.models import Structure

    tag29 = Structure.objects.get(slug="tag29")
    assert tag29.history.first().history_user.email == "tag29@example.org"
