"""The network's indicators for one year and one scope, each computed by an aggregate query.

Every figure has its written definition in docs/indicators.md; the names below are the ones used there,
in the API and in the exports. The stage flow (median days per stage, funnel, conversions) is in flow.py.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Min, Q, Sum
from django.utils.translation import gettext_lazy as _

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import NeedSource, Stage
from fabrique.method.models import Outcome
from fabrique.network.enums import PartnerKind

from . import flow
from .cache import cached
from .scope import PROJECT_DEPARTEMENTS, Scope, active_in_year, year_bounds

ZERO = Decimal("0")


@dataclass(frozen=True)
class FollowUp:
    """The follow-up of the activities created `years` years before the year: how many were due, how many
    were recorded, how many are still active, and their jobs then (FTE)."""

    years: int
    due: int
    recorded: int
    active: int
    jobs_fte: Decimal


@dataclass(frozen=True)
class Figures:
    year: int
    scope: Scope
    needs_total: int
    needs_by_source: dict[str, int]
    needs_by_theme: dict[str, int]
    sessions: int
    session_participants: int
    studies_launched: int
    studies_completed: int
    handed_over: int
    activities_created: int
    jobs_created_fte: Decimal
    followup_1y: FollowUp
    followup_3y: FollowUp
    partners_total: int
    partners_by_kind: dict[str, int]
    partners_new: int
    stage_days: dict[str, flow.StageDays] = field(default_factory=dict)
    funnel: list[flow.FunnelStep] = field(default_factory=list)
    projects_by_stage: dict[str, int] = field(default_factory=dict)

    @property
    def conversions(self) -> list[flow.Conversion]:
        return flow.conversions(self.funnel)

    def key_figures(self) -> list[tuple[str, str, object]]:
        """(code, French label, value) of the headline figures, in the order of the reports."""
        return [
            ("needs_total", _("besoins et idées détectés"), self.needs_total),
            ("sessions", _("séances de créativité"), self.sessions),
            ("session_participants", _("participant·es aux séances"), self.session_participants),
            ("studies_launched", _("études d'opportunité lancées"), self.studies_launched),
            ("studies_completed", _("études d'opportunité terminées"), self.studies_completed),
            ("handed_over", _("projets transmis à un porteur"), self.handed_over),
            ("activities_created", _("activités créées"), self.activities_created),
            ("jobs_created_fte", _("emplois créés (ETP)"), self.jobs_created_fte),
            ("partners_total", _("partenaires"), self.partners_total),
            ("partners_new", _("nouveaux partenaires"), self.partners_new),
        ]


def compute(year: int, scope: Scope) -> Figures:
    """All the indicators of `year` for `scope`; a fixed number of queries whatever the volume."""
    needs_total, by_source, by_theme = _needs(year, scope)
    sessions, participants = _sessions(year, scope)
    launched, completed, handed = _stage_entries(year, scope)
    created, jobs, follow_1, follow_3 = _outcomes(year, scope)
    partners_total, by_kind, partners_new = _partners(year, scope)
    return Figures(
        year=year,
        scope=scope,
        needs_total=needs_total,
        needs_by_source=by_source,
        needs_by_theme=by_theme,
        sessions=sessions,
        session_participants=participants,
        studies_launched=launched,
        studies_completed=completed,
        handed_over=handed,
        activities_created=created,
        jobs_created_fte=jobs,
        followup_1y=follow_1,
        followup_3y=follow_3,
        partners_total=partners_total,
        partners_by_kind=by_kind,
        partners_new=partners_new,
        stage_days=flow.median_stage_days(year, scope),
        funnel=flow.funnel(year, scope),
        projects_by_stage=flow.projects_by_stage(scope),
    )


def cached_compute(year: int, scope: Scope) -> Figures:
    return cached(("figures", year, *scope.key()), lambda: compute(year, scope))


def _needs(year: int, scope: Scope) -> tuple[int, dict[str, int], dict[str, int]]:
    rows = scope.needs().filter(detected_on__year=year).values("source", "theme").annotate(n=Count("pk"))
    by_source = dict.fromkeys(NeedSource.values, 0)
    by_theme = dict.fromkeys(Theme.values, 0)
    total = 0
    for row in rows:  # one row per (source, theme) pair present: at most 7 × 12
        by_source[row["source"]] = by_source.get(row["source"], 0) + row["n"]
        by_theme[row["theme"]] = by_theme.get(row["theme"], 0) + row["n"]
        total += row["n"]
    return total, by_source, by_theme


def _sessions(year: int, scope: Scope) -> tuple[int, int]:
    result = scope.sessions().filter(held_on__year=year).aggregate(n=Count("pk"), people=Sum("participants_count"))
    return result["n"], result["people"] or 0


def _stage_entries(year: int, scope: Scope) -> tuple[int, int, int]:
    start, end = year_bounds(year)
    result = (
        scope.stage_log()
        .filter(changed_at__gte=start, changed_at__lt=end, dated=True)  # an undated import row has no year
        .aggregate(
            launched=Count("project", distinct=True, filter=Q(to_status=Stage.OPPORTUNITY)),
            completed=Count(
                "project",
                distinct=True,
                filter=Q(from_status=Stage.OPPORTUNITY, to_status__in=[Stage.TRANSMISSION, Stage.ABANDONED]),
            ),
            handed=Count("project", distinct=True, filter=Q(to_status=Stage.TRANSMISSION)),
        )
    )
    return result["launched"], result["completed"], result["handed"]


def _in_year(year: int) -> Q:
    return Q(created_on__gte=date(year, 1, 1), created_on__lte=date(year, 12, 31))


def _outcomes(year: int, scope: Scope) -> tuple[int, Decimal, FollowUp, FollowUp]:
    outcomes = Outcome.objects.filter(project__stage=Stage.CREATED)
    if scope.kind != "network":
        outcomes = outcomes.filter(project__in=scope.projects().values("pk"))
    one, three = _in_year(year - 1), _in_year(year - 3)
    r = outcomes.aggregate(
        created=Count("pk", filter=_in_year(year)),
        jobs=Sum("jobs_fte", filter=_in_year(year)),
        due_1=Count("pk", filter=one),
        recorded_1=Count("pk", filter=one & Q(followup_1y_active__isnull=False)),
        active_1=Count("pk", filter=one & Q(followup_1y_active=True)),
        jobs_1=Sum("followup_1y_jobs_fte", filter=one & Q(followup_1y_active=True)),
        due_3=Count("pk", filter=three),
        recorded_3=Count("pk", filter=three & Q(followup_3y_active__isnull=False)),
        active_3=Count("pk", filter=three & Q(followup_3y_active=True)),
        jobs_3=Sum("followup_3y_jobs_fte", filter=three & Q(followup_3y_active=True)),
    )
    return (
        r["created"],
        r["jobs"] or ZERO,
        FollowUp(1, r["due_1"], r["recorded_1"], r["active_1"], r["jobs_1"] or ZERO),
        FollowUp(3, r["due_3"], r["recorded_3"], r["active_3"], r["jobs_3"] or ZERO),
    )


def _partners(year: int, scope: Scope) -> tuple[int, dict[str, int], int]:
    """Distinct partner organisations working with the scope's structures during the year, by kind; new ones
    are those whose first partnership in the scope starts in the year."""
    partnerships = scope.partnerships()
    rows = (
        partnerships.filter(active_in_year(year))
        .values("partner__kind")
        .annotate(n=Count("partner", distinct=True))
        .order_by()
    )
    by_kind = dict.fromkeys(PartnerKind.values, 0)
    for row in rows:  # one row per kind of partner: at most 7
        by_kind[row["partner__kind"]] = row["n"]
    new = (
        partnerships.values("partner")
        .annotate(first=Min("since"))
        .filter(first__gte=date(year, 1, 1), first__lte=date(year, 12, 31))
        .order_by()
        .count()
    )
    return sum(by_kind.values()), by_kind, new


# --- figures across years ----------------------------------------------------------------------------


@dataclass(frozen=True)
class YearSeries:
    code: str
    label: str
    values: dict[int, Decimal | int]


def by_year(scope: Scope, years: list[int]) -> list[YearSeries]:
    """The headline figures for each of `years`: one query per figure, a filtered count per year (plain range
    comparisons, which the databases run on their indexes, rather than extracting the year of each row)."""

    def per_year(queryset, field_name: str, aware: bool, value=None) -> dict[int, int | Decimal]:
        aggregates = {}
        for year in years:
            start, end = year_bounds(year) if aware else (date(year, 1, 1), date(year + 1, 1, 1))
            condition = Q(**{f"{field_name}__gte": start, f"{field_name}__lt": end})
            if value is None:
                aggregates[f"y{year}"] = Count("pk", filter=condition)
            else:
                aggregates[f"y{year}"] = value(condition)
        result = queryset.aggregate(**aggregates)
        return {year: result[f"y{year}"] or 0 for year in years}

    outcomes = Outcome.objects.filter(project__stage=Stage.CREATED)
    if scope.kind != "network":
        outcomes = outcomes.filter(project__in=scope.projects().values("pk"))
    studies = scope.stage_log().filter(to_status=Stage.OPPORTUNITY, dated=True)
    return [
        YearSeries("needs_total", str(_("besoins et idées détectés")), per_year(scope.needs(), "detected_on", False)),
        YearSeries("sessions", str(_("séances de créativité")), per_year(scope.sessions(), "held_on", False)),
        YearSeries(
            "studies_launched",
            str(_("études d'opportunité lancées")),
            per_year(studies, "changed_at", True, lambda q: Count("project", distinct=True, filter=q)),
        ),
        YearSeries("activities_created", str(_("activités créées")), per_year(outcomes, "created_on", False)),
        YearSeries(
            "jobs_created_fte",
            str(_("emplois créés (ETP)")),
            per_year(outcomes, "created_on", False, lambda q: Sum("jobs_fte", filter=q)),
        ),
    ]


def activities_by_departement(
    year: int | None, scope: Scope, public_only: bool = False, until_year: int | None = None
) -> dict[str, int]:
    """Created activities per département (an activity on two départements counts in each), created in
    `year`, or up to `until_year` included, or ever."""
    links = PROJECT_DEPARTEMENTS.objects.filter(project__stage=Stage.CREATED)
    if public_only:
        links = links.filter(project__is_public=True)
    if year is not None:
        links = links.filter(project__outcome__created_on__year=year)
    if until_year is not None:
        links = links.filter(project__outcome__created_on__lte=date(until_year, 12, 31))
    if scope.kind != "network":
        links = links.filter(project__in=scope.projects().values("pk"))
    if scope.region is not None:
        links = links.filter(departement__region_id=scope.region)
    if scope.departements is not None:
        links = links.filter(departement_id__in=scope.departements)
    rows = links.values("departement_id").annotate(n=Count("project", distinct=True)).order_by()
    return {row["departement_id"]: row["n"] for row in rows}
