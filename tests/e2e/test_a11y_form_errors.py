"""One convention for a refused form, on every form: the site's own summary (never the browser's bubble: the forms
say novalidate) takes the focus, the title starts with « Erreur : », and each field in error is marked invalid and
described by its message (issue 17, RGAA 11.10)."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from fabrique.appellation import services
from tests.appellation.conftest import NARRATIVES, open_session_with
from tests.factories import MembershipFactory, PartnershipFactory, StructureFactory, UserFactory

from .browser import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

ERROR_TITLE = re.compile("^Erreur\u00a0: ")
FOCUSED = "() => ({role: document.activeElement.getAttribute('role'), text: document.activeElement.innerText})"


@pytest.fixture
def people(territories):
    structure = StructureFactory(name="Fabrique du Trégor", slug="fabrique-du-tregor", departements=["29"])
    MembershipFactory(structure=structure, user__email="tregor@example.org")
    applicant = StructureFactory(name="Fabrique du Cantal", slug="cantal", departements=["15"])
    PartnershipFactory(structure=applicant)
    admin = MembershipFactory(structure=applicant, user__email="cantal@example.org").user
    request = services.submit_request(services.create_request(applicant, by=admin, data=NARRATIVES), by=admin)
    voter = StructureFactory(name="Fabrique Armor", slug="armor", labelled=True)
    MembershipFactory(structure=voter, user__email="armor@example.org")
    open_session_with(UserFactory(coordinator=True), [request], held_on=timezone.localdate())


def refused_on(page, summary_text: str) -> None:
    """The page answers a refused form: the summary has the focus and says `summary_text`; the title says so."""
    expect(page).to_have_title(ERROR_TITLE)
    page.wait_for_function("document.activeElement !== document.body")
    focused = page.evaluate(FOCUSED)
    assert focused["role"] == "alert" and summary_text in focused["text"]
    assert_accessible(page)


def test_a_refused_need_form_focuses_its_summary_and_marks_the_fields(people, live_server, signed_in):
    page = signed_in("tregor@example.org")
    page.goto(live_server.url + "/methode/structures/fabrique-du-tregor/besoins/nouveau/")
    expect(page).not_to_have_title(ERROR_TITLE)
    page.get_by_role("button", name="Enregistrer").click()
    refused_on(page, "Le formulaire n'a pas été enregistré")
    title = page.get_by_label(re.compile("^Intitulé"))
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(title).to_have_class(re.compile(r"\bis-invalid\b"))
    described_by = title.get_attribute("aria-describedby")
    message = page.locator(f"#{described_by.split()[-1]}")
    expect(message).to_have_class(re.compile(r"\binvalid-feedback\b"))
    expect(message).to_be_visible()
    expect(message).to_have_text("Ce champ est obligatoire.")


def test_a_refused_login_focuses_its_summary(people, live_server, page):
    page.goto(live_server.url + "/comptes/connexion/")
    page.get_by_label("Adresse e-mail").fill("tregor@example.org")
    page.get_by_label("Mot de passe").fill("pas le bon mot de passe")
    page.get_by_role("button", name="Se connecter").click()
    refused_on(page, "Le formulaire n'a pas été enregistré")


def test_a_vote_without_a_choice_is_refused_by_the_site_not_the_browser(people, live_server, signed_in):
    page = signed_in("armor@example.org")
    page.goto(live_server.url + "/appellation/votes/")
    page.get_by_role("button", name="Voter").click()
    refused_on(page, "Le formulaire n'a pas été enregistré")
    ballot = page.locator("article.ballot-item", has_text="Cantal")
    expect(ballot.locator(".error-summary")).to_be_focused()
    expect(ballot.get_by_role("link", name="Votre vote")).to_be_visible()
    expect(ballot.locator(".invalid-feedback")).to_have_text(
        "Choisissez « favorable », « défavorable » ou « abstention »."
    )


def test_a_conflict_without_a_reason_is_refused_by_the_site_not_the_browser(people, live_server, signed_in):
    page = signed_in("armor@example.org")
    page.goto(live_server.url + "/appellation/votes/")
    page.get_by_text("Déclarer un conflit d'intérêts").click()
    page.get_by_role("button", name="Déclarer le conflit").click()
    refused_on(page, "Le formulaire n'a pas été enregistré")
    ballot = page.locator("article.ballot-item", has_text="Cantal")
    expect(ballot.locator(".error-summary")).to_be_focused()
    reason = ballot.get_by_label(re.compile("^Motif du conflit"))
    expect(reason).to_be_visible()
    expect(reason).to_have_attribute("aria-invalid", "true")
