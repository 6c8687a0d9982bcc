"""The import's common flow: match the headers, read every cell, check the references, then write all the
rows in one transaction — or nothing at all, when any row has a problem or the run is a dry run."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fabrique.network.models import Structure
from fabrique.territories.models import Departement

from .. import perms
from ..columns import Column
from .cells import CellError, match_headers, read_cell
from .reader import RawBook, RawSheet
from .report import ImportAborted, ImportReport

Progress = Callable[[int, int], None]
CHANGE_REASON = "Import"


@dataclass
class Row:
    number: int
    values: dict
    headers: dict  # column code → header as written in the file
    structure: object = None  # resolved by the importer's prepare()
    key: object = None

    def header(self, code: str, columns: tuple[Column, ...]) -> str:
        if code in self.headers:
            return self.headers[code]
        return next((col.label for col in columns if col.code == code), code)


class Importer:
    kind = ""
    label = ""
    columns: tuple[Column, ...] = ()
    needs_structure = True  # rows belong to a structure (column `structure`, or the --structure default)

    def __init__(
        self, *, user=None, structure: Structure | None = None, dry_run=False, progress: Progress | None = None
    ):
        self.user = user if getattr(user, "is_authenticated", False) else None
        self.default_structure = structure
        self.dry_run = dry_run
        self.progress = progress or (lambda done, total: None)
        self.report = ImportReport(self.kind, dry_run)
        self.allowed_structures = perms.importable_structure_ids(user) if self.user else None
        self.sheet_name = ""

    # --- flow -------------------------------------------------------------------------------------------

    def run(self, book: RawBook) -> ImportReport:
        self.report.notices.extend(book.notices)
        sheet = book.sheets[0] if book.sheets else None
        rows = self.parse(sheet) if sheet is not None else []
        if not self.report.problems and not rows:
            self.problem(None, "", "", _("Le fichier ne contient aucune ligne de données sous les en-têtes."))
        if not rows:
            return self.report
        self.report.rows = len(rows)
        self.prepare(book, rows)  # even after unreadable cells: a report lists every problem at once
        if self.report.problems:
            return self.report
        try:
            with transaction.atomic():
                self.apply(rows)
                if self.report.problems or self.dry_run:
                    raise ImportAborted
        except ImportAborted:
            pass
        return self.report

    def parse(self, sheet: RawSheet, columns: tuple[Column, ...] | None = None) -> list[Row]:
        """Typed rows of `sheet`; a problem for each missing column and each unreadable or missing value."""
        columns = columns or self.columns
        self.sheet_name = sheet.name if len(columns) != len(self.columns) else ""
        found, unknown, duplicated = match_headers(sheet.header, columns)
        for title in duplicated:
            self.problem(1, title, "", _("Colonne en double."))
        required = [col for col in columns if col.required and not self._defaulted(col)]
        for col in required:
            if col.code not in found:
                self.problem(
                    1,
                    col.label,
                    "",
                    _("Colonne obligatoire absente (en-tête « %(fr)s » ou « %(code)s »).")
                    % {"fr": col.label, "code": col.code},
                )
        if unknown:
            self.report.notices.append(_("Colonnes ignorées : %s.") % ", ".join(unknown))
        if self.report.problems:
            return []
        headers = {code: sheet.header[index] for code, index in found.items()}
        rows = []
        for number, cells in sheet.rows:
            values = {}
            for col in columns:
                if col.code not in found:
                    continue
                raw = cells[found[col.code]] if found[col.code] < len(cells) else None
                try:
                    values[col.code] = read_cell(col, raw)
                except CellError as exc:
                    self.problem(number, headers[col.code], raw, str(exc))
                    continue
                if col.required and values[col.code] in (None, [], "") and not self._defaulted(col):
                    self.problem(number, headers[col.code], "", _("Valeur obligatoire."))
            rows.append(Row(number, values, headers))
        return rows

    def _defaulted(self, col: Column) -> bool:
        return col.code == "structure" and self.default_structure is not None

    def prepare(self, book: RawBook, rows: list[Row]) -> None:
        """Check references and duplicates before writing; add problems."""
        raise NotImplementedError

    def apply(self, rows: list[Row]) -> None:
        """Write the rows (inside the transaction); count created, updated and unchanged rows."""
        raise NotImplementedError

    # --- helpers ----------------------------------------------------------------------------------------

    def problem(self, row, column, value, message) -> None:
        self.report.add(row, column, value, message, self.sheet_name)

    def tick(self, done: int) -> None:
        if done % 200 == 0 or done == self.report.rows:
            self.progress(done, self.report.rows)

    def load_structures(self) -> dict[str, Structure]:
        return {s.slug: s for s in Structure.objects.only("pk", "slug", "name")}

    def resolve_structure(self, row: Row, structures: dict[str, Structure]) -> Structure | None:
        """The row's structure (its column, else the default), which the importer must be allowed to fill."""
        slug = row.values.get("structure")
        header = row.header("structure", self.columns)
        if not slug:
            if self.default_structure is None:
                self.problem(row.number, header, "", _("Indiquez l'identifiant de la structure."))
            return self.default_structure
        structure = structures.get(slug)
        if structure is None:
            self.problem(
                row.number, header, slug, _("Structure inconnue (identifiant attendu, par exemple « tag29 »).")
            )
            return None
        if self.default_structure is not None and structure.pk != self.default_structure.pk:
            self.problem(
                row.number,
                header,
                slug,
                _("Cet import ne concerne que la structure « %s ».") % self.default_structure.slug,
            )
            return None
        if self.allowed_structures is not None and structure.pk not in self.allowed_structures:
            self.problem(row.number, header, slug, _("Vous n'administrez pas cette structure."))
            return None
        return structure

    def departements(self) -> set[str]:
        return set(Departement.objects.values_list("code", flat=True))

    def check_departements(self, row: Row, code: str, codes, known: set[str]) -> None:
        values = codes if isinstance(codes, list) else [codes]
        for value in values:
            if value and value not in known:
                self.problem(
                    row.number,
                    row.header(code, self.columns),
                    value,
                    _("Département inconnu (code INSEE attendu, par exemple 29, 2A ou 974)."),
                )

    def check_duplicate(self, row: Row, key, seen: dict, column: str) -> None:
        if key in seen:
            self.problem(
                row.number,
                row.header(column, self.columns),
                str(key[-1] if isinstance(key, tuple) else key),
                _("Ligne en double : déjà présente ligne %s.") % seen[key],
            )
        else:
            seen[key] = row.number

    def validation_problems(self, row: Row, error: ValidationError, fields_to_columns: dict[str, str]) -> None:
        """A model's validation errors, each placed on the column of the field it names."""
        messages = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        for name, texts in messages.items():
            code = fields_to_columns.get(name, name)
            header = row.header(code, self.columns) if code != NON_FIELD_ERRORS else ""
            value = row.values.get(code, "")
            for text in texts:
                self.problem(row.number, header, value if not isinstance(value, list) else ", ".join(value), text)

    def set_fields(self, instance, values: dict, names) -> list[str]:
        """Assign `values` (absent columns leave the field alone); the names of the fields that changed."""
        changed = []
        for name in names:
            if name not in values:
                continue
            value = values[name]
            field = instance._meta.get_field(name)
            if value is None and not field.null:
                value = field.get_default() if field.has_default() else ""
            if getattr(instance, name) != value:
                setattr(instance, name, value)
                changed.append(name)
        return changed

    def count(self, created: bool, changed: bool) -> None:
        if created:
            self.report.created += 1
        elif changed:
            self.report.updated += 1
        else:
            self.report.unchanged += 1
