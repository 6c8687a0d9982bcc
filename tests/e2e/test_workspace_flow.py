"""The project workspace, done when (issue 13 item 10): TAg29's administrator invites a carrier and an outside expert
to one project through the pages; the carrier opens the e-mail's link, creates an account, lands on « Mon espace »
seeing that project only, replies in its conversation mentioning the administrator and completes a next step; the
administrator is told in-app and by e-mail; the expert gets a 404 on another project of TAg29 and on its board.
Every page visited passes axe-core; the conversation does at 375 px without scrolling sideways."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from .a11y import horizontal_overflow, widest_elements
from .browser import account_menu, assert_accessible, flash, login
from .conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True)

ADMIN = "tag29@example.org"
CARRIER = "nolwenn.carrier@example.org"
EXPERT = "erwan.expert@example.org"
PASSWORD = "Un-mot-de-passe-solide-2026"
PROJECT = "Espace de services itinérant (fictif)"
OTHER_PROJECT = "Service de visites et de petits travaux (fictif)"
STEP = "Envoyer les devis du véhicule (fictif)"


@pytest.fixture
def demo(settings):
    settings.DEMO_MODE = True
    call_command("demo", "--no-serve", verbosity=0)


def projects() -> tuple:
    from fabrique.method.models import Project

    return (
        Project.objects.get(structure__slug="tag29", title=PROJECT),
        Project.objects.get(structure__slug="tag29", title=OTHER_PROJECT),
    )


def field(tab, label: str):
    """A form field by its label, which ends with « * » or « (obligatoire) » when the field is required."""
    return tab.get_by_label(re.compile(rf"^{re.escape(label)}( \*| ?\*? ?\(obligatoire\))?$"))


def visit(tab, url: str):
    response = tab.goto(url)
    assert_accessible(tab)
    return response


def invitation_link(mailoutbox, email: str) -> str:
    sent = [message for message in mailoutbox if message.to == [email]]
    assert len(sent) == 1, [message.to for message in mailoutbox]
    return re.search(r"https?://\S+/espace-projet/invitation/\S+/", sent[0].body).group(0)


def new_tab(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    return tab


def accept(tab, link: str, base_url: str, first_name: str, last_name: str) -> None:
    """Open the e-mail's link (served by the live server under test), create the account; lands on « Mon espace »."""
    visit(tab, base_url + "/" + link.split("/", 3)[3])
    expect(tab.get_by_role("heading", level=1)).to_have_text("Créer mon compte")
    field(tab, "Prénom").fill(first_name)
    field(tab, "Nom").fill(last_name)
    field(tab, "Mot de passe").fill(PASSWORD)
    field(tab, "Confirmation du mot de passe").fill(PASSWORD)
    tab.get_by_role("button", name="Créer mon compte et accepter").click()
    tab.wait_for_url(f"{base_url}/comptes/")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Mon espace")
    assert_accessible(tab)


def invite(page, email: str, role: str) -> None:
    field(page, "Adresse e-mail").fill(email)
    field(page, "Rôle sur le projet").select_option(role)
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(flash(page)).to_contain_text(f"Invitation envoyée à {email}")
    assert_accessible(page)


