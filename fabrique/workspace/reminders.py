"""Reminders of next steps, run daily (the `next_step_reminders` periodic job, docs/jobs.md): each owner still on
the project is told NEXT_STEP_REMINDER_DAYS days before an open step is due, and once when it is overdue. The
notification key makes each reminder once per step and due date, however often the job runs; a step whose date
is moved is reminded again for its new date."""

from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.services import notify

from .models import NextStep
from .selectors import still_on_project


def reminder_days() -> int:
    return int(getattr(settings, "NEXT_STEP_REMINDER_DAYS", 2))


def send_next_step_reminders(now: datetime | None = None) -> int:
    """Returns the number of reminders sent in this run."""
    today = timezone.localdate(now or timezone.now())
    horizon = today + timedelta(days=reminder_days())
    steps = (
        NextStep.objects.open()
        .filter(due_on__lte=horizon, owner__is_active=True)
        .filter(still_on_project())
        .select_related("owner", "project")
        .order_by("due_on", "pk")
    )
    sent = 0
    for step in steps:
        late = step.due_on < today
        values = {"title": step.title, "project": step.project.title, "due": step.due_on.strftime("%d/%m/%Y")}
        if late:
            subject = _("Prochaine étape en retard : %(title)s") % values
            body = _("« %(title)s », sur le projet « %(project)s », était prévue pour le %(due)s.") % values
        else:
            subject = _("Prochaine étape à faire d'ici le %(due)s : %(title)s") % values
            body = _("« %(title)s », sur le projet « %(project)s », est prévue pour le %(due)s.") % values
        sent += notify(
            [step.owner],
            kind=NotificationKind.NEXT_STEP_DUE,
            subject=subject,
            body=body,
            url=reverse("workspace:steps", args=[step.project_id]),
            key=f"next-step-{'late' if late else 'due'}:{step.pk}:{step.due_on.isoformat()}",
        )
    return sent
