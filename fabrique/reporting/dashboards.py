"""What a dashboard (and the PDF report) shows for a selection: key figures, charts with their tables,
the map of created activities and their list. A fixed number of queries whatever the number of projects."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import NeedSource, Stage
from fabrique.network.enums import PartnerKind
from fabrique.territories.models import Departement

from . import charts, indicators
from .cache import cached
from .flow import Conversion
from .indicators import Figures, YearSeries
from .selection import Selection

YEARS_SHOWN = 6
MAX_ACTIVITIES = 100


@dataclass(frozen=True)
class Activity:
    """A created activity as the dashboards and the report list it (plain data: cached cheaply)."""

    title: str
    public_url: str
    structure: str
    departements: str
    legal_form: str
    created_on: date
    jobs_fte: Decimal


@dataclass
class Dashboard:
    selection: Selection
    figures: Figures
    public_only: bool
    funnel: charts.HBarChart
    conversions: list[Conversion]
    stage_days: charts.HBarChart
    needs_by_source: charts.HBarChart
    needs_by_theme: charts.HBarChart
    partners_by_kind: charts.HBarChart
    years: list[tuple[YearSeries, charts.ColumnChart]]
    year_list: list[int]
    map: charts.Choropleth
    activities: list[Activity] = field(default_factory=list)
    body: SafeString = field(default_factory=SafeString)

    @property
    def year(self) -> int:
        return self.selection.year

    @property
    def listed_activities(self) -> list[Activity]:
        return self.activities[:MAX_ACTIVITIES]

    @property
    def more_activities(self) -> bool:
        return len(self.activities) > MAX_ACTIVITIES

    @property
    def followups(self) -> list[indicators.FollowUp]:
        return [self.figures.followup_1y, self.figures.followup_3y]


def _activities(selection: Selection, public_only: bool) -> list[Activity]:
    """The most recent activities created in the year in the scope (only those flagged public for the
    public), at most MAX_ACTIVITIES + 1 so that the page knows when there are more."""
    projects = selection.scope.projects().filter(stage=Stage.CREATED, outcome__created_on__year=selection.year)
    if public_only:
        projects = projects.filter(is_public=True)
    projects = (
        projects.select_related("outcome", "structure")
        .prefetch_related(Prefetch("departements", queryset=Departement.objects.order_by("code")))
        .order_by("-outcome__created_on", "title")[: MAX_ACTIVITIES + 1]
    )
    return [
        Activity(
            title=p.title,
            public_url=p.get_public_url() if p.is_public else "",
            structure=p.structure.name,
            departements=", ".join(d.code for d in p.departements.all()),
            legal_form=str(p.outcome.get_legal_form_display()),
            created_on=p.outcome.created_on,
            jobs_fte=p.outcome.jobs_fte,
        )
        for p in projects
    ]


def build(selection: Selection, *, public_only: bool = False) -> Dashboard:
    """The dashboard of `selection`, from the cache while the data has not changed (cache.py)."""
    scope = selection.scope
    parts = ("dashboard", selection.year, *scope.key(), public_only)
    return cached(parts, lambda: _build(selection, public_only))


def _build(selection: Selection, public_only: bool) -> Dashboard:
    figures = indicators.compute(selection.year, selection.scope)
    scope = selection.scope
    year = selection.year
    funnel = charts.hbar_chart(
        "funnel",
        _("Entonnoir des projets détectés en %s") % year,
        [(capfirst(step.label), step.reached) for step in figures.funnel],
        _("Nombre de projets détectés dans l'année ayant atteint chaque étape."),
    )
    stage_days = charts.hbar_chart(
        "stage-days",
        _("Durée médiane dans chaque étape (jours), séjours terminés en %s") % year,
        [(capfirst(d.label), d.median_days) for d in figures.stage_days.values()],
        _("En jours ; « — » quand aucun séjour ne s'est terminé dans l'année."),
    )
    by_source = charts.hbar_chart(
        "needs-source",
        _("Besoins et idées détectés en %s, par origine") % year,
        [(capfirst(c.label), figures.needs_by_source.get(c.value, 0)) for c in NeedSource],
    )
    by_theme = charts.hbar_chart(
        "needs-theme",
        _("Besoins et idées détectés en %s, par thème") % year,
        [(capfirst(c.label), figures.needs_by_theme.get(c.value, 0)) for c in Theme],
    )
    partners = charts.hbar_chart(
        "partners-kind",
        _("Partenaires en %s, par type") % year,
        [(capfirst(c.label), figures.partners_by_kind.get(c.value, 0)) for c in PartnerKind],
    )
    year_list = list(range(year - YEARS_SHOWN + 1, year + 1))
    years = []
    for index, series in enumerate(indicators.by_year(scope, year_list)):
        chart = charts.column_chart(
            f"years-{series.code}",
            capfirst(series.label),
            [(str(y), series.values[y]) for y in year_list],
            _("Par année, de %(first)s à %(last)s.") % {"first": year_list[0], "last": year},
            colour=charts.BAR if index % 2 == 0 else charts.BAR_ALT,
        )
        years.append((series, chart))
    counts = indicators.activities_by_departement(None, scope, public_only=public_only, until_year=year)
    title = (
        _("Activités créées rendues publiques, par département, jusqu'en %s")
        if public_only
        else _("Activités créées par département, jusqu'en %s")
    )
    activity_map = charts.choropleth("activities-map", title % year, counts)
    for chart in (funnel, stage_days, by_source, by_theme, partners, activity_map, *(c for _s, c in years)):
        chart.svg  # noqa: B018 - drawn now, so that the cached dashboard carries its pictures
    dashboard = Dashboard(
        selection=selection,
        figures=figures,
        public_only=public_only,
        funnel=funnel,
        conversions=figures.conversions,
        stage_days=stage_days,
        needs_by_source=by_source,
        needs_by_theme=by_theme,
        partners_by_kind=partners,
        years=years,
        year_list=year_list,
        map=activity_map,
        activities=_activities(selection, public_only),
    )
    # The sections do not depend on the reader (who may read them is checked before): rendered once, cached.
    dashboard.body = render_to_string("reporting/_dashboard_body.html", {"dashboard": dashboard, "figures": figures})
    return dashboard
