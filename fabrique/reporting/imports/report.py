"""What an import found and did: every problem as row, column, value, message; counts of what changed."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    row: int | None  # the spreadsheet's row number (the header is row 1); None for the whole file
    column: str  # the column's header as written in the file, or ""
    value: str
    message: str
    sheet: str = ""

    def __str__(self) -> str:
        where = _("ligne %s") % self.row if self.row else _("fichier")
        if self.sheet:
            where = f"{self.sheet}, {where}"
        column = f", {self.column}" if self.column else ""
        value = f" « {self.value} »" if self.value else ""
        return f"{where}{column}{value} : {self.message}"


@dataclass
class ImportReport:
    kind: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def written(self) -> bool:
        """True when the import changed the database (a real import without any problem)."""
        return self.ok and not self.dry_run and bool(self.created or self.updated)

    def add(self, row, column, value, message, sheet: str = "") -> None:
        self.problems.append(Problem(row, str(column), "" if value is None else str(value)[:200], str(message), sheet))

    def summary(self) -> str:
        if self.problems:
            return _("%(n)s problème(s) : rien n'a été enregistré.") % {"n": len(self.problems)}
        counts = {"created": self.created, "updated": self.updated, "unchanged": self.unchanged, "rows": self.rows}
        if self.dry_run:
            return (
                _(
                    "Essai sans enregistrer : %(rows)s ligne(s) lues, %(created)s à créer, %(updated)s à modifier, "
                    "%(unchanged)s inchangée(s)."
                )
                % counts
            )
        return (
            _("%(rows)s ligne(s) lues : %(created)s créée(s), %(updated)s modifiée(s), %(unchanged)s inchangée(s).")
            % counts
        )


class ImportAborted(Exception):
    """Raised inside the import's transaction to roll everything back (problems found, or a dry run)."""
