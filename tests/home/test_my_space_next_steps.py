"""« Mon espace », « Mes prochaines étapes »: the open steps the person owns on the projects they are on, the most
overdue first, each with its project."""

import datetime

from django.urls import reverse
from django.utils import timezone

from fabrique.workspace.enums import NextStepStatus, ProjectRole
from fabrique.workspace.models import ProjectMember
from tests.accounts.helpers import text
from tests.method.factories import ProjectFactory
from tests.workspace.factories import NextStepFactory, ProjectMemberFactory


def _in(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_my_open_steps_are_listed_overdue_first_with_their_project(client_for, member, structure):
    project = ProjectFactory(structure=structure, title="Tiers-lieu de Morlaix")
    NextStepFactory(project=project, owner=member, title="Signer le bail", due_on=_in(10))
    NextStepFactory(project=project, owner=member, title="Relancer la banque", due_on=_in(-3))
    NextStepFactory(project=project, owner=member, title="Déjà faite", status=NextStepStatus.DONE)
    page = text(client_for(member).get(reverse("dashboard")))
    assert "Mes prochaines étapes : 2 à faire" in page and "Dont 1 en retard." in page
    assert page.index("Relancer la banque") < page.index("Signer le bail")
    assert "Tiers-lieu de Morlaix" in page and "Déjà faite" not in page


def test_a_guest_sees_their_steps_until_they_leave_the_project(client_for, structure):
    project = ProjectFactory(structure=structure, title="Garage solidaire")
    carrier = ProjectMemberFactory(project=project, role=ProjectRole.CARRIER).user
    NextStepFactory(project=project, owner=carrier, title="Chercher un local")
    client = client_for(carrier)
    assert "Chercher un local" in text(client.get(reverse("dashboard")))
    ProjectMember.objects.filter(user=carrier).delete()
    assert "Chercher un local" not in text(client.get(reverse("dashboard")))
