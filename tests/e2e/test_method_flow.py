"""TAg29's demo user takes a need all the way to a created activity; another structure cannot see it."""

import os
import re

import pytest
from django.utils import timezone

from .browser import assert_accessible, login

# Playwright's sync API runs an event loop in the test's thread; the live server's ORM calls stay allowed.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEED = "Pas d'atelier pour réparer son vélo à Morlaix"
PROJECT = "Atelier vélo solidaire de Morlaix"
FORWARD = [
    ("opportunity", "étude d'opportunité"),
    ("transmission", "transmission à un porteur"),
    ("feasibility", "étude de faisabilité"),
    ("launch", "accompagnement au lancement"),
    ("created", "activité créée"),
]


@pytest.fixture
def demo_data(settings):
    from fabrique.demo import seed

    settings.DEMO_MODE = True
    seed.load_all()


def move_forward_on_the_board(page, stage: str, label: str) -> None:
    page.get_by_role("button", name=f"Passer à « {label} » : {PROJECT}").click()
    column = page.locator(f"section.stage-col-{stage}")
    column.get_by_role("link", name=PROJECT, exact=True).wait_for()
    assert f"est maintenant à l'étape « {label} »" in page.locator(".messages").inner_text()


def test_tag29_takes_a_need_to_a_created_activity_and_another_structure_cannot_see_it(
    demo_data, live_server, page, browser, screenshot
):
    from fabrique.core.demo_support import DEMO_PASSWORD

    today = timezone.localdate().isoformat()
    login(page, live_server.url, "tag29@example.org", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/methode/")
    page.wait_for_url("**/methode/structures/tag29/tableau/")
    assert_accessible(page)

    # A need, recorded from the board.
    page.get_by_role("link", name="Enregistrer un besoin").click()
    assert_accessible(page)
    page.get_by_label("Intitulé").fill(NEED)
    page.get_by_label("Thème").select_option("mobility")
    page.get_by_label("Département").select_option("29")
    page.get_by_label("Commune").fill("Morlaix")
    page.get_by_label("Origine").select_option("inhabitant")
    page.get_by_label("Détecté le").fill(today)
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("heading", level=1, name=NEED).wait_for()
    assert_accessible(page)

    # A project opened from it, prefilled.
    page.get_by_role("link", name="Créer un projet à partir de ce besoin").click()
    assert page.get_by_label("Intitulé").input_value() == NEED
    assert page.get_by_label(re.compile(r"^Pas d'atelier pour réparer")).is_checked()
    assert_accessible(page)
    page.get_by_label("Intitulé").fill(PROJECT)
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("heading", level=1, name=PROJECT).wait_for()
    project_url = page.url

    # The steering committee says go.
    page.get_by_role("link", name="Consigner une décision du comité").click()
    assert_accessible(page)
    page.get_by_label("Date du comité").fill(today)
    page.get_by_label("Objet").select_option("handover")
    page.get_by_label(re.compile(r"^Décision")).select_option("go")
    page.get_by_role("button", name="Consigner la décision").click()
    page.wait_for_url(f"{project_url}#suivi")

    # Through every stage on the board, the outcome recorded before the last move.
    page.goto(f"{live_server.url}/methode/structures/tag29/tableau/")
    for stage, label in FORWARD[:-1]:
        move_forward_on_the_board(page, stage, label)
    assert_accessible(page)
    page.goto(project_url)
    page.get_by_role("link", name="Résultat (activité créée)").click()
    assert_accessible(page)
    page.get_by_label("Date de création").fill(today)
    page.get_by_label("Forme juridique").select_option("association")
    page.get_by_label("Emplois créés (ETP)").fill("1.5")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(project_url)
    page.goto(f"{live_server.url}/methode/structures/tag29/tableau/")
    move_forward_on_the_board(page, *FORWARD[-1])
    assert_accessible(page)
    screenshot("method-board")

    # The timeline tells the whole story.
    page.goto(project_url)
    timeline = page.locator("ol.timeline").inner_text()
    assert "Étape : accompagnement au lancement → activité créée" in timeline
    assert "Étape : détection → étude d'opportunité" in timeline
    assert "transmettre à un porteur — décision « go »" in timeline
    assert_accessible(page)
    screenshot("method-project")

    # Another structure's member sees nothing of it.
    other = browser.new_context(locale="fr-FR")
    intruder = other.new_page()
    login(intruder, live_server.url, "tag22@example.org", DEMO_PASSWORD)
    assert intruder.goto(project_url).status == 404
    assert intruder.goto(f"{live_server.url}/methode/structures/tag29/tableau/").status == 403
    intruder.goto(f"{live_server.url}/methode/projets/?q=Atelier+v%C3%A9lo")
    assert PROJECT not in intruder.content()
    other.close()


def test_the_method_reading_pages_are_accessible(demo_data, live_server, page):
    from fabrique.core.demo_support import COORDINATOR_EMAIL, DEMO_PASSWORD
    from fabrique.method.models import CreativitySession, Need, Project

    conciergerie = Project.objects.get(title="Conciergerie d'Ampère")
    page.goto(f"{live_server.url}/methode/activites/")
    assert_accessible(page)
    page.get_by_role("link", name="Conciergerie d'Ampère").click()
    page.get_by_role("heading", level=1, name="Conciergerie d'Ampère").wait_for()
    assert "fictifs" in page.content()
    assert_accessible(page)

    login(page, live_server.url, COORDINATOR_EMAIL, DEMO_PASSWORD)
    session = CreativitySession.objects.filter(structure__slug="tag29").first()
    need = Need.objects.filter(structure__slug="tag29").first()
    for path in [
        "/methode/",
        "/methode/structures/tag29/tableau/",
        "/methode/projets/?stage=feasibility&sort=stage",
        "/methode/structures/tag29/besoins/",
        f"/methode/besoins/{need.pk}/",
        "/methode/structures/tag29/seances/",
        f"/methode/seances/{session.pk}/",
        f"/methode/projets/{conciergerie.pk}/",
        f"/methode/projets/{conciergerie.pk}/partenaires/",
        "/methode/territoires/",
    ]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_accessible(page)
