"""The one way a state changes: a table of named transitions, and the abstract log every app's rows derive from.

An app declares its `TransitionTable` (network: a structure's status, method: a project's stage, appellation:
a request's status); its service verbs ask the table before writing, and write one row of its `TransitionLog`
subclass in the same transaction. Rows are created only in the app's `services` (tests/test_consistency.py).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .exceptions import TransitionError

# A guard sees the object being changed (locked) and refuses with a TransitionError.
Guard = Callable[[Any], None]


@dataclass(frozen=True)
class Transition:
    """`target` None: the object goes back to a state it remembers, other than the one it leaves (a paused
    project resumes where it stopped); the verb reads which.
    `refusal` is formatted with `status`, the label of the state it was tried from. `note_required` is the
    message refusing an empty note; empty when a note is optional. `error` is the TransitionError subclass the
    refusal of the state raises (appellation: a request no longer a draft is `RequestLocked`)."""

    name: str
    sources: tuple[str, ...]
    target: str | None
    label: str
    refusal: str = ""
    note_required: str = ""
    guards: tuple[Guard, ...] = field(default=(), compare=False)
    error: type[TransitionError] = field(default=TransitionError, compare=False)


class TransitionTable:
    """Which transition is allowed from which state, and the French refusal otherwise."""

    def __init__(
        self,
        transitions: Iterable[Transition],
        *,
        labels: Callable[[str], str],
        refuse: Callable[[Transition, str, Any], str] | None = None,
    ):
        self.transitions = {t.name: t for t in transitions}
        self._labels = labels
        self._refuse = refuse

    def __getitem__(self, name: str) -> Transition:
        return self.transitions[name]

    def __iter__(self):
        return iter(self.transitions.values())

    def allowed(self, name: str, from_status: str) -> bool:
        return from_status in self.transitions[name].sources

    def available(self, from_status: str) -> list[Transition]:
        """The transitions allowed from `from_status`, in the table's order (before notes and guards)."""
        return [t for t in self.transitions.values() if from_status in t.sources]

    def between(self, from_status: str, to_status: str) -> Transition | None:
        """The transition leading from one state to the other, if the table has one (a fixed target only)."""
        return next((t for t in self.available(from_status) if t.target == to_status), None)

    def path(self, from_status: str, to_status: str) -> list[Transition]:
        """The shortest sequence of transitions (fixed targets only) from one state to another; [] if none."""
        paths = {from_status: []}
        frontier = [from_status]
        while frontier and to_status not in paths:
            current = frontier.pop(0)
            for t in self.available(current):
                if t.target is not None and t.target not in paths:
                    paths[t.target] = [*paths[current], t]
                    frontier.append(t.target)
        return paths.get(to_status, [])

    def refusal(self, name: str, from_status: str, subject: Any = None) -> str:
        transition = self.transitions[name]
        if self._refuse is not None:
            return self._refuse(transition, from_status, subject)
        return transition.refusal % {"status": self._labels(from_status)}

    def check(self, name: str, from_status: str, *, note: str = "", subject: Any = None) -> Transition:
        """The transition, or a TransitionError with its French message: the state first, then the note,
        then the guards (which read `subject`)."""
        transition = self.transitions[name]
        if from_status not in transition.sources:
            raise transition.error(self.refusal(name, from_status, subject))
        if transition.note_required and not (note or "").strip():
            raise TransitionError(transition.note_required)
        for guard in transition.guards:
            guard(subject)
        return transition

    def check_chain(self, steps: Iterable[tuple[str, str]], start: str = "") -> None:
        """Refuse a sequence of (from, to) rows that does not follow the table (bulk paths: imports, the
        generator). Guards are not evaluated: they read the current data, not the past."""
        current = start
        for from_status, to_status in steps:
            if from_status != current:
                raise TransitionError(
                    _("Le journal ne se suit pas : l'état précédent était « %s ».") % self._labels(current)
                )
            if self.between(from_status, to_status) is None and not self._returns(from_status, to_status):
                raise TransitionError(
                    _("Changement impossible de « %(from)s » à « %(to)s ».")
                    % {"from": self._labels(from_status), "to": self._labels(to_status)}
                )
            current = to_status

    def named(self, rows: Iterable[dict], start: str | None = None) -> list[dict]:
        """The bulk path's check: log rows (dicts of the log's fields, from_status and to_status at least)
        following the table from `start` (default: the first row's `from_status`), each given its transition's
        name; else TransitionError."""
        rows = [dict(row) for row in rows]
        if rows:
            first = rows[0]["from_status"] if start is None else start
            self.check_chain([(row["from_status"], row["to_status"]) for row in rows], start=first)
        for row in rows:
            row["transition"] = self.name_for(row["from_status"], row["to_status"])
        return rows

    def name_for(self, from_status: str, to_status: str) -> str:
        """The name of the transition a (from, to) row records, or "" when the table has none."""
        transition = self.between(from_status, to_status)
        if transition is not None:
            return transition.name
        returning = [t for t in self.available(from_status) if t.target is None]
        return returning[0].name if returning and to_status != from_status else ""

    def _returns(self, from_status: str, to_status: str) -> bool:
        return to_status != from_status and any(t.target is None for t in self.available(from_status))


class TransitionLog(models.Model):
    """One row per change of state: from, to, which transition, when, who, why, and by which way (`via`:
    "service", "admin", "committee", "import", "demo", "generator"). `transition` is blank on rows written
    before it was recorded when it could not be inferred from (from, to)."""

    from_status = models.CharField(_("de"), max_length=20, blank=True)
    to_status = models.CharField(_("vers"), max_length=20)
    transition = models.CharField(_("transition"), max_length=40, blank=True)
    changed_at = models.DateTimeField(_("le"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("par")
    )
    note = models.TextField(_("note"), blank=True)
    via = models.CharField(_("voie"), max_length=40, default="service")

    class Meta:
        abstract = True
