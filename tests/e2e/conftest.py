import os
from pathlib import Path

import pytest

from .browser import CHROMIUM, CHROMIUM_ARGS, CspWatchedBrowser, csp_violations

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield CspWatchedBrowser(instance)  # every context and page it opens reports CSP violations
        instance.close()


@pytest.fixture(autouse=True)
def no_csp_violation():
    """Any e2e test fails if a page it opened broke the Content-Security-Policy (browser.py watches them)."""
    csp_violations.clear()
    yield
    found = list(csp_violations)
    csp_violations.clear()
    assert not found, "Violations de la politique de sécurité du contenu :\n" + "\n".join(found)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def territories(db):
    """Régions and départements: a data migration loads them, but a transactional test empties every table after
    it, so a later flow reloads them (idempotent)."""
    from fabrique.territories.loader import load_territories
    from fabrique.territories.models import Departement, Region

    if not Departement.objects.exists():
        load_territories(Region, Departement)


@pytest.fixture
def signed_in(browser, live_server):
    """`signed_in(email)`: a tab of its own, logged in as `email` (the factories' password); closed after the test."""
    from tests.factories import PASSWORD

    from .browser import signed_in_page

    tabs = []

    def open_tab(email: str, password: str = PASSWORD):
        tabs.append(signed_in_page(browser, live_server.url, email, password))
        return tabs[-1]

    yield open_tab
    for tab in tabs:
        tab.context.close()
