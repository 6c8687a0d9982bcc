"""What a set of figures covers: the whole network, a structure, a région or a set of départements.

A scope turns into filters on each source table. Needs and creativity sessions are placed by their own
département, projects by any of theirs, partners by the départements of the structures they work with.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.method.enums import NeedStatus
from fabrique.method.models import CreativitySession, Need, Project, ProjectStageLog
from fabrique.network.models import Partnership, Structure

PROJECT_DEPARTEMENTS = Project.departements.through
STRUCTURE_DEPARTEMENTS = Structure.departements.through


@dataclass(frozen=True)
class Scope:
    """Filters that compose: a structure's figures in one région are both set."""

    structure_id: int | None = None
    region: str | None = None
    departements: frozenset[str] | None = None
    label: str = ""

    @property
    def kind(self) -> str:
        if self.structure_id is not None:
            return "structure"
        if self.departements is not None:
            return "territory"
        if self.region is not None:
            return "region"
        return "network"

    def key(self) -> tuple:
        """What identifies the scope in a cache key (the label does not change the figures)."""
        deps = tuple(sorted(self.departements)) if self.departements is not None else None
        return (self.structure_id, self.region, deps)

    def with_region(self, region: str | None, label: str = "") -> "Scope":
        return Scope(self.structure_id, region, self.departements, label or self.label)

    # --- filters on each source ----------------------------------------------------------------------

    def needs(self) -> QuerySet:
        """Needs detected, merged duplicates left out (they are counted in the need they were merged into)."""
        queryset = Need.objects.exclude(status=NeedStatus.MERGED)
        return self._by_own_departement(queryset)

    def sessions(self) -> QuerySet:
        return self._by_own_departement(CreativitySession.objects.all())

    def projects(self) -> QuerySet:
        queryset = Project.objects.all()
        if self.structure_id is not None:
            queryset = queryset.filter(structure_id=self.structure_id)
        if self.region is not None:
            queryset = queryset.filter(
                pk__in=PROJECT_DEPARTEMENTS.objects.filter(departement__region_id=self.region).values("project_id")
            )
        if self.departements is not None:
            queryset = queryset.filter(
                pk__in=PROJECT_DEPARTEMENTS.objects.filter(departement_id__in=self.departements).values("project_id")
            )
        return queryset

    def stage_log(self) -> QuerySet:
        if self.kind == "network":
            return ProjectStageLog.objects.all()
        return ProjectStageLog.objects.filter(project__in=self.projects().values("pk"))

    def partnerships(self) -> QuerySet:
        queryset = Partnership.objects.all()
        if self.structure_id is not None:
            queryset = queryset.filter(structure_id=self.structure_id)
        if self.region is not None:
            queryset = queryset.filter(
                structure_id__in=STRUCTURE_DEPARTEMENTS.objects.filter(departement__region_id=self.region).values(
                    "structure_id"
                )
            )
        if self.departements is not None:
            queryset = queryset.filter(
                structure_id__in=STRUCTURE_DEPARTEMENTS.objects.filter(departement_id__in=self.departements).values(
                    "structure_id"
                )
            )
        return queryset

    def _by_own_departement(self, queryset: QuerySet) -> QuerySet:
        if self.structure_id is not None:
            queryset = queryset.filter(structure_id=self.structure_id)
        if self.region is not None:
            queryset = queryset.filter(departement__region_id=self.region)
        if self.departements is not None:
            queryset = queryset.filter(departement_id__in=self.departements)
        return queryset


NETWORK = Scope(label="")


def network_scope(label: str | None = None) -> Scope:
    return Scope(label=label or _("Réseau"))


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """The year as aware datetimes [1 January 00:00, next 1 January 00:00) in the platform's time zone."""
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(date(year, 1, 1), time.min), zone),
        timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time.min), zone),
    )


def active_in_year(year: int) -> Q:
    """A partnership counts in a year when it overlaps it (open dates count as open ends)."""
    return (Q(since__isnull=True) | Q(since__lte=date(year, 12, 31))) & (
        Q(until__isnull=True) | Q(until__gte=date(year, 1, 1))
    )
