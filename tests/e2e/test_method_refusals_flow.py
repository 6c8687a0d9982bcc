"""A member moves a project as the stage rules allow: a refused move and its French reason on the board, a return
to an earlier stage refused without a reason then made with one, a pause and the resumption where it stopped, an
abandonment whose reopening asks for a reason."""

import pytest
from playwright.sync_api import expect

from fabrique.method.enums import Stage
from fabrique.method.models import Project
from tests.factories import MembershipFactory, StructureFactory
from tests.method.factories import ProjectFactory

from .browser import assert_accessible, flash

pytestmark = pytest.mark.django_db(transaction=True)

PROJECT = "Garage solidaire du pays de Morlaix"


@pytest.fixture
def project(territories):
    structure = StructureFactory(name="Fabrique du Trégor", slug="fabrique-du-tregor", departements=["29"])
    MembershipFactory(structure=structure, user__email="tregor@example.org")
    return ProjectFactory(structure=structure, title=PROJECT, stage=Stage.OPPORTUNITY)


def change_stage(page, choice: str, reason: str = "") -> None:
    """The « Changer d'étape » form of the project's page."""
    page.get_by_label("Nouvelle étape").select_option(label=choice)
    page.get_by_label("Motif ou note").fill(reason)
    page.get_by_role("button", name="Changer d'étape").click()


def test_a_member_is_refused_a_move_goes_back_with_a_reason_pauses_resumes_and_abandons(
    project, live_server, signed_in
):
    page = signed_in("tregor@example.org")
    page.goto(f"{live_server.url}/methode/structures/fabrique-du-tregor/tableau/")
    assert_accessible(page)

    # No « go » from the steering committee yet: the board refuses the hand-over and says why.
    page.get_by_role("button", name=f"Passer à « transmission à un porteur » : {PROJECT}").click()
    expect(flash(page)).to_contain_text(f"« {PROJECT} » n'a pas changé d'étape : Pour passer à la transmission")
    expect(flash(page)).to_contain_text("enregistrez d'abord la décision « go » du comité de pilotage")
    expect(page.locator("section.stage-col-opportunity").get_by_role("link", name=PROJECT, exact=True)).to_be_visible()
    assert_accessible(page)

    # Going back needs a reason: refused without one, beside the form; made with one.
    page.get_by_role("link", name=PROJECT, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=PROJECT)).to_be_visible()
    assert_accessible(page)
    change_stage(page, "Revenir à « détection »")
    expect(page.get_by_role("alert")).to_contain_text("Indiquez le motif du retour à l'étape « détection ».")
    assert_accessible(page)
    change_stage(page, "Revenir à « détection »", "Le besoin est à revoir avec la mairie.")
    expect(flash(page)).to_contain_text(f"« {PROJECT} » est maintenant à l'étape « détection ».")
    timeline = page.locator("ol.timeline")
    expect(timeline).to_contain_text("Étape : étude d'opportunité → détection")
    expect(timeline).to_contain_text("Le besoin est à revoir avec la mairie.")
    assert_accessible(page)

    # A pause keeps the stage it stopped at; the project resumes there.
    change_stage(page, "Mettre en pause", "Le porteur pressenti part pour l'été.")
    expect(flash(page)).to_contain_text("est maintenant à l'étape « en pause ».")
    assert_accessible(page)
    page.goto(f"{live_server.url}/methode/structures/fabrique-du-tregor/tableau/")
    paused = page.locator("section.stage-col-paused")
    expect(paused.get_by_role("link", name=PROJECT, exact=True)).to_be_visible()
    expect(paused).to_contain_text("Arrêté à l'étape : détection")
    assert_accessible(page)
    paused.get_by_role("link", name=PROJECT, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=PROJECT)).to_be_visible()
    assert_accessible(page)
    change_stage(page, "Reprendre à « détection »")
    expect(flash(page)).to_contain_text(f"« {PROJECT} » est maintenant à l'étape « détection ».")
    expect(page.locator("ol.timeline")).to_contain_text("Étape : en pause → détection")
    assert_accessible(page)

    # Abandoned, then reopened only with a reason.
    change_stage(page, "Abandonner", "La commune a ouvert son propre garage.")
    expect(flash(page)).to_contain_text("est maintenant à l'étape « abandonné ».")
    assert_accessible(page)
    change_stage(page, "Reprendre à « détection »")
    expect(page.get_by_role("alert")).to_contain_text("Indiquez le motif de la reprise d'un projet abandonné.")
    assert_accessible(page)

    project.refresh_from_db()
    assert (project.stage, project.stopped_at) == (Stage.ABANDONED, Stage.DETECTION)
    assert project.stop_reason == "La commune a ouvert son propre garage."
    assert list(Project.objects.get(pk=project.pk).stage_log.values_list("to_status", flat=True).order_by("pk")) == [
        Stage.OPPORTUNITY,
        Stage.DETECTION,
        Stage.PAUSED,
        Stage.DETECTION,
        Stage.ABANDONED,
    ]
