"""Open data: public datasets as CSV and JSON at stable addresses, described by a Table Schema in a Data
Package (datapackage.json), under the Licence Ouverte 2.0. No personal data: structures' public facts,
created activities flagged public (no carrier, no contact), aggregated indicators."""

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import chain

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fabrique.core import cells
from fabrique.core.cells import Verbatim
from fabrique.method.models import Project
from fabrique.network.models import Structure
from fabrique.network.perms import readable_structures
from fabrique.territories.models import Departement, Region

from . import indicators
from .scope import Scope
from .selection import default_year

LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
INDICATOR_YEARS = 10


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema types: string, integer, number, date, boolean
    title: str
    description: str = ""

    def schema(self) -> dict:
        item = {"name": self.name, "type": self.type, "title": str(self.title)}
        if self.description:
            item["description"] = str(self.description)
        return item


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    rows: object  # a function returning the rows (dicts keyed by field name)

    def schema(self) -> dict:
        return {"fields": [f.schema() for f in self.fields], "primaryKey": list(self.primary_key)}


def _codes(departements) -> str:
    return " ".join(sorted(d.code for d in departements))


def structure_rows() -> list[dict]:
    structures = readable_structures(None, Structure.objects.all()).prefetch_related(
        Prefetch("departements", queryset=Departement.objects.select_related("region"))
    )
    rows = []
    for s in structures.order_by("slug"):
        deps = list(s.departements.all())
        rows.append(
            {
                "slug": s.slug,
                "name": s.name,
                "status": s.status,
                "status_label": str(s.get_status_display()),
                "departements": _codes(deps),
                "regions": " ".join(sorted({d.region_id for d in deps})),
                "area_label": s.area_label,
                "city": s.city,
                "parent_network": s.parent_network,
                "website": s.website,
                "joined_on": s.joined_on,
                "experimenting_since": s.experimenting_since,
                "labelled_on": s.labelled_on,
                "withdrawn_on": s.withdrawn_on,
            }
        )
    return rows


def activity_rows() -> list[dict]:
    projects = (
        Project.objects.public_activities()
        .select_related("structure", "outcome")
        .prefetch_related("departements")
        .order_by("outcome__created_on", "slug")
    )
    return [
        {
            "slug": p.slug,
            "title": p.title,
            "structure": p.structure.slug,
            "departements": _codes(p.departements.all()),
            "theme": p.theme,
            "theme_label": str(p.get_theme_display()),
            "legal_form": p.outcome.legal_form,
            "legal_form_label": str(p.outcome.get_legal_form_display()),
            "creation_year": p.outcome.created_on.year,
            "jobs_fte": p.outcome.jobs_fte,
        }
        for p in projects
        if hasattr(p, "outcome")
    ]


def indicator_rows() -> list[dict]:
    """Network and région figures for the last ten years: one grouped query per figure and scope."""
    last = default_year()
    years = list(range(last - INDICATOR_YEARS + 1, last + 1))
    scopes = [("", "")] + list(Region.objects.order_by("code").values_list("code", "name"))
    rows = []
    for code, name in scopes:
        for series in indicators.by_year(Scope(region=code or None), years):
            for year in years:
                rows.append(
                    {
                        "year": year,
                        "region": code,
                        "region_name": name,
                        "indicator": series.code,
                        "label": series.label,
                        "value": series.values[year],
                    }
                )
    return rows


DATASETS = {
    d.name: d
    for d in (
        Dataset(
            "structures",
            _("Structures du réseau"),
            _("Les structures membres du réseau, avec leur statut, leur territoire et leurs dates."),
            (
                Field("slug", "string", _("Identifiant")),
                Field("name", "string", _("Nom")),
                Field("status", "string", _("Statut (code)"), _("experimenting, labelled ou withdrawn.")),
                Field("status_label", "string", _("Statut")),
                Field("departements", "string", _("Départements"), _("Codes INSEE séparés par des espaces.")),
                Field("regions", "string", _("Régions"), _("Codes INSEE séparés par des espaces.")),
                Field("area_label", "string", _("Territoire d'intervention")),
                Field("city", "string", _("Ville")),
                Field("parent_network", "string", _("Réseau d'appartenance")),
                Field("website", "string", _("Site web")),
                Field("joined_on", "date", _("Adhésion le")),
                Field("experimenting_since", "date", _("En expérimentation depuis")),
                Field("labelled_on", "date", _("Appellation obtenue le")),
                Field("withdrawn_on", "date", _("Retrait le")),
            ),
            ("slug",),
            structure_rows,
        ),
        Dataset(
            "activites-creees",
            _("Activités créées"),
            _("Les activités créées avec l'appui du réseau et rendues publiques par leur structure."),
            (
                Field("slug", "string", _("Identifiant")),
                Field("title", "string", _("Activité")),
                Field("structure", "string", _("Structure (identifiant)")),
                Field("departements", "string", _("Départements"), _("Codes INSEE séparés par des espaces.")),
                Field("theme", "string", _("Thème (code)")),
                Field("theme_label", "string", _("Thème")),
                Field("legal_form", "string", _("Forme juridique (code)")),
                Field("legal_form_label", "string", _("Forme juridique")),
                Field("creation_year", "integer", _("Année de création")),
                Field("jobs_fte", "number", _("Emplois créés (ETP)")),
            ),
            ("slug",),
            activity_rows,
        ),
        Dataset(
            "indicateurs",
            _("Indicateurs du réseau par année et par région"),
            _("Besoins détectés, séances de créativité, études d'opportunité lancées, activités et emplois créés."),
            (
                Field("year", "integer", _("Année")),
                Field("region", "string", _("Région (code INSEE)"), _("Vide : tout le réseau.")),
                Field("region_name", "string", _("Région")),
                Field("indicator", "string", _("Indicateur (code)"), _("Définitions : docs/indicators.md.")),
                Field("label", "string", _("Indicateur")),
                Field("value", "number", _("Valeur")),
            ),
            ("year", "region", "indicator"),
            indicator_rows,
        ),
    )
}


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, date):
        return Verbatim(value.isoformat())
    if isinstance(value, Decimal):
        return Verbatim(format(value.normalize(), "f") if value else "0")
    return value


def as_csv(dataset: Dataset) -> bytes:
    """The dataset as CSV; a text a spreadsheet would take for a formula starts with `'` (`core.cells`)."""
    header = [f.name for f in dataset.fields]
    rows = ([_plain(row[f.name]) for f in dataset.fields] for row in dataset.rows())
    return cells.write_csv(chain([header], rows), lineterminator="\n").encode("utf-8")


def _json_value(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def as_json(dataset: Dataset) -> bytes:
    body = {
        "name": dataset.name,
        "title": str(dataset.title),
        "licence": LICENCE["title"],
        "licence_url": LICENCE["path"],
        "data": [{k: _json_value(v) for k, v in row.items()} for row in dataset.rows()],
    }
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


def datapackage() -> dict:
    def url(name: str, fmt: str) -> str:
        return settings.SITE_URL + reverse("reporting:opendata_file", args=[name, fmt])

    return {
        "name": "fabrique-a-initiatives",
        "title": str(_("Données ouvertes du réseau %s")) % settings.NETWORK_NAME,
        "licenses": [LICENCE],
        "resources": [
            {
                "name": d.name,
                "title": str(d.title),
                "description": str(d.description),
                "path": url(d.name, "csv"),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "header": True},
                "schema": d.schema(),
            }
            for d in DATASETS.values()
        ],
    }
