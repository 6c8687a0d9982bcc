"""TAg29's demo user searches the library, opens a resource and its file, then registers for an event."""

import pytest
from playwright.sync_api import expect

from .browser import assert_accessible, login, open_menu

pytestmark = pytest.mark.django_db(transaction=True)

GUIDE = "Guide de l'épicerie solidaire en milieu rural (fictif)"
EVENT = "Rencontre nationale du réseau (fictif)"


@pytest.fixture
def demo_data(settings):
    from fabrique.demo import seed

    settings.DEMO_MODE = True
    seed.load_all()


def test_a_member_searches_the_library_opens_a_resource_and_registers_for_an_event(
    demo_data, live_server, page, screenshot
):
    from fabrique.community.models import Registration
    from fabrique.core.demo_support import DEMO_PASSWORD

    login(page, live_server.url, "tag29@example.org", DEMO_PASSWORD)
    open_menu(page, "Vie du réseau")
    page.get_by_role("link", name="Bibliothèque", exact=True).click()
    page.wait_for_url("**/bibliotheque/")
    assert_accessible(page)

    page.get_by_label("Rechercher dans la bibliothèque").fill("epiceries solidaires")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**/bibliotheque/?q=epiceries+solidaires*")
    result = page.get_by_role("link", name=GUIDE)
    assert result.locator("mark").first.inner_text() == "épicerie"
    assert_accessible(page)
    screenshot("library-search")

    result.click()
    page.wait_for_url("**/bibliotheque/guide-epicerie-solidaire-rurale-fictif/")
    assert page.get_by_role("heading", level=1).inner_text() == GUIDE
    download = page.get_by_role("link", name="Télécharger guide-epicerie-solidaire.pdf")
    response = page.request.get(live_server.url + download.get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF-")
    assert_accessible(page)
    screenshot("library-resource")

    open_menu(page, "Vie du réseau")
    page.get_by_role("link", name="Événements", exact=True).first.click()
    page.wait_for_url("**/evenements/")
    assert_accessible(page)
    page.get_by_role("link", name=EVENT).click()
    page.wait_for_url("**/evenements/rencontre-nationale-fictif/")
    assert_accessible(page)
    page.get_by_role("button", name="M'inscrire", exact=True).click()
    page.wait_for_url("**/evenements/rencontre-nationale-fictif/")
    assert "Vous êtes inscrit·e à « Rencontre nationale du réseau (fictif) »." in page.locator(".messages").inner_text()
    expect(page.get_by_role("button", name="Annuler mon inscription")).to_be_visible()
    assert_accessible(page)
    screenshot("event-registered")

    registration = Registration.objects.get(event__slug="rencontre-nationale-fictif", user__email="tag29@example.org")
    assert (registration.status, registration.structure.slug) == ("confirmed", "tag29")
