"""What the journal reads: each history table of django-simple-history, and the transition logs (status of a
structure, stage of a project, state of an appellation request), which carry the reason of the change.

A kind selects its rows as (journal_kind, history_id, history_date), so that all of them make one UNION, then
loads the rows of one page with their authors in a fixed number of queries.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.db.models import CharField, F, OuterRef, Q, Subquery, Value
from django.utils.translation import gettext

from fabrique.accounts.models import User

# How a row reaches its structure, tried in order on the row's own fields.
STRUCTURE_PATHS = ("structure", "project__structure", "request__structure", "author_structure", "organiser")
NOT_COMPARED = {"id", "version", "created_at", "updated_at"}
# Fields that name an object in the journal, tried in order.
NAME_FIELDS = ("title", "name", "subject", "email", "person")
TRANSITION = "→"


@dataclass
class Entry:
    date: datetime
    kind: object
    author: object
    action: str  # "+" created, "~" changed, "-" deleted, TRANSITION for a status, stage or state change
    subject: str
    object_id: int
    reason: str = ""
    changes: list[str] = field(default_factory=list)
    record: object = None  # the history or log row itself (the activity feed reads its fields)


def _capitalised(text) -> str:
    text = str(text)
    return text[:1].upper() + text[1:]


def _structure_path(model) -> str | None:
    names = {f.name for f in model._meta.get_fields()}
    return next((path for path in STRUCTURE_PATHS if path.split("__")[0] in names), None)


class HistoryKind:
    """The history table of one model: creations, changes (with the fields changed) and deletions."""

    date_field, author_field = "history_date", "history_user"

    def __init__(self, history):
        model = history.instance_type
        self.history, self.key, self.label = history, model._meta.label, _capitalised(model._meta.verbose_name)
        self.structure_path = "id" if self.key == "network.Structure" else _structure_path(history)

    def select(self, condition: Q):
        return (
            self.history.objects.filter(condition)
            .order_by()
            .annotate(journal_kind=Value(self.key, output_field=CharField()))
            .values("journal_kind", "history_id", "history_date")
        )

    def _compared(self) -> list:
        """The copied fields of the table (the password, say, is not copied)."""
        own = {f.name for f in self.history.instance_type._meta.concrete_fields} - NOT_COMPARED
        return [f for f in self.history._meta.concrete_fields if f.name in own]

    def load(self, ids: list[int], related: tuple[str, ...] = ()) -> dict[int, Entry]:
        """The page's rows with their authors (and the `related` objects), compared with the row before each: two
        queries."""
        before = self.history.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        records = list(
            self.history.objects.filter(history_id__in=ids)
            .select_related("history_user", *related)
            .annotate(previous_id=Subquery(before.order_by("-history_id").values("history_id")[:1]))
        )
        wanted = [r.previous_id for r in records if r.previous_id is not None and r.history_type == "~"]
        previous = self.history.objects.in_bulk(wanted, field_name="history_id") if wanted else {}
        fields = self._compared()
        return {r.history_id: self._entry(r, previous.get(r.previous_id), fields) for r in records}

    def _entry(self, record, previous, fields) -> Entry:
        changes = []
        if previous is not None and record.history_type == "~":
            changes = [
                str(f.verbose_name) for f in fields if getattr(record, f.attname) != getattr(previous, f.attname)
            ]
        subject = next(
            (v for v in (getattr(record, name, None) for name in NAME_FIELDS) if isinstance(v, str) and v.strip()), ""
        )
        if subject.endswith("@" + User.ERASED_DOMAIN):
            subject = gettext("personne effacée")
        return Entry(
            record.history_date,
            self,
            record.history_user,
            record.history_type,
            subject,
            record.id,
            record.history_change_reason or "",
            changes,
            record,
        )


@dataclass(frozen=True)
class Transition:
    model: str
    from_field: str
    to_field: str
    reason_field: str
    target: str  # the object whose status, stage or state changed


TRANSITIONS = (
    Transition("network.StructureStatusLog", "from_status", "to_status", "note", "structure"),
    Transition("method.ProjectStageLog", "from_status", "to_status", "note", "project"),
    Transition("appellation.RequestLog", "from_status", "to_status", "note", "request"),
)


class TransitionKind:
    """A transition log: who moved which object from which status to which, and why."""

    date_field, author_field = "changed_at", "changed_by"

    def __init__(self, transition: Transition):
        self.transition = transition
        self.model = apps.get_model(transition.model)
        self.key, self.label = transition.model, _capitalised(self.model._meta.verbose_name)
        self.structure_path = "structure" if transition.target == "structure" else f"{transition.target}__structure"

    def select(self, condition: Q):
        return (
            self.model.objects.filter(condition)
            .order_by()
            .annotate(
                journal_kind=Value(self.key, output_field=CharField()),
                history_id=F("pk"),
                history_date=F(self.date_field),
            )
            .values("journal_kind", "history_id", "history_date")
        )

    def load(self, ids: list[int], related: tuple[str, ...] = ()) -> dict[int, Entry]:
        """The page's rows with their authors and the object they changed (and the `related` ones): one query."""
        target = self.transition.target
        related = ("changed_by", target, *related) + (("request__structure",) if target == "request" else ())
        return {row.pk: self._entry(row) for row in self.model.objects.filter(pk__in=ids).select_related(*related)}

    def _entry(self, row) -> Entry:
        t = self.transition
        before = getattr(row, f"get_{t.from_field}_display")() or "—"
        after = getattr(row, f"get_{t.to_field}_display")()
        return Entry(
            getattr(row, self.date_field),
            self,
            row.changed_by,
            TRANSITION,
            str(getattr(row, t.target)),
            getattr(row, f"{t.target}_id"),
            getattr(row, t.reason_field),
            [f"{before} → {after}"],
            row,
        )


class RecordKind:
    """A table whose rows record an event by themselves, without a history table (an invitation: who sent it and
    when): read by the activity feeds, each row one creation."""

    def __init__(self, model: str, date_field: str, author_field: str):
        self.model = apps.get_model(model)
        self.key, self.label = model, _capitalised(self.model._meta.verbose_name)
        self.date_field, self.author_field = date_field, author_field

    def select(self, condition: Q):
        return (
            self.model.objects.filter(condition)
            .order_by()
            .annotate(
                journal_kind=Value(self.key, output_field=CharField()),
                history_id=F("pk"),
                history_date=F(self.date_field),
            )
            .values("journal_kind", "history_id", "history_date")
        )

    def load(self, ids: list[int], related: tuple[str, ...] = ()) -> dict[int, Entry]:
        """The page's rows with their authors (and the `related` objects): one query."""
        rows = self.model.objects.filter(pk__in=ids).select_related(self.author_field, *related)
        return {row.pk: self._entry(row) for row in rows}

    def _entry(self, row) -> Entry:
        subject = next(
            (v for v in (getattr(row, name, None) for name in NAME_FIELDS) if isinstance(v, str) and v.strip()), ""
        )
        if subject.endswith("@" + User.ERASED_DOMAIN):
            subject = gettext("personne effacée")
        return Entry(
            getattr(row, self.date_field), self, getattr(row, self.author_field), "+", subject, row.pk, record=row
        )