def test_the_team_invites_a_carrier_who_replies_and_completes_a_step_and_an_expert_sees_nothing_else(
    demo, live_server, page, browser, mailoutbox, screenshot
):
    from fabrique.core.demo_support import DEMO_PASSWORD

    base = live_server.url
    project, other = projects()
    space = f"{base}/espace-projet/{project.pk}"

    # TAg29's administrator invites a carrier and an expert from the « Personnes » tab.
    login(page, base, ADMIN, DEMO_PASSWORD)
    expect(account_menu(page)).to_be_visible()
    assert_accessible(page)
    visit(page, f"{space}/personnes/")
    invite(page, CARRIER, "carrier")
    invite(page, EXPERT, "expert")
    expect(page.get_by_role("list", name="Invitations en attente")).to_contain_text(CARRIER)

    # The carrier opens the e-mail's link, creates an account and sees that project only.
    carrier = new_tab(browser)
    accept(carrier, invitation_link(mailoutbox, CARRIER), base, "Nolwenn", "Le Bihan (fictive)")
    mine = carrier.locator("section", has=carrier.get_by_role("heading", name="Mes projets"))
    expect(mine.get_by_role("link")).to_have_count(1)
    expect(mine.get_by_role("link")).to_have_text(PROJECT)
    expect(carrier.get_by_role("heading", name="Mes structures")).to_have_count(0)

    # The administrator gives the carrier a next step.
    visit(page, f"{space}/etapes/")
    field(page, "Intitulé").fill(STEP)
    field(page, "Responsable").select_option(label="Nolwenn Le Bihan (fictive)")
    field(page, "Échéance").fill((timezone.localdate() + timedelta(days=10)).isoformat())
    page.get_by_role("button", name="Ajouter", exact=True).click()
    expect(flash(page)).to_contain_text("La prochaine étape est ajoutée.")
    assert_accessible(page)
    unread_before = int(account_menu(page).locator(".badge").inner_text().split()[0])

    # The carrier replies in the conversation, mentioning the administrator…
    mine.get_by_role("link", name=PROJECT).click()
    assert_accessible(carrier)
    carrier.get_by_role("link", name="Conversation").click()
    assert_accessible(carrier)
    field(carrier, "Message").fill("Bonjour ! Les devis arrivent cette semaine. (Message fictif.)")
    carrier.get_by_role("checkbox", name="Démo TAg29").check()
    carrier.get_by_role("button", name="Envoyer").click()
    expect(flash(carrier)).to_contain_text("Message envoyé.")
    expect(carrier.locator("article, li").filter(has_text="Les devis arrivent cette semaine").first).to_be_visible()
    assert_accessible(carrier)
    carrier.set_viewport_size({"width": 375, "height": 800})
    assert horizontal_overflow(carrier) == 0, widest_elements(carrier)
    assert_accessible(carrier)
    carrier.screenshot(path=str(SCREENSHOTS / "workspace-carrier-conversation-375.png"), full_page=True)
    carrier.set_viewport_size({"width": 1280, "height": 900})

    # … and completes the step given to them.
    carrier.get_by_role("link", name="Prochaines étapes").click()
    assert_accessible(carrier)
    field(carrier, f"Statut de « {STEP} »").select_option("done")
    carrier.get_by_role("button", name=f"Changer le statut : {STEP}").click()
    expect(flash(carrier)).to_contain_text(f"« {STEP} » : faite.")
    done = carrier.get_by_role("heading", name=re.compile(r"^\d+ étapes? faites?$")).locator(
        "xpath=following-sibling::ul[1]"
    )
    expect(done.get_by_role("heading", name=STEP)).to_be_visible()
    assert_accessible(carrier)

    # The administrator is told: by e-mail and in the header's badge, then on « Notifications ».
    told = [m for m in mailoutbox if m.to == [ADMIN]]
    assert [m.subject for m in told] == [
        f"Nolwenn Le Bihan (fictive) vous mentionne sur le projet «\u00a0{PROJECT}\u00a0»"
    ]
    visit(page, f"{base}/comptes/")
    badge = account_menu(page).locator(".badge")
    expect(badge).to_contain_text(str(unread_before + 1))
    account_menu(page).click()
    page.get_by_role("link", name=re.compile("^Notifications")).click()
    expect(page.get_by_text(f"vous mentionne sur le projet «\u00a0{PROJECT}\u00a0»").first).to_be_visible()
    assert_accessible(page)

    # The workspace's tabs, as the team sees them.
    for tab_name, path in [
        ("overview", ""),
        ("steps", "etapes/"),
        ("conversation", "conversation/"),
        ("documents", "documents/"),
        ("activity", "activite/"),
        ("people", "personnes/"),
    ]:
        visit(page, f"{space}/{path}")
        screenshot(f"workspace-{tab_name}")

    # The expert accepts and sees nothing else of TAg29: neither another project nor the board.
    expert = new_tab(browser)
    accept(expert, invitation_link(mailoutbox, EXPERT), base, "Erwan", "Morvan (fictif)")
    assert visit(expert, f"{space}/").status == 200
    assert visit(expert, f"{base}/espace-projet/{other.pk}/").status == 404
    assert visit(expert, f"{base}/methode/structures/tag29/tableau/").status in (403, 404)
    for tab in (carrier, expert):
        tab.context.close()
