"""axe-core on every registry page, in Debian's chromium: no serious or critical violation."""

import os

import pytest
from django.test import Client

from tests.e2e.browser import axe_violations
from tests.factories import CollectiveFactory, PartnerFactory, PartnershipFactory, StructureFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop runs in this thread


@pytest.fixture
def browser_page(browser):
    """A fresh context of the session's browser: one Playwright instance per test process."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    yield context
    context.close()


def _log_in(context, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def _check(page, url: str) -> list[str]:
    response = page.goto(url)
    assert response.status == 200, url
    return [f"{url}: {v['id']} ({v['impact']}) {[n['target'] for n in v['nodes']][:3]}" for v in axe_violations(page)]


def test_registry_pages_have_no_serious_accessibility_violation(browser_page, live_server, coordinator, structure):
    partnership = PartnershipFactory(structure=structure, partner__name="Région Bretagne")
    PartnershipFactory(structure=structure, until="2024-01-01")
    PartnerFactory(name="Région Bretagne Sud")
    CollectiveFactory(slug="generateur").structures.add(structure)
    StructureFactory(candidate=True, slug="candidate")
    _log_in(browser_page, live_server, coordinator)
    page = browser_page.new_page()
    base = live_server.url
    urls = [
        "/structures/",
        "/structures/tag-test/",
        "/structures/tag-test/modifier/",
        "/structures/tag-test/historique/",
        "/structures/tag-test/partenaires/",
        "/structures/tag-test/partenaires/ajouter/?q=Bretagne",
        f"/structures/tag-test/partenaires/{partnership.pk}/modifier/",
        "/coordination/",
        "/coordination/structures/nouvelle/",
        "/coordination/structures/candidate/",
        "/coordination/collectifs/nouveau/",
        "/collectifs/",
        "/collectifs/generateur/",
        "/collectifs/generateur/modifier/",
    ]
    problems = [problem for url in urls for problem in _check(page, base + url)]
    page.goto(base + "/structures/tag-test/modifier/")
    page.get_by_label("E-mail public").fill("pas-une-adresse")
    page.get_by_role("button", name="Enregistrer").click()
    assert "adresse de courriel valide" in page.content()
    problems += [f"(erreurs) {v['id']} ({v['impact']})" for v in axe_violations(page)]
    assert problems == []


def test_with_javascript_the_directory_filters_as_one_types(browser_page, live_server, db):
    StructureFactory(name="TAg29", city="Quimper")
    StructureFactory(name="Clus'Ter Jura", city="Lons-le-Saunier")
    page = browser_page.new_page()
    page.goto(live_server.url + "/structures/")
    page.get_by_label("Nom ou ville").fill("quimper")
    page.wait_for_url("**/structures/?*q=quimper*")
    rows = page.locator("#structure-results tbody tr")
    rows.first.wait_for()
    assert rows.count() == 1 and "TAg29" in rows.first.inner_text()
    page.get_by_label("Statut").select_option("all")
    page.wait_for_url("**status=all**")
    assert page.locator("#structure-results tbody tr").count() == 1
