"""The history of a structure: every saved change of its record and of its partnerships, with its author."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import Partner, Partnership, Structure
from .common import structure_for

PER_PAGE = 25
NOT_SHOWN = {"id", "version", "created_at", "updated_at", "structure"}
# simple-history writes one record for the save and one per m2m signal: shown as one change.
SAME_CHANGE_WINDOW = timedelta(seconds=5)


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    date: datetime
    author: object
    subject: str
    kind: str  # "+" created, "~" changed, "-" deleted
    reason: str = ""
    changes: list[Change] = field(default_factory=list)


def _display(model_field, value, names: dict) -> str:
    if value in (None, ""):
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.get_internal_type() == "DateField":
        return date_format(value, "j F Y")
    if model_field.is_relation:
        return names.get(value, str(value))
    return str(value)


def _values(record, fields, m2m: str | None) -> dict:
    values = {f.attname: getattr(record, f.attname) for f in fields}
    if m2m:
        codes = sorted(row.departement_id for row in getattr(record, m2m).all())
        values["departements"] = ", ".join(codes)
    return values


def _groups(records):
    """Consecutive records by the same author within a few seconds are one change."""
    group: list = []
    for record in records:
        if group and (
            record.history_user_id != group[-1].history_user_id
            or record.history_date - group[-1].history_date >= SAME_CHANGE_WINDOW
        ):
            yield group
            group = []
        group.append(record)
    if group:
        yield group


def _entries(records, fields, subject, names, m2m=None) -> list[Entry]:
    """The changes of one object, each with the fields it changed, old → new."""
    entries: list[Entry] = []
    before = None
    for group in _groups(records):
        first, last = group[0], group[-1]
        after = _values(last, fields, m2m)
        changes = [] if first.history_type == "+" else _diff(before, after, fields, names)
        reason = next((r.history_change_reason for r in reversed(group) if r.history_change_reason), "")
        entries.append(Entry(last.history_date, last.history_user, subject(last), first.history_type, reason, changes))
        before = after
    return entries


def _diff(old: dict | None, new: dict, fields, names) -> list[Change]:
    if old is None:
        return []
    changes = []
    for f in fields:
        if f.name in NOT_SHOWN or old[f.attname] == new[f.attname]:
            continue
        changes.append(
            Change(str(f.verbose_name), _display(f, old[f.attname], names), _display(f, new[f.attname], names))
        )
    if "departements" in new and old.get("departements") != new["departements"]:
        changes.append(Change(_("départements"), old.get("departements") or "—", new["departements"] or "—"))
    return changes


def _tracked_fields(model):
    return [f for f in model._meta.concrete_fields if f.name not in NOT_SHOWN]


def structure_entries(structure) -> list[Entry]:
    records = (
        structure.history.select_related("history_user")
        .prefetch_related("historicalstructure_departements_set")
        .order_by("history_date", "history_id")
    )
    entries = _entries(
        records,
        _tracked_fields(Structure),
        lambda r: _("Fiche de la structure"),
        {},
        m2m="historicalstructure_departements_set",
    )
    partnership_records = list(
        Partnership.history.filter(structure_id=structure.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    names = dict(Partner.objects.filter(pk__in={r.partner_id for r in partnership_records}).values_list("pk", "name"))
    by_partnership: dict[int, list] = {}
    for record in partnership_records:
        by_partnership.setdefault(record.id, []).append(record)
    for records_of_one in by_partnership.values():
        entries += _entries(
            records_of_one,
            _tracked_fields(Partnership),
            lambda r: _("Partenariat avec « %(name)s »") % {"name": names.get(r.partner_id, "?")},
            names,
        )
    return sorted(entries, key=lambda e: e.date, reverse=True)


@login_required
def structure_history(request, slug):
    """Who changed what and when, for the coordinator and the structure's members."""
    structure, abilities = structure_for(request.user, slug, "view_history")
    page = Paginator(structure_entries(structure), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "network/structures/history.html", {"structure": structure, "page": page})
