"""Reminders of next steps (the `next_step_reminders` periodic job): NEXT_STEP_REMINDER_DAYS before the due date,
then once overdue; each once, however often the job runs."""

import datetime

from django.conf import settings
from django.utils import timezone

from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification
from fabrique.workspace.enums import NextStepStatus
from fabrique.workspace.models import NextStep, ProjectMember
from fabrique.workspace.reminders import send_next_step_reminders

from .factories import NextStepFactory


def _due_in(days: int, **kwargs) -> NextStep:
    step = NextStepFactory(**kwargs)
    NextStep.objects.filter(pk=step.pk).update(due_on=timezone.localdate() + datetime.timedelta(days=days))
    return step


def _reminders(user) -> list[str]:
    rows = Notification.objects.filter(recipient=user, kind=NotificationKind.NEXT_STEP_DUE).order_by("pk")
    return [row.subject for row in rows]


def test_the_job_is_declared_daily():
    assert settings.FABRIQUE_PERIODIC_JOBS["next_step_reminders"] == (
        "fabrique.workspace.reminders.send_next_step_reminders",
        "daily",
    )


def test_the_owner_is_reminded_before_the_due_date_once_however_often_the_job_runs(project, carrier, settings):
    settings.NEXT_STEP_REMINDER_DAYS = 2
    _due_in(2, project=project, owner=carrier, title="Déposer les statuts")
    _due_in(3, project=project, owner=carrier, title="Trop tôt pour le rappel")
    assert send_next_step_reminders() == 1
    assert send_next_step_reminders() == 0
    assert _reminders(carrier) == [f"Prochaine étape à faire d'ici le {_date(2)} : Déposer les statuts"]


def test_an_overdue_step_is_told_once_besides_the_reminder_before(project, carrier):
    step = _due_in(1, project=project, owner=carrier, title="Ouvrir le compte")
    send_next_step_reminders()
    NextStep.objects.filter(pk=step.pk).update(due_on=timezone.localdate() - datetime.timedelta(days=1))
    assert send_next_step_reminders() == 1
    assert send_next_step_reminders() == 0
    assert _reminders(carrier)[-1] == "Prochaine étape en retard : Ouvrir le compte"
    assert len(_reminders(carrier)) == 2


def test_done_steps_and_people_no_longer_on_the_project_are_not_reminded(project, carrier, member):
    _due_in(1, project=project, owner=member, status=NextStepStatus.DONE)
    _due_in(1, project=project, owner=carrier)
    ProjectMember.objects.filter(user=carrier).delete()
    assert send_next_step_reminders() == 0


def test_the_team_s_steps_are_reminded_too(project, member):
    _due_in(0, project=project, owner=member, title="Réunir le comité")
    assert send_next_step_reminders() == 1
    assert _reminders(member) == [f"Prochaine étape à faire d'ici le {_date(0)} : Réunir le comité"]


def _date(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).strftime("%d/%m/%Y")
