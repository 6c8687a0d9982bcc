"""« Mon espace »: what needs the person now, then their structures one click away.

Each section reads through the apps' perms and selectors, in a fixed number of queries whatever its rows. One
section is to come with the app that will feed it: the unread notifications.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from fabrique.accounts.models import ApiToken
from fabrique.appellation.enums import SessionStatus
from fabrique.appellation.perms import can_run_committee, readable_sessions
from fabrique.appellation.selectors import awaiting_requests, ballots_to_cast, requests_under_way
from fabrique.community.enums import RegistrationStatus
from fabrique.community.models import Event, Registration
from fabrique.community.perms import readable_events
from fabrique.method.models import Project
from fabrique.method.perms import board_abilities, project_abilities, readable_projects_in_full
from fabrique.method.selectors import followups_due, quiet_projects
from fabrique.network.models import Invitation
from fabrique.network.perms import can_invite, can_invite_to, member_structure_ids, structure_abilities
from fabrique.reporting.perms import structure_figures_abilities
from fabrique.workspace.selectors import my_open_steps, projects_joined_by

# A long list is cut here; its heading still counts every row and a link leads to the whole.
SHOWN = 10


@dataclass
class Listing:
    """The first rows of a list and how many there are in all."""

    rows: list = field(default_factory=list)
    total: int = 0

    @classmethod
    def of(cls, rows: list) -> "Listing":
        return cls(rows[:SHOWN], len(rows))

    @property
    def more(self) -> int:
        return self.total - len(self.rows)

    def __bool__(self) -> bool:
        return self.total > 0


def my_projects(user):
    """The projects of the person's own structures (the coordination follows the boards from the method's pages)."""
    return readable_projects_in_full(user, Project.objects.filter(structure_id__in=member_structure_ids(user)))


def quiet(user, now: datetime.datetime) -> Listing:
    since = now - datetime.timedelta(days=settings.PROJECT_QUIET_DAYS)
    rows = [
        {"project": project, "abilities": project_abilities(user, project)}
        for project in quiet_projects(my_projects(user), since=since)
    ]
    return Listing.of(rows)


def followups(user, today: datetime.date) -> Listing:
    rows = [
        {"followup": followup, "abilities": project_abilities(user, followup.project)}
        for followup in followups_due(my_projects(user), today=today)
    ]
    return Listing.of(rows)


def next_steps(user, today: datetime.date) -> tuple[Listing, int]:
    """The open next steps the person owns on the projects they are on, the most overdue first; and how many are
    late (one query)."""
    rows = [{"step": step, "late": step.due_on < today} for step in my_open_steps(user)]
    return Listing.of(rows), sum(row["late"] for row in rows)


def registrations(user, now: datetime.datetime) -> list[dict]:
    """The person's places (confirmed or on the waiting list) at events not over yet, the soonest first."""
    events = readable_events(user, Event.objects.upcoming(now))
    places = (
        Registration.objects.filter(
            user=user,
            status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED),
            event__in=events,
        )
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )
    return [{"registration": place, "waitlisted": place.status == RegistrationStatus.WAITLISTED} for place in places]


def coordination(user) -> dict | None:
    """Network-wide: the requests awaiting a session, the sessions open to votes (the nearest deadline first)."""
    if not can_run_committee(user):
        return None
    sessions = (
        readable_sessions(user)
        .filter(status=SessionStatus.OPEN)
        .annotate(requests=Count("items", distinct=True))
        .order_by("deadline", "pk")
    )
    return {"awaiting": Listing.of(list(awaiting_requests())), "sessions": list(sessions)}


def structures(user) -> list[dict]:
    """The person's structures, each with the pages one click away that their rights open."""
    rows = []
    for membership in user.memberships.select_related("structure").order_by("structure__name"):
        structure = membership.structure
        rows.append(
            {
                "membership": membership,
                "structure": structure,
                "change": structure_abilities(user, structure)["change"],
                "board": board_abilities(user, structure)["view"],
                "figures": structure_figures_abilities(user, structure)["view"],
                "invite": can_invite_to(user, structure),
            }
        )
    return rows


def joined_projects(user) -> list:
    """« Mes projets »: the projects the person was invited to (carrier, partner, expert), in one query."""
    return list(projects_joined_by(user).order_by("project__title", "pk"))


def account(user) -> dict:
    now = timezone.now()
    invitations = Invitation.objects.filter(
        invited_by=user, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    )
    return {
        "can_invite": can_invite(user),
        "pending_invitations": invitations.count(),
        "active_tokens": ApiToken.objects.filter(user=user, revoked_at__isnull=True).count(),
        "partner_departements": list(user.partner_departements.order_by("code")),
    }


def build(user) -> dict:
    now = timezone.now()
    steps, late = next_steps(user, timezone.localdate(now))
    context = {
        "ballots": ballots_to_cast(user),
        "requests": requests_under_way(user),
        "quiet": quiet(user, now),
        "quiet_days": settings.PROJECT_QUIET_DAYS,
        "followups": followups(user, timezone.localdate(now)),
        "next_steps": steps,
        "next_steps_late": late,
        "registrations": registrations(user, now),
        "coordination": coordination(user),
        "structures": structures(user),
        "joined_projects": joined_projects(user),
        **account(user),
    }
    context["needs_me"] = any(
        context[name] for name in ("ballots", "requests", "next_steps", "quiet", "followups", "registrations")
    ) or bool(context["coordination"] and (context["coordination"]["awaiting"] or context["coordination"]["sessions"]))
    return context
