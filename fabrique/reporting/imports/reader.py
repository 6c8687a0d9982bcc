"""Reading an uploaded spreadsheet: XLSX or CSV (UTF-8 or Windows-1252, `;` or `,`), into raw rows."""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from fabrique.core import uploads
from fabrique.core.cells import read_csv_text

from .cells import normalize

MAX_BYTES = 20 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"


class UnreadableFile(Exception):
    """The file cannot be read as a spreadsheet; the message says why, in French."""


@dataclass
class RawSheet:
    name: str
    header: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)  # (spreadsheet row number, cells)


@dataclass
class RawBook:
    sheets: list[RawSheet]
    notices: list[str] = field(default_factory=list)

    def sheet(self, name: str) -> RawSheet | None:
        wanted = normalize(name)
        return next((s for s in self.sheets if normalize(s.name) == wanted), None)


def read(content: bytes, filename: str = "") -> RawBook:
    if not content:
        raise UnreadableFile(_("Le fichier est vide (0 octet)."))
    if len(content) > MAX_BYTES:
        raise UnreadableFile(_("Le fichier dépasse 20 Mo : découpez-le."))
    if content.startswith(ZIP_MAGIC):
        _check_workbook(content, filename)
        return _read_xlsx(content)
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise UnreadableFile(
            _(
                "Le fichier porte l'extension .xlsx mais n'est pas un classeur Excel : "
                "enregistrez-le au format XLSX ou CSV."
            )
        )
    return _read_csv(content)


def _cell(value):
    if isinstance(value, str):
        return value.strip()
    return value


def _check_workbook(content: bytes, filename: str) -> None:
    """An XLSX is an archive: the shared content check refuses a decompression bomb before openpyxl opens it."""
    try:
        uploads.check_file(io.BytesIO(content), max_bytes=MAX_BYTES, accepted=(uploads.XLSX,), name=filename)
    except ValidationError as exc:
        if exc.code == "type":
            raise UnreadableFile(_("Ce classeur XLSX est illisible ou abîmé : enregistrez-le à nouveau.")) from None
        raise UnreadableFile(exc.messages[0]) from None


def _read_xlsx(content: bytes) -> RawBook:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise UnreadableFile(_("Ce classeur XLSX est illisible ou abîmé : enregistrez-le à nouveau.")) from None
    sheets = []
    try:
        for worksheet in workbook.worksheets:
            rows = worksheet.iter_rows(values_only=True)
            header = next(rows, None)
            if header is None:
                sheets.append(RawSheet(worksheet.title, []))
                continue
            sheet = RawSheet(worksheet.title, ["" if h is None else str(h).strip() for h in header])
            for number, values in enumerate(rows, start=2):
                cells = [_cell(v) for v in values]
                if any(v not in (None, "") for v in cells):
                    sheet.rows.append((number, cells))
            sheets.append(sheet)
    finally:
        workbook.close()
    return RawBook(sheets)


def _decode(content: bytes) -> tuple[str, str | None]:
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="strict"), None
    try:
        return content.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if b"\x00" in content:
        raise UnreadableFile(_("Ce fichier n'est ni un classeur XLSX ni un texte CSV."))
    return content.decode("cp1252", errors="replace"), _("Fichier lu en Windows-1252 (encodage des anciens Excel).")


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def _read_csv(content: bytes) -> RawBook:
    try:
        text, notice = _decode(content)
    except UnicodeDecodeError:
        raise UnreadableFile(_("Encodage illisible : enregistrez le fichier en UTF-8 ou en Windows-1252.")) from None
    if not text.strip():
        raise UnreadableFile(_("Le fichier ne contient aucune ligne."))
    delimiter = _delimiter(text.splitlines()[0])
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise UnreadableFile(_("CSV mal formé : %s.") % exc) from None
    sheet = RawSheet("CSV", [h.strip() for h in rows[0]])
    for number, values in enumerate(rows[1:], start=2):
        cells = [_cell(read_csv_text(v)) for v in values]
        if any(v != "" for v in cells):
            sheet.rows.append((number, cells))
    return RawBook([sheet], notices=[notice] if notice else [])
