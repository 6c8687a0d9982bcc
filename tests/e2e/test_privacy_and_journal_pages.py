"""The coordination's journal and personal-data pages in Chromium: no serious accessibility violation, and the
erasure done with JavaScript off, by the form alone."""

import os

import pytest
from django.test import Client

from tests.e2e.browser import axe_violations
from tests.factories import MembershipFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop runs in this thread


@pytest.fixture
def context_without_js(browser):
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 1280, "height": 900}, reduced_motion="reduce", java_script_enabled=False
    )
    yield context
    context.close()


@pytest.fixture
def context_with_js(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    yield context
    context.close()


def _log_in(context, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])


def test_the_pages_have_no_serious_accessibility_violation(context_with_js, live_server, coordinator, structure):
    person = MembershipFactory(structure=structure, user__email="alix@example.org", user__last_name="Martin").user
    _log_in(context_with_js, live_server, coordinator)
    page = context_with_js.new_page()
    urls = [
        "/coordination/journal/",
        f"/coordination/journal/?structure={structure.pk}&kind=network.Membership",
        "/coordination/journal/?since=2030-01-02&until=2030-01-01",
        "/coordination/donnees-personnelles/",
        "/coordination/donnees-personnelles/?q=alix",
        f"/coordination/donnees-personnelles/{person.pk}/effacer/",
    ]
    problems = []
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        problems += [f"{url}: {v['id']} ({v['impact']})" for v in axe_violations(page)]
    assert problems == []


def test_without_javascript_the_coordination_finds_and_erases_a_person(
    context_without_js, live_server, coordinator, structure
):
    person = MembershipFactory(structure=structure, user__email="alix@example.org", user__last_name="Martin").user
    _log_in(context_without_js, live_server, coordinator)
    page = context_without_js.new_page()
    page.goto(live_server.url + "/coordination/")
    page.get_by_role("link", name="Données personnelles").click()
    page.get_by_label("Adresse e-mail ou nom").fill("martin")
    page.get_by_role("search", name="Chercher une personne").get_by_role("button", name="Chercher").click()
    page.get_by_role("link", name="Effacer alix@example.org").click()
    page.get_by_role("button", name="Effacer définitivement").click()
    assert "Cochez la case pour confirmer l'effacement." in page.content()
    page.get_by_label("Je confirme l'effacement : il ne peut pas être annulé.").check()
    page.get_by_role("button", name="Effacer définitivement").click()
    assert "La personne a été effacée" in page.content()
    person.refresh_from_db()
    assert person.is_erased and not person.is_active
    page.goto(live_server.url + "/coordination/journal/?kind=accounts.User")
    assert "personne effacée" in page.content() and "alix@example.org" not in page.content()
