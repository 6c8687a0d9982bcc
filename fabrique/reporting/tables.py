"""The rows each export kind gives a reader: only what the apps' perms let them read, a fixed number of
queries whatever the number of rows. Values are Python values (dates, decimals, booleans, lists)."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from fabrique.method.models import Need, Project, ProjectStageLog
from fabrique.method.perms import readable_needs, readable_projects_in_full
from fabrique.network.models import Partner, Partnership, Structure
from fabrique.network.perms import can_access_coordination, readable_structures

from . import columns as c
from .columns import Column
from .presenters import flat_rows

Row = dict[str, object]


@dataclass(frozen=True)
class Table:
    code: str
    title: str
    columns: tuple[Column, ...]
    rows: Iterator[Row] | list[Row]


def _codes(departements) -> list[str]:
    return sorted(d.pk for d in departements)


def structures(user) -> Table:
    queryset = readable_structures(user, Structure.objects.prefetch_related("departements")).order_by("slug")

    def rows():
        for s in queryset.iterator(chunk_size=500):
            yield {
                **{col.code: getattr(s, col.code) for col in c.STRUCTURE_COLUMNS if col.code != "departements"},
                "departements": _codes(s.departements.all()),
            }

    return Table("structures", str(_("Structures")), c.STRUCTURE_COLUMNS, rows())


def partners(user) -> Table:
    """One row per partnership of a structure the reader may see; the coordinator also gets the
    organisations without any partnership (one row each, structure empty)."""
    readable = readable_structures(user, Structure.objects.all())
    partnerships = (
        Partnership.objects.filter(structure__in=readable)
        .select_related("structure", "partner")
        .order_by("partner__name", "partner_id", "structure__slug")
    )

    def partner_values(p: Partner) -> Row:
        return {"partner": p.name, "kind": p.kind, "siret": p.siret, "website": p.website}

    def rows():
        for link in partnerships.iterator(chunk_size=500):
            yield {
                "structure": link.structure.slug,
                **partner_values(link.partner),
                "role": link.role,
                "since": link.since,
                "until": link.until,
                "note": link.note,
            }
        if can_access_coordination(user):  # partners working with no structure yet
            for partner in Partner.objects.filter(partnerships__isnull=True).order_by("name", "pk"):
                yield {"structure": "", **partner_values(partner)}

    return Table("partners", str(_("Partenaires")), c.PARTNER_COLUMNS, rows())


def needs(user) -> Table:
    queryset = (
        readable_needs(user, Need.objects.all())
        .select_related("structure", "merged_into")
        .order_by("structure__slug", "detected_on", "pk")
    )

    def rows():
        for need in queryset.iterator(chunk_size=500):
            yield {
                **{col.code: getattr(need, col.code) for col in c.NEED_COLUMNS[2:] if col.code != "merged_into"},
                "structure": need.structure.slug,
                "title": need.title,
                "departement": need.departement_id,
                "merged_into": need.merged_into.title if need.merged_into else "",
            }

    return Table("needs", str(_("Besoins et idées")), c.NEED_COLUMNS, rows())


OUTCOME_FIELDS = (
    "created_on",
    "legal_form",
    "siret",
    "jobs_fte",
    "followup_1y_active",
    "followup_1y_jobs_fte",
    "followup_3y_active",
    "followup_3y_jobs_fte",
)
PROJECT_FIELDS = (
    "slug",
    "title",
    "summary",
    "theme",
    "detected_on",
    "stage",
    "stopped_at",
    "stop_reason",
    "carrier_name",
    "carrier_kind",
    "carrier_contact",
    "is_public",
)


def _projects(user):
    return readable_projects_in_full(user, Project.objects.all())


def projects(user) -> Table:
    queryset = (
        _projects(user)
        .select_related("structure", "outcome")
        .prefetch_related("departements", Prefetch("needs", queryset=Need.objects.only("pk", "title")))
        .order_by("structure__slug", "slug")
    )

    def rows():
        for project in queryset.iterator(chunk_size=500):
            outcome = getattr(project, "outcome", None)
            yield {
                **{name: getattr(project, name) for name in PROJECT_FIELDS},
                "structure": project.structure.slug,
                "stage_since": project.stage_changed_at.date() if project.stage_changed_at else None,
                "departements": _codes(project.departements.all()),
                "needs": sorted(n.title for n in project.needs.all()),
                **{name: getattr(outcome, name) if outcome else None for name in OUTCOME_FIELDS},
            }

    return Table("projects", str(_("Projets")), c.PROJECT_COLUMNS, rows())


def stage_log(user) -> Table:
    queryset = (
        ProjectStageLog.objects.filter(project__in=_projects(user).values("pk"))
        .select_related("project", "changed_by")
        .order_by("project__structure__slug", "project__slug", "changed_at", "pk")
    )

    def rows():
        for log in queryset.iterator(chunk_size=1000):
            yield {
                "project": log.project.slug,
                "from_stage": log.from_status,
                "to_stage": log.to_status,
                "changed_at": log.changed_at,
                "changed_by": log.changed_by.email if log.changed_by else "",
                "note": log.note,
            }

    return Table("stage_log", str(c.STAGE_LOG_SHEET), c.STAGE_LOG_COLUMNS, rows())


KINDS = {
    "structures": (_("Structures"), structures),
    "partners": (_("Partenaires"), partners),
    "needs": (_("Besoins et idées"), needs),
    "projects": (_("Projets et journal des étapes"), projects),
}


def indicators_table(figures) -> Table:
    """The figures of one year and scope, one line per figure (definitions in docs/indicators.md)."""
    scope = figures.scope.label
    rows = [
        {"year": figures.year, "scope": scope, "code": code, "label": label, "value": value}
        for code, label, value in flat_rows(figures)
    ]
    return Table("indicators", str(_("Indicateurs")), c.INDICATOR_COLUMNS, rows)
