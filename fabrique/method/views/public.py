"""What leaves the structures: the public created activities, and counts per département for partners."""

from collections import defaultdict
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from fabrique.core.vocabulary import Theme
from fabrique.territories.models import Departement

from ..enums import STAGE_ORDER, STOPPED_STAGES, Stage
from ..models import CreativitySession, Need, Outcome, Project
from ..perms import territory_departements

PER_PAGE = 24


def public_activities():
    return Project.objects.public_activities().select_related("structure", "outcome").prefetch_related("departements")


def activity_list(request):
    """Activities created with the network's structures and published by them."""
    activities = public_activities()
    theme = request.GET.get("theme", "")
    if theme in Theme.values:
        activities = activities.filter(theme=theme)
    activities = activities.order_by("-outcome__created_on", "title", "pk")
    page = Paginator(activities, PER_PAGE).get_page(request.GET.get("page"))
    query = f"theme={theme}" if theme in Theme.values else ""
    context = {"page": page, "themes": Theme.choices, "theme": theme, "query": query}
    return render(request, "method/public/activity_list.html", context)


def activity_detail(request, slug):
    """One created activity, without personal data: no contact, no name of a person, no needs or notes."""
    project = get_object_or_404(public_activities(), slug=slug)
    return render(request, "method/public/activity_detail.html", {"project": project, "outcome": project.outcome})


def _counts_by(queryset, key: str, codes) -> dict[str, int]:
    if codes is not None:
        queryset = queryset.filter(**{f"{key}__in": codes})
    return {row[key]: row["n"] for row in queryset.values(key).annotate(n=Count("pk", distinct=True)).order_by()}


@login_required
def territories(request):
    """Counts per département (needs, sessions, projects per stage, activities, jobs): no project is named.

    Partner users read their followed départements, members those of their structures, the coordinator all."""
    codes = territory_departements(request.user)
    if codes == frozenset():
        raise PermissionDenied(_("Ces chiffres sont réservés aux partenaires, aux structures et à la coordination."))
    year = request.GET.get("annee", "")
    needs, sessions, projects = Need.objects.all(), CreativitySession.objects.all(), Project.objects.all()
    if year.isdigit():
        needs = needs.filter(detected_on__year=int(year))
        sessions = sessions.filter(held_on__year=int(year))
        projects = projects.filter(detected_on__year=int(year))
    need_counts = _counts_by(needs, "departement_id", codes)
    session_counts = _counts_by(sessions, "departement_id", codes)
    stage_counts: dict[str, dict[str, int]] = defaultdict(dict)
    links = Project.departements.through.objects.filter(project__in=projects)
    if codes is not None:
        links = links.filter(departement_id__in=codes)
    for row in links.values("departement_id", "project__stage").annotate(n=Count("pk")).order_by():
        stage_counts[row["departement_id"]][row["project__stage"]] = row["n"]
    jobs = Outcome.objects.filter(project__in=projects.filter(stage=Stage.CREATED))
    jobs_by = {}
    for row in jobs.values("project__departements").annotate(total=Sum("jobs_fte")).order_by():
        jobs_by[row["project__departements"]] = row["total"] or Decimal(0)
    wanted = set(need_counts) | set(session_counts) | set(stage_counts)
    if codes is not None:
        wanted |= set(codes)
    stages = [Stage(s) for s in (*STAGE_ORDER, *STOPPED_STAGES)]
    rows = [
        {
            "departement": departement,
            "needs": need_counts.get(departement.code, 0),
            "sessions": session_counts.get(departement.code, 0),
            "stages": [stage_counts[departement.code].get(stage, 0) for stage in stages],
            "jobs": jobs_by.get(departement.code, Decimal(0)),
        }
        for departement in Departement.objects.filter(code__in=wanted).order_by("code")
    ]
    context = {"rows": rows, "stages": stages, "year": year if year.isdigit() else "", "all": codes is None}
    return render(request, "method/public/territories.html", context)
