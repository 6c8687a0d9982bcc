"""A project's next steps (« Prochaines étapes »): who adds, edits and completes them, what is refused, the
owner told, the board's card and the structure's page."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fabrique.core.exceptions import VersionConflict
from fabrique.method.enums import Stage
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification
from fabrique.workspace.enums import NextStepStatus, ProjectRole
from fabrique.workspace.models import NextStep
from fabrique.workspace.services.steps import create_step, set_step_status, update_step
from tests.accounts.helpers import text
from tests.factories import UserFactory
from tests.method.factories import ProjectFactory

from .factories import NextStepFactory, ProjectMemberFactory

TODAY = timezone.localdate


def _in(days: int) -> datetime.date:
    return TODAY() + datetime.timedelta(days=days)


def _form(owner, days=7, title="Rencontrer la mairie", **extra) -> dict:
    return {"title": title, "owner": owner.pk, "due_on": _in(days).isoformat(), "stage": Stage.DETECTION, **extra}


def _assigned(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind=NotificationKind.NEXT_STEP_ASSIGNED))


# --- rights ---------------------------------------------------------------------------------------------------


def test_the_carrier_adds_a_step_and_completes_it(project, carrier, client_for):
    client = client_for(carrier)
    url = reverse("workspace:steps", args=[project.pk])
    response = client.post(url, _form(carrier))
    assert response.status_code == 302
    step = NextStep.objects.get()
    assert (step.owner, step.created_by, step.status, step.stage) == (carrier, carrier, "todo", Stage.DETECTION)
    status_url = reverse("workspace:step_status", args=[project.pk, step.pk])
    assert client.post(status_url, {"status": "done", "version": step.version}).status_code == 302
    step.refresh_from_db()
    assert step.status == NextStepStatus.DONE and step.done_at is not None
    assert step.history.first().history_user == carrier


def test_an_observer_reads_the_steps_but_cannot_add_one(project, observer, member, client_for):
    NextStepFactory(project=project, owner=member, title="Chiffrer le local")
    client = client_for(observer)
    url = reverse("workspace:steps", args=[project.pk])
    page = text(client.get(url))
    assert "Chiffrer le local" in page and "Ajouter une prochaine étape" not in page
    assert client.post(url, _form(observer)).status_code == 403
    assert NextStep.objects.count() == 1
    with pytest.raises(PermissionDenied, match="ne permet pas d'y ajouter une prochaine étape"):
        create_step(project, by=observer, data={"title": "x", "owner": observer, "due_on": _in(3)})


def test_a_stranger_gets_a_404_on_the_steps_and_on_a_step(project, other_member, member, client_for):
    step = NextStepFactory(project=project, owner=member)
    client = client_for(other_member)
    assert client.get(reverse("workspace:steps", args=[project.pk])).status_code == 404
    assert client.post(reverse("workspace:steps", args=[project.pk]), _form(other_member)).status_code == 404
    edit = reverse("workspace:step_edit", args=[project.pk, step.pk])
    assert client.get(edit).status_code == 404
    status = reverse("workspace:step_status", args=[project.pk, step.pk])
    assert client.post(status, {"status": "done", "version": 1}).status_code == 404
    step.refresh_from_db()
    assert step.status == NextStepStatus.TODO


def test_the_coordination_reads_the_steps_and_writes_nothing(project, coordinator, member, client_for):
    step = NextStepFactory(project=project, owner=member)
    client = client_for(coordinator)
    assert client.get(reverse("workspace:steps", args=[project.pk])).status_code == 200
    assert client.post(reverse("workspace:steps", args=[project.pk]), _form(member)).status_code == 403
    status = reverse("workspace:step_status", args=[project.pk, step.pk])
    assert client.post(status, {"status": "done", "version": 1}).status_code == 403


def test_only_the_owner_and_the_team_edit_a_step(project, carrier, expert, member, client_for):
    step = NextStepFactory(project=project, owner=carrier)
    edit = reverse("workspace:step_edit", args=[project.pk, step.pk])
    assert client_for(expert).get(edit).status_code == 403
    assert client_for(carrier).get(edit).status_code == 200
    assert client_for(member).get(edit).status_code == 200
    with pytest.raises(PermissionDenied, match="Seuls l'équipe et la personne responsable changent le statut"):
        set_step_status(step, NextStepStatus.DONE, by=expert, expected_version=step.version)


def test_the_owner_is_someone_of_the_project(project, member, other_member):
    with pytest.raises(ValidationError, match="Choisissez une personne du projet"):
        create_step(project, by=member, data={"title": "Appeler", "owner": other_member, "due_on": _in(3)})
    assert not NextStep.objects.exists()


# --- bad input --------------------------------------------------------------------------------------------------


def test_a_past_due_date_is_refused_in_french_and_nothing_is_saved(project, member, client_for):
    response = client_for(member).post(reverse("workspace:steps", args=[project.pk]), _form(member, days=-1))
    assert response.status_code == 200
    assert "L'échéance ne peut pas être dans le passé." in text(response)
    assert 'id="erreurs"' in response.content.decode()
    assert not NextStep.objects.exists()
    with pytest.raises(ValidationError, match="L'échéance ne peut pas être dans le passé."):
        create_step(project, by=member, data={"title": "Appeler", "owner": member, "due_on": _in(-3)})
    assert not NextStep.objects.exists()


def test_a_step_edited_meanwhile_by_someone_else_is_not_overwritten(project, member, staff_member, client_for):
    step = NextStepFactory(project=project, owner=member, title="Appeler la mairie")
    read = step.version
    update_step(step, by=staff_member, data={"title": "Appeler le maire"}, expected_version=read)
    edit = reverse("workspace:step_edit", args=[project.pk, step.pk])
    response = client_for(member).post(edit, _form(member, title="Écrire à la mairie", version=read))
    assert response.status_code == 200
    assert "modifiée par quelqu'un d'autre" in text(response)
    step.refresh_from_db()
    assert step.title == "Appeler le maire"
    with pytest.raises(VersionConflict, match="modifiée par quelqu'un d'autre"):
        set_step_status(step, NextStepStatus.DONE, by=member, expected_version=read)


def test_the_stage_defaults_to_the_project_s_current_one(member, structure):
    project = ProjectFactory(structure=structure, stage=Stage.FEASIBILITY)
    step = create_step(project, by=member, data={"title": "Budget", "owner": member, "due_on": _in(5)})
    assert step.stage == Stage.FEASIBILITY


# --- the owner is told ------------------------------------------------------------------------------------------


def test_the_owner_is_told_of_a_step_given_to_them_not_of_one_they_took(project, member, carrier):
    create_step(project, by=member, data={"title": "Statuts", "owner": carrier, "due_on": _in(10)})
    create_step(project, by=carrier, data={"title": "Banque", "owner": carrier, "due_on": _in(10)})
    told = _assigned(carrier)
    assert [n.subject for n in told] == ["Prochaine étape confiée : Statuts"]
    assert told[0].url == reverse("workspace:steps", args=[project.pk])


def test_a_step_handed_to_someone_else_tells_the_new_owner(project, member, carrier, expert):
    step = create_step(project, by=carrier, data={"title": "Devis", "owner": carrier, "due_on": _in(10)})
    update_step(step, by=carrier, data={"owner": expert}, expected_version=step.version)
    assert [n.subject for n in _assigned(expert)] == ["Prochaine étape confiée : Devis"]


# --- the board and the structure's page ---------------------------------------------------------------------------


def test_the_board_card_shows_the_next_open_step_and_that_it_is_late(project, member, client_for, structure):
    late = NextStepFactory(project=project, owner=member, title="Relancer la banque")
    NextStep.objects.filter(pk=late.pk).update(due_on=_in(-2))  # set late, as time passes
    NextStepFactory(project=project, owner=member, title="Signer le bail", due_on=_in(20))
    NextStepFactory(project=project, owner=member, title="Déjà faite", due_on=_in(1), status=NextStepStatus.DONE)
    page = text(client_for(member).get(reverse("method:board", args=[structure.slug])))
    card = page.split(f'id="carte-{project.pk}"')[1].split("</li>")[0]
    assert "Prochaine étape :" in card and "Relancer la banque" in card and "en retard" in card
    assert "Signer le bail" not in card and "Déjà faite" not in card
    assert reverse("workspace:structure_steps", args=[structure.slug]) in page


def test_the_structure_sees_its_open_steps_filtered_by_owner_status_and_lateness(
    project, other_project, member, staff_member, client_for, structure
):
    NextStepFactory(project=project, owner=member, title="Appeler la mairie")
    NextStepFactory(project=other_project, owner=staff_member, title="Visiter le garage", status="blocked")
    late = NextStepFactory(project=other_project, owner=member, title="Relancer la banque")
    NextStep.objects.filter(pk=late.pk).update(due_on=_in(-1))
    NextStepFactory(project=project, owner=member, title="Faite hier", status=NextStepStatus.DONE)
    client = client_for(member)
    url = reverse("workspace:structure_steps", args=[structure.slug])
    page = text(client.get(url))
    assert "3 prochaines étapes ouvertes." in page and "Faite hier" not in page
    by_owner = text(client.get(url, {"owner": staff_member.pk}))
    assert "Visiter le garage" in by_owner and "Appeler la mairie" not in by_owner
    blocked = text(client.get(url, {"status": "blocked"}))
    assert "1 prochaine étape ouverte." in blocked and "Visiter le garage" in blocked
    overdue = text(client.get(url, {"late": "on"}))
    assert "Relancer la banque" in overdue and "Appeler la mairie" not in overdue


def test_the_structure_s_steps_are_for_its_team_and_the_coordination(
    structure, coordinator, other_member, carrier, client_for
):
    url = reverse("workspace:structure_steps", args=[structure.slug])
    assert client_for(coordinator).get(url).status_code == 200
    assert client_for(other_member).get(url).status_code == 403
    assert client_for(carrier).get(url).status_code == 403


# --- query counts ---------------------------------------------------------------------------------------------


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _steps(project, owner, count):
    for index in range(count):
        NextStepFactory(project=project, owner=owner, due_on=_in(index + 1))


def test_the_steps_tab_costs_the_same_for_3_and_30_steps(project, member, carrier, client_for):
    client = client_for(member)
    url = reverse("workspace:steps", args=[project.pk])
    _steps(project, carrier, 3)
    few = _queries(client, url)
    _steps(project, member, 27)
    assert _queries(client, url) == few


def test_the_structure_s_steps_cost_the_same_for_3_and_30_steps(project, member, carrier, client_for, structure):
    client = client_for(member)
    url = reverse("workspace:structure_steps", args=[structure.slug]) + "?late=on&status=todo"
    _steps(project, carrier, 3)
    few = _queries(client, url)
    _steps(ProjectFactory(structure=structure), member, 27)
    assert _queries(client, url) == few


def test_the_board_costs_one_query_for_the_steps_of_3_or_30_cards(member, client_for, structure):
    client = client_for(member)
    url = reverse("method:board", args=[structure.slug])
    for _ in range(3):
        NextStepFactory(project=ProjectFactory(structure=structure), owner=member)
    few = _queries(client, url)
    for _ in range(27):
        NextStepFactory(project=ProjectFactory(structure=structure), owner=member)
    assert _queries(client, url) == few


def test_a_guest_owner_is_offered_among_the_project_s_people(project, member, client_for):
    partner = ProjectMemberFactory(project=project, role=ProjectRole.PARTNER, user=UserFactory(first_name="Lou")).user
    page = client_for(member).get(reverse("workspace:steps", args=[project.pk])).content.decode()
    assert f'value="{partner.pk}"' in page and f'value="{member.pk}" selected' in page
