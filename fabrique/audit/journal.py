"""The journal: every history row of every model and every transition log, newest first, read as one UNION.

A page costs a fixed number of queries: the count, the page's (kind, row) pairs, then for each kind present on
the page one or two queries (kinds.py). Filters: person, structure, kind of object, date range.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from django.db.models import Q

from fabrique.core.history import history_models

from .kinds import TRANSITIONS, Entry, HistoryKind, TransitionKind


@cache
def kinds() -> dict[str, HistoryKind | TransitionKind]:
    found = [HistoryKind(history) for history in history_models()]
    found += [TransitionKind(transition) for transition in TRANSITIONS]
    return {kind.key: kind for kind in sorted(found, key=lambda kind: kind.label)}


@dataclass
class Filters:
    person_id: int | None = None
    structure_id: int | None = None
    kind: str = ""
    since: datetime | None = None
    until: datetime | None = None  # excluded


def _condition(kind, filters: Filters) -> Q | None:
    """The filter on one kind's table, or None when it cannot match (no way to a structure)."""
    condition = Q()
    if filters.person_id is not None:
        condition &= Q(**{f"{kind.author_field}_id": filters.person_id})
    if filters.structure_id is not None:
        if kind.structure_path is None:
            return None
        condition &= Q(**{kind.structure_path: filters.structure_id})
    if filters.since is not None:
        condition &= Q(**{f"{kind.date_field}__gte": filters.since})
    if filters.until is not None:
        condition &= Q(**{f"{kind.date_field}__lt": filters.until})
    return condition


def rows(filters: Filters):
    """One UNION ALL: {journal_kind, history_id, history_date}, newest first; None when no table can match."""
    every = kinds()
    selected = [every[filters.kind]] if filters.kind in every else every.values()
    parts = []
    for kind in selected:
        condition = _condition(kind, filters)
        if condition is not None:
            parts.append(kind.select(condition))
    if not parts:
        return None
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return union.order_by("-history_date", "-history_id")


def entries(page_rows) -> list[Entry]:
    """The journal's entries for one page of rows of `rows()`, in the same order."""
    every = kinds()
    ids_by_kind: dict[str, list[int]] = defaultdict(list)
    for row in page_rows:
        ids_by_kind[row["journal_kind"]].append(row["history_id"])
    found = {key: every[key].load(ids) for key, ids in ids_by_kind.items()}
    return [
        found[row["journal_kind"]][row["history_id"]]
        for row in page_rows
        if row["history_id"] in found[row["journal_kind"]]
    ]
