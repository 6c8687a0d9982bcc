"""The evidence panel of a request, computed from the platform's data and never typed by hand.

The method app's figures (needs, creativity sessions, projects by stage, jobs) are read through the app
registry and field introspection: when the method app or one of its models is missing, the figures are
zeros and `method.available` is False, never an error. This is the only module that reads the method app.
"""

from datetime import date
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, Sum
from django.utils import timezone

from fabrique.network.enums import PartnerKind

DURABLE_MONTHS = 12
STAGES_FROM_OPPORTUNITY = ("opportunity", "transmission", "feasibility", "launch", "created")
STAGES_FROM_TRANSMISSION = ("transmission", "feasibility", "launch", "created")
CREATED = "created"


def months_between(start: date | None, end: date) -> int | None:
    if start is None:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
    return max(months, 0)


def _model(app_label: str, name: str):
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _field(model, *names: str) -> str | None:
    """The first of `names` that is a concrete field of `model`."""
    for name in names:
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        return name
    return None


def partner_figures(structure, today: date) -> dict:
    rows = list(structure.partnerships.select_related("partner").order_by("pk"))
    current = [p for p in rows if p.until is None or p.until >= today]
    by_kind: dict[str, list] = {}
    for partnership in current:
        by_kind.setdefault(partnership.partner.kind, []).append(partnership)
    groups = []
    for kind in PartnerKind:
        members = by_kind.get(kind.value)
        if not members:
            continue
        durations = [m for m in (months_between(p.since, today) for p in members) if m is not None]
        groups.append(
            {
                "kind": kind.value,
                "label": str(kind.label),
                "count": len(members),
                "longest_months": max(durations) if durations else None,
                "average_months": round(sum(durations) / len(durations)) if durations else None,
            }
        )
    durable = sum(1 for p in current if (months_between(p.since, today) or 0) >= DURABLE_MONTHS)
    return {
        "current": len(current),
        "ended": len(rows) - len(current),
        "durable": durable,
        "durable_months": DURABLE_MONTHS,
        "kinds": len(groups),
        "kinds_total": len(PartnerKind),
        "by_kind": groups,
    }


def _count_of_structure(model, structure, exclude_status: str = "") -> int:
    if model is None:
        return 0
    field = _field(model, "structure")
    if field is None:
        return 0
    rows = model.objects.filter(**{field: structure})
    if exclude_status and _field(model, "status"):
        rows = rows.exclude(status=exclude_status)  # a merged need is a duplicate of another
    return rows.count()


def _projects_reaching(project_model, projects, stages) -> int:
    """Projects whose stage is at or beyond `stages[0]`, or whose stage log shows they got there once."""
    stage_field = _field(project_model, "stage")
    if stage_field is None:
        return 0
    reached = Q(**{f"{stage_field}__in": stages})
    log_model = _model("method", "ProjectStageLog")
    if log_model is not None:
        to_field = _field(log_model, "to_status", "to_stage", "to")
        project_fk = _field(log_model, "project")
        if to_field and project_fk:
            logged = log_model.objects.filter(**{f"{to_field}__in": stages}).values(f"{project_fk}_id")
            reached |= Q(pk__in=logged)
    return projects.filter(reached).distinct().count()


def _jobs(project_model, projects) -> float:
    field = _field(project_model, "jobs_fte", "jobs_created")
    if field:
        total = projects.aggregate(total=Sum(field))["total"]
        return float(total or 0)
    outcome = _model("method", "Outcome")
    if outcome is not None:
        jobs = _field(outcome, "jobs_fte", "jobs_created", "jobs")
        fk = _field(outcome, "project")
        if jobs and fk:
            total = outcome.objects.filter(**{f"{fk}__in": projects}).aggregate(total=Sum(jobs))["total"]
            return float(total or Decimal(0))
    return 0.0


def method_figures(structure) -> dict:
    need = _model("method", "Need")
    session = _model("method", "CreativitySession")
    project = _model("method", "Project")
    figures = {
        "available": project is not None,
        "needs": _count_of_structure(need, structure, exclude_status="merged"),
        "creativity_sessions": _count_of_structure(session, structure),
        "opportunity_studies": 0,
        "handed_over": 0,
        "activities_created": 0,
        "jobs_fte": 0.0,
    }
    if project is None or _field(project, "structure") is None:
        return figures
    projects = project.objects.filter(structure=structure)
    stage = _field(project, "stage")
    figures["opportunity_studies"] = _projects_reaching(project, projects, STAGES_FROM_OPPORTUNITY)
    figures["handed_over"] = _projects_reaching(project, projects, STAGES_FROM_TRANSMISSION)
    created = projects.filter(**{stage: CREATED}) if stage else projects.none()
    figures["activities_created"] = created.count()
    figures["jobs_fte"] = round(_jobs(project, created), 1)
    return figures


def event_figures(structure) -> dict:
    """Participation in network events, when the community app records them."""
    event = _model("community", "Event")
    if event is None:
        return {"available": False, "count": 0}
    field = _field(event, "structures", "participants")
    if field is None:
        return {"available": False, "count": 0}
    return {"available": True, "count": event.objects.filter(**{field: structure}).distinct().count()}


def compute_evidence(structure, today: date | None = None) -> dict:
    """A JSON-ready panel; frozen into the request when it is submitted."""
    today = today or timezone.localdate()
    return {
        "computed_on": today.isoformat(),
        "experimenting_since": structure.experimenting_since.isoformat() if structure.experimenting_since else None,
        "months_experimenting": months_between(structure.experimenting_since, today),
        "partners": partner_figures(structure, today),
        "method": method_figures(structure),
        "events": event_figures(structure),
    }


def for_display(evidence: dict) -> dict:
    """The stored panel with its dates as dates (JSON keeps them as text), for templates."""
    if not evidence:
        return {}
    shown = dict(evidence)
    for key in ("computed_on", "experimenting_since"):
        if shown.get(key):
            shown[key] = date.fromisoformat(shown[key])
    months = shown.get("months_experimenting")
    if months is not None:
        shown["years_experimenting"], shown["extra_months"] = divmod(months, 12)
    return shown
