"""The method's data read for other pages (« Mon espace »), in a fixed number of queries whatever the rows.

The stage log is read here through `stage_log_dates` only: a change of its columns touches this one place.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, Max, OuterRef, QuerySet, Subquery
from django.utils import timezone

from .enums import STAGE_ORDER, Stage
from .models import Outcome, Project, ProjectNote, ProjectStageLog, SteeringDecision
from .models.steering import years_after

# Projects on the method's path; a created, paused or abandoned project is at rest on purpose.
MOVING_STAGES: tuple[str, ...] = tuple(stage for stage in STAGE_ORDER if stage != Stage.CREATED)
FOLLOW_UP_YEARS: tuple[int, ...] = (1, 3)


def stage_log_dates() -> QuerySet:
    """The stage log's dates, one row per change, with the project as `project_id`."""
    return ProjectStageLog.objects.values("project_id", "changed_at")


def _latest(queryset: QuerySet, column: str) -> Subquery:
    rows = queryset.filter(project_id=OuterRef("pk")).order_by().values("project_id")
    return Subquery(rows.annotate(latest=Max(column)).values("latest")[:1])


def _day(moment) -> datetime.date:
    return timezone.localdate(moment) if isinstance(moment, datetime.datetime) else moment


def quiet_projects(queryset: QuerySet, *, since: datetime.datetime) -> list[Project]:
    """Projects on the method's path with no stage change, note or steering decision since `since`, the longest
    quiet first; each with `moved_on`, the date of its last movement (its detection if none). One query."""
    stage_changes, notes = stage_log_dates(), ProjectNote.objects.all()
    decisions = SteeringDecision.objects.all()
    day = since.date()
    projects = (
        queryset.filter(stage__in=MOVING_STAGES)
        .exclude(Exists(stage_changes.filter(project_id=OuterRef("pk"), changed_at__gte=since)))
        .exclude(Exists(notes.filter(project_id=OuterRef("pk"), written_at__gte=since)))
        .exclude(Exists(decisions.filter(project_id=OuterRef("pk"), decided_on__gte=day)))
        .annotate(
            last_stage_change=_latest(stage_changes, "changed_at"),
            last_note=_latest(notes, "written_at"),
            last_decision=_latest(decisions, "decided_on"),
        )
        .select_related("structure")
    )
    rows = list(projects)
    for project in rows:
        moments = [project.detected_on, project.last_decision, project.last_stage_change, project.last_note]
        project.moved_on = max(_day(moment) for moment in moments if moment)
    return sorted(rows, key=lambda project: (project.moved_on, project.pk))


@dataclass(frozen=True)
class FollowUp:
    """A follow-up of a created activity (at 1 or 3 years) whose day has come and that nobody recorded yet."""

    outcome: Outcome
    years: int
    due: datetime.date

    @property
    def project(self) -> Project:
        return self.outcome.project


def _recorded(outcome: Outcome, years: int) -> bool:
    suffix = f"followup_{years}y"
    return getattr(outcome, f"{suffix}_active") is not None or getattr(outcome, f"{suffix}_jobs_fte") is not None


def followups_due(queryset: QuerySet, *, today: datetime.date) -> list[FollowUp]:
    """The follow-ups due by `today` and not recorded, for the created activities of `queryset` (projects), the
    oldest first. One query: a loose date bound in SQL (29 February), the exact day from `Outcome`."""
    loose_bound = years_after(today, -min(FOLLOW_UP_YEARS)) + datetime.timedelta(days=1)
    outcomes = (
        Outcome.objects.filter(project__in=queryset.filter(stage=Stage.CREATED), created_on__lte=loose_bound)
        .select_related("project__structure")
        .order_by("created_on", "pk")
    )
    found = []
    for outcome in outcomes:
        for years in FOLLOW_UP_YEARS:
            due = years_after(outcome.created_on, years)
            if due <= today and not _recorded(outcome, years):
                found.append(FollowUp(outcome, years, due))
    return sorted(found, key=lambda followup: (followup.due, followup.outcome.pk))
