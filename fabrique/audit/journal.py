"""The journal: every history row of every model, newest first, read as one UNION of the history tables.

A page costs a fixed number of queries: the count, the page's (table, row) pairs, then for each table present
on the page its rows with their authors and the rows just before them (to name the changed fields).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import CharField, OuterRef, Q, Subquery, Value

from fabrique.core.history import history_models

# How a history row reaches its structure, tried in order on the row's own fields.
STRUCTURE_PATHS = ("structure", "project__structure", "request__structure", "author_structure", "organiser")
NOT_COMPARED = {"id", "version", "created_at", "updated_at"}
# Fields that name an object in the journal, tried in order.
NAME_FIELDS = ("title", "name", "subject", "email", "person")


@dataclass(frozen=True)
class Kind:
    key: str  # the label of the model, « app.Model »
    label: str
    history: type
    structure_path: str | None

    @property
    def model(self):
        return self.history.instance_type


def _structure_path(history) -> str | None:
    model = history.instance_type
    if model._meta.label == "network.Structure":
        return "id"
    names = {f.name for f in history._meta.get_fields()}
    return next((path for path in STRUCTURE_PATHS if path.split("__")[0] in names), None)


def kinds() -> dict[str, Kind]:
    found = {}
    for history in history_models():
        model = history.instance_type
        label = str(model._meta.verbose_name)
        found[model._meta.label] = Kind(
            model._meta.label, label[:1].upper() + label[1:], history, _structure_path(history)
        )
    return dict(sorted(found.items(), key=lambda item: item[1].label))


@dataclass
class Filters:
    person_id: int | None = None
    structure_id: int | None = None
    kind: str = ""
    since: datetime | None = None
    until: datetime | None = None  # excluded


def _condition(kind: Kind, filters: Filters) -> Q | None:
    """The filter on one table, or None when the table cannot match (no way to its structure)."""
    condition = Q()
    if filters.person_id is not None:
        condition &= Q(history_user_id=filters.person_id)
    if filters.structure_id is not None:
        if kind.structure_path is None:
            return None
        condition &= Q(**{kind.structure_path: filters.structure_id})
    if filters.since is not None:
        condition &= Q(history_date__gte=filters.since)
    if filters.until is not None:
        condition &= Q(history_date__lt=filters.until)
    return condition


def rows(filters: Filters):
    """One UNION ALL of the history tables: {journal_kind, history_id, history_date}, newest first; None if empty."""
    every = kinds()
    selected = [every[filters.kind]] if filters.kind in every else every.values()
    parts = []
    for kind in selected:
        condition = _condition(kind, filters)
        if condition is None:
            continue
        parts.append(
            kind.history.objects.filter(condition)
            .order_by()
            .annotate(journal_kind=Value(kind.key, output_field=CharField()))
            .values("journal_kind", "history_id", "history_date")
        )
    if not parts:
        return None
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return union.order_by("-history_date", "-history_id")


@dataclass
class Entry:
    date: datetime
    kind: Kind
    author: object
    action: str  # "+", "~", "-"
    subject: str
    object_id: int
    reason: str = ""
    changes: list[str] = field(default_factory=list)


def _subject(record, kind: Kind) -> str:
    for name in NAME_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _compared(history) -> list:
    """The copied fields of a history table (the password, say, is not copied)."""
    own = {f.name for f in history.instance_type._meta.concrete_fields} - NOT_COMPARED
    return [f for f in history._meta.concrete_fields if f.name in own]


def _changes(record, previous, fields) -> list[str]:
    if previous is None or record.history_type != "~":
        return []
    return [str(f.verbose_name) for f in fields if getattr(record, f.attname) != getattr(previous, f.attname)]


def _records_of(kind: Kind, ids: list[int]) -> dict[int, Entry]:
    """The page's rows of one table with their authors, compared with the row before each (two queries)."""
    history = kind.history
    before = history.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id")).order_by("-history_id")
    records = list(
        history.objects.filter(history_id__in=ids)
        .select_related("history_user")
        .annotate(previous_id=Subquery(before.values("history_id")[:1]))
    )
    previous_ids = [r.previous_id for r in records if r.previous_id is not None and r.history_type == "~"]
    previous = history.objects.in_bulk(previous_ids, field_name="history_id") if previous_ids else {}
    fields = _compared(history)
    return {
        r.history_id: Entry(
            date=r.history_date,
            kind=kind,
            author=r.history_user,
            action=r.history_type,
            subject=_subject(r, kind),
            object_id=r.id,
            reason=r.history_change_reason or "",
            changes=_changes(r, previous.get(r.previous_id), fields),
        )
        for r in records
    }


def entries(page_rows) -> list[Entry]:
    """The journal's entries for one page of rows of `rows()`, in the same order."""
    every = kinds()
    ids_by_kind: dict[str, list[int]] = defaultdict(list)
    for row in page_rows:
        ids_by_kind[row["journal_kind"]].append(row["history_id"])
    found = {key: _records_of(every[key], ids) for key, ids in ids_by_kind.items()}
    return [
        found[row["journal_kind"]][row["history_id"]]
        for row in page_rows
        if row["history_id"] in found[row["journal_kind"]]
    ]
