"""Accounts through the mail: an administrator invites a person, who follows the e-mail's link, creates an account and
lands as a member; a person who forgot a password gets a link by e-mail, chooses a new one and logs in with it.

The live server runs in the test's process, so the locmem backend's `mailoutbox` holds what the site sent."""

import re

import pytest
from playwright.sync_api import expect

from fabrique.accounts.models import User
from fabrique.network.enums import MembershipRole
from fabrique.network.models import Membership
from tests.factories import MembershipFactory, StructureFactory

from .browser import account_menu, assert_accessible, flash, login

pytestmark = pytest.mark.django_db(transaction=True)

INVITATION_LINK = re.compile(r"https?://\S+?(/comptes/invitation/[^/\s]+/)")
RESET_LINK = re.compile(r"https?://\S+?(/comptes/mot-de-passe/nouveau/[^/\s]+/[^/\s]+/)")
NEW_PASSWORD = "Un-tout-nouveau-mot-de-passe-7"


@pytest.fixture
def structure(territories):
    structure = StructureFactory(name="Fabrique du Trégor", slug="fabrique-du-tregor", departements=["22"])
    MembershipFactory(structure=structure, user__email="admin@tregor.example.org", role=MembershipRole.ADMIN)
    return structure


def link_in(message, pattern: re.Pattern) -> str:
    found = pattern.search(message.body)
    assert found, message.body
    return found.group(1)


def test_an_invited_person_follows_the_e_mail_s_link_and_joins_the_structure(
    structure, live_server, signed_in, page, mailoutbox
):
    admin = signed_in("admin@tregor.example.org")
    admin.goto(f"{live_server.url}/comptes/structures/fabrique-du-tregor/membres/")
    assert_accessible(admin)
    admin.get_by_role("link", name="Inviter une personne").click()
    assert_accessible(admin)
    admin.get_by_label(re.compile("^Adresse e-mail de la personne invitée")).fill("Nolwenn.Le-Bris@example.org")
    admin.get_by_role("button", name="Envoyer l'invitation").click()
    expect(flash(admin)).to_contain_text("Invitation envoyée à nolwenn.le-bris@example.org.")
    assert_accessible(admin)
    assert [message.to for message in mailoutbox] == [["nolwenn.le-bris@example.org"]]

    # The invited person, in a browser of their own, opens the link and creates the account.
    page.goto(live_server.url + link_in(mailoutbox[0], INVITATION_LINK))
    expect(page.get_by_role("heading", level=1)).to_have_text("Créer mon compte")
    assert_accessible(page)
    page.get_by_label(re.compile("^Prénom")).fill("Nolwenn")
    page.get_by_label(re.compile("^Nom")).fill("Le Bris")
    page.get_by_label(re.compile("^Mot de passe")).fill(NEW_PASSWORD)
    page.get_by_label(re.compile("^Confirmation du mot de passe")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Créer mon compte et accepter").click()
    expect(flash(page)).to_contain_text("Bienvenue : vous êtes désormais membre de Fabrique du Trégor")
    expect(account_menu(page)).to_be_visible()
    assert_accessible(page)

    # The link served once.
    page.goto(live_server.url + link_in(mailoutbox[0], INVITATION_LINK))
    expect(page.get_by_role("main")).to_contain_text("Cette invitation a déjà été utilisée.")
    assert_accessible(page)
    person = User.objects.get(email="nolwenn.le-bris@example.org")
    membership = Membership.objects.get(user=person)
    assert (membership.structure, membership.role, person.first_name) == (structure, MembershipRole.STAFF, "Nolwenn")


def test_a_forgotten_password_is_replaced_through_the_e_mail_s_link(structure, live_server, page, mailoutbox):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Se connecter").click()
    expect(page.get_by_role("link", name="Mot de passe oublié ?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Mot de passe oublié ?").click()
    assert_accessible(page)
    page.get_by_label(re.compile("^Adresse e-mail")).fill("admin@tregor.example.org")
    page.get_by_role("button", name="Recevoir le lien").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")
    assert_accessible(page)
    assert [message.to for message in mailoutbox] == [["admin@tregor.example.org"]]

    page.goto(live_server.url + link_in(mailoutbox[0], RESET_LINK))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nouveau mot de passe")
    assert_accessible(page)
    page.get_by_label(re.compile("^Nouveau mot de passe")).fill(NEW_PASSWORD)
    page.get_by_label(re.compile("^Confirmation")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Enregistrer le mot de passe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mot de passe enregistré")
    assert_accessible(page)

    login(page, live_server.url, "admin@tregor.example.org", NEW_PASSWORD)
    expect(account_menu(page)).to_be_visible()
    assert_accessible(page)
    assert User.objects.get(email="admin@tregor.example.org").check_password(NEW_PASSWORD)
