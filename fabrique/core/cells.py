"""Spreadsheet cells: what every CSV and XLSX file the platform writes puts in a cell — never a formula.

Spreadsheet software takes a text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return for a
formula (formula or « CSV » injection): a project titled `=HYPERLINK("http://x","y")` would become a live
link in the coordination's export, `+1+cmd|' /C calc'!A0` a command. So:

- in CSV, such a text is written after an apostrophe (`'=HYPERLINK(…)`), which spreadsheet software shows
  as text; the imports take the apostrophe off again (`read_csv_text`);
- in both, the line ends inside a text are written as line feeds (XML reads a carriage return as one anyway);
- in XLSX, every text is a string cell (never a formula nor an error code), with its text unchanged;
- numbers, dates and booleans are written as themselves: a negative number stays a number.

Every writer goes through this module: `write_csv` for CSV, `append_row` (or `xlsx_cell`) for XLSX.
tests/core/test_cells.py fails on a `csv.writer`, a worksheet's `append` or a `cell.value =` elsewhere.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.utils.functional import Promise
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_ESCAPE = "'"
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"


class Verbatim(str):
    """A text the program made from a number or a date (« -2,5 », « 01/05/2025 »): written as it is."""

    __slots__ = ()


def csv_value(value):
    """A CSV cell: a text that a spreadsheet would read as a formula gets an apostrophe before it, and its line
    ends are written as line feeds (a lone carriage return, left unquoted by csv.writer, would cut the row);
    numbers, dates and `Verbatim` texts are left as they are (csv.writer writes None as an empty cell)."""
    if isinstance(value, Promise):
        value = str(value)
    if not isinstance(value, str) or isinstance(value, Verbatim):
        return value
    text = _line_feeds(value)
    return CSV_ESCAPE + text if value.startswith(FORMULA_STARTS) else text


def _line_feeds(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_csv_text(text: str) -> str:
    """A CSV cell as the user meant it: the apostrophe `csv_value` put before a formula sign comes off."""
    if text.startswith(CSV_ESCAPE) and text[1:].startswith((*FORMULA_STARTS, "\n")):  # "\r" was written "\n"
        return text[1:]
    return text


def write_csv(rows: Iterable[Sequence], *, delimiter: str = ",", lineterminator: str = "\n") -> str:
    """The CSV text of `rows` (the header is the first row), every cell through `csv_value`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator)
    for row in rows:
        writer.writerow([csv_value(value) for value in row])
    return buffer.getvalue()


def xlsx_cell(sheet, value, *, font=None):
    """An XLSX cell of `sheet`: a text is a string cell whatever it begins with, its line ends written as
    line feeds and the control characters XLSX cannot hold dropped; a date or a date-time has a French format."""
    if value is None and font is None:
        return None
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        # XML reads a carriage return as a line feed: write what will be read back
        value = ILLEGAL_CHARACTERS_RE.sub("", _line_feeds(value))
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl made `=…` a formula and `#N/A` an error: text it is
    elif isinstance(value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    if font is not None:
        cell.font = font
    return cell


def append_row(sheet, values: Iterable, *, font=None) -> None:
    """Add one row of `values` to `sheet` (a write-only or an ordinary worksheet) through `xlsx_cell`."""
    sheet.append([xlsx_cell(sheet, value, font=font) for value in values])
