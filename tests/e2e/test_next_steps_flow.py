"""A carrier adds the project's next step from the « Prochaines étapes » tab without JavaScript tricks: a past due
date is refused with the error summary, then the step is added and marked done; the team sees the late step on
the board's card and on the structure's page. Each page passes axe-core, at 1280 px and at 375 px without sideways
scroll."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .a11y import horizontal_overflow, widest_elements
from .browser import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def _check(page) -> None:
    assert_accessible(page)
    page.set_viewport_size({"width": 375, "height": 800})
    assert horizontal_overflow(page) == 0, widest_elements(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_carrier_adds_and_completes_a_step_and_the_team_sees_the_late_one(territories, live_server, signed_in):
    from fabrique.workspace.enums import ProjectRole
    from fabrique.workspace.models import NextStep
    from tests.factories import MembershipFactory, StructureFactory
    from tests.method.factories import ProjectFactory
    from tests.workspace.factories import NextStepFactory, ProjectMemberFactory

    structure = StructureFactory(name="TAg Test", slug="tag-test", departements=["29"])
    member = MembershipFactory(structure=structure, user__email="membre@example.org").user
    project = ProjectFactory(structure=structure, title="Épicerie solidaire de Morlaix")
    carrier = ProjectMemberFactory(project=project, role=ProjectRole.CARRIER, user__email="porteuse@example.org").user
    late = NextStepFactory(project=project, owner=member, title="Relancer la banque")
    NextStep.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - datetime.timedelta(days=2))

    page = signed_in(carrier.email)
    page.goto(f"{live_server.url}/espace-projet/{project.pk}/etapes/")
    expect(page.get_by_role("heading", level=2, name="Ajouter une prochaine étape")).to_be_visible()
    page.get_by_label("Intitulé").fill("Ouvrir le compte")
    page.get_by_label("Échéance").fill("2020-01-02")
    page.get_by_role("button", name="Ajouter").click()
    expect(page.locator("#erreurs")).to_contain_text("L'échéance ne peut pas être dans le passé.")
    _check(page)

    soon = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    page.get_by_label("Échéance").fill(soon)
    page.get_by_role("button", name="Ajouter").click()
    step = NextStep.objects.get(title="Ouvrir le compte")
    row = page.locator(f"#etape-{step.pk}")
    expect(row).to_contain_text("Ouvrir le compte")
    row.get_by_label("Statut de « Ouvrir le compte »").select_option("done")
    row.get_by_role("button", name="Changer le statut").click()
    expect(page.get_by_role("heading", name="1 étape faite")).to_be_visible()
    _check(page)

    team = signed_in(member.email)
    team.goto(f"{live_server.url}/methode/structures/{structure.slug}/tableau/")
    card = team.locator(f"#carte-{project.pk}")
    expect(card).to_contain_text("Relancer la banque")
    expect(card).to_contain_text("en retard")
    team.get_by_role("link", name="Prochaines étapes de la structure").click()
    expect(team.get_by_role("heading", level=1)).to_have_text("Prochaines étapes — TAg Test")
    expect(team.get_by_role("table")).to_contain_text("Relancer la banque")
    _check(team)
