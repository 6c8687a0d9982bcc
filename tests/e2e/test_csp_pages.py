"""The main pages under the site's Content-Security-Policy, in Chromium: not one violation.

The `no_csp_violation` fixture of conftest.py watches every page any e2e test opens; this test visits the main
pages on purpose, as the coordinator and as a member of a structure, and first proves the watch catches one.
"""

import os

import pytest

from .browser import csp_violations, login

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COORDINATOR_PAGES = [
    "/",
    "/carte/",
    "/structures/",
    "/structures/tag29/",
    "/collectifs/",
    "/methode/activites/",
    "/recherche/?q=v%C3%A9lo",
    "/appellation/",
    "/appellation/demandes/",
    "/appellation/seances/",
    "/appellation/resultats/",
    "/appellation/charte/",
    "/indicateurs/",
    "/indicateurs/reseau/",
    "/bibliotheque/",
    "/evenements/",
    "/actualites/",
    "/coordination/",
    "/comptes/",
]
MEMBER_PAGES = ["/methode/", "/methode/structures/tag29/tableau/", "/appellation/votes/", "/indicateurs/structure/"]


@pytest.fixture
def demo_data(settings):
    from fabrique.demo import seed

    settings.DEMO_MODE = True
    seed.load_all()


def visit(page, url: str, status: int = 200) -> None:
    response = page.goto(url)
    assert response.status == status, f"{url}: {response.status}"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")  # late scripts and styles (htmx, Bootstrap) had their chance to break it


def test_the_watch_reports_a_style_written_into_a_page(live_server, page, db):
    visit(page, live_server.url + "/structures/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">injecté</p>')")
    page.wait_for_timeout(200)  # the console message crosses from the browser
    found = list(csp_violations)
    csp_violations.clear()  # expected here: the autouse fixture must not fail this test
    assert found, "an inline style attribute should have been refused and reported"
    assert any("style-src" in violation for violation in found)


def test_main_pages_break_no_csp_rule_for_the_coordinator(demo_data, live_server, page):
    from fabrique.core.demo_support import COORDINATOR_EMAIL, DEMO_PASSWORD

    login(page, live_server.url, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/**")
    for url in COORDINATOR_PAGES:
        visit(page, live_server.url + url)
    visit(page, live_server.url + "/nulle-part/", status=404)
    assert len(COORDINATOR_PAGES) > 10
    assert csp_violations == []


def test_the_directory_filters_with_htmx_without_breaking_the_csp(demo_data, live_server, page):
    """htmx swaps the list in place: its indicator style must come from our CSS, not an injected style element."""
    visit(page, live_server.url + "/structures/")
    page.get_by_label("Nom ou ville").fill("tag29")
    page.wait_for_url("**/structures/?*q=tag29*")
    page.locator("#structure-results tbody tr").first.wait_for()
    assert "TAg29" in page.locator("#structure-results tbody").inner_text()
    assert page.locator("head style").count() == 0
    assert csp_violations == []


def test_the_method_board_and_member_pages_break_no_csp_rule(demo_data, live_server, page):
    from fabrique.core.demo_support import DEMO_PASSWORD

    login(page, live_server.url, "tag29@example.org", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/**")
    for url in MEMBER_PAGES:
        visit(page, live_server.url + url)
    assert csp_violations == []


def test_the_api_docs_render_under_the_csp(demo_data, live_server, page):
    visit(page, live_server.url + "/api/v1/docs")
    page.locator(".swagger-ui .info .title").wait_for()
    page.locator(".opblock").first.wait_for()
    assert "API Fabrique" in page.locator(".swagger-ui .info .title").inner_text()
    assert csp_violations == []
