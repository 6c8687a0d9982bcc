"""Two days (APPELLATION_REMINDER_DAYS) before a session's deadline, the voter structures that still have a
request to vote on are reminded. Run daily by `fabrique appellation_reminders`; a person is reminded once
per session, however often it runs."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone

from ..enums import AWAITING_SESSION_STATUSES, NotificationKind, SessionStatus
from ..models import CommitteeSession
from ..notifications import admins_of, notify
from ..selectors import item_states


def reminder_days() -> int:
    return int(getattr(settings, "APPELLATION_REMINDER_DAYS", 2))


def pending_voters(session) -> dict[int, list[str]]:
    """Voter structure id → names of the applicants it has not voted on yet (conflicts excepted)."""
    items = list(session.items.select_related("session", "request__structure").order_by("pk"))
    pending: dict[int, list[str]] = {}
    for state in item_states(items).values():
        if state.item.request.status not in AWAITING_SESSION_STATUSES:
            continue
        for voter in state.voter_ids - state.conflicted_ids - set(state.votes):
            pending.setdefault(voter, []).append(state.item.request.structure.name)
    return pending


def send_deadline_reminders(now: datetime | None = None) -> int:
    """Returns the number of reminders sent in this run."""
    now = now or timezone.now()
    horizon = now + timedelta(days=reminder_days())
    sent = 0
    sessions = CommitteeSession.objects.filter(status=SessionStatus.OPEN, deadline__gt=now, deadline__lte=horizon)
    for session in sessions.order_by("pk"):
        deadline = formats.date_format(timezone.localtime(session.deadline), "j F Y à H\\hi")
        with transaction.atomic():
            for structure_id, names in sorted(pending_voters(session).items()):
                listed = "\n".join(f"- {name}" for name in sorted(names))
                sent += notify(
                    admins_of([structure_id]),
                    kind=NotificationKind.DEADLINE_REMINDER,
                    subject=f"Rappel : {session} — votes jusqu'au {deadline}",
                    body=f"Votre structure n'a pas encore voté sur ces demandes d'appellation :\n{listed}\n\n"
                    f"Les votes sont ouverts jusqu'au {deadline}.",
                    url="/appellation/votes/",
                    key=f"reminder:{session.pk}:{structure_id}",
                )
    return sent
