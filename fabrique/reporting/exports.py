"""Writers of the exports: CSV (UTF-8 with BOM, `;` by default for French spreadsheet software, setting
EXPORT_CSV_DELIMITER) and XLSX (typed cells, French headers, frozen header row)."""

import io
from datetime import date, datetime
from decimal import Decimal
from itertools import chain

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from fabrique.core import cells
from fabrique.core.cells import Verbatim

from . import columns as c
from .tables import Table

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


def csv_delimiter() -> str:
    delimiter = getattr(settings, "EXPORT_CSV_DELIMITER", ";")
    return delimiter if isinstance(delimiter, str) and len(delimiter) == 1 else ";"


def _choice_label(column: c.Column, value) -> str:
    if not value:
        return ""
    try:
        return str(column.choices(value).label)
    except ValueError:
        return str(value)


def _local(value: datetime) -> datetime:
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


def text_value(column: c.Column, value, delimiter: str) -> str:
    """A cell as text, for CSV: dates JJ/MM/AAAA, decimal comma when the separator is `;`. What the export
    makes of a number or a date is `Verbatim`; any other text goes through `core.cells` as a text."""
    if value is None or value == "":
        return ""
    if column.kind == c.CHOICE:
        return _choice_label(column, value)
    if column.kind == c.BOOL:
        return _("oui") if value else _("non")
    if column.kind == c.DATETIME and isinstance(value, datetime):
        return Verbatim(_local(value).strftime("%d/%m/%Y %H:%M:%S"))
    if isinstance(value, date):
        return Verbatim(value.strftime("%d/%m/%Y"))
    if isinstance(value, Decimal | float):
        text = format(Decimal(str(value)).normalize(), "f")
        return Verbatim(text.replace(".", ",") if delimiter == ";" else text)
    if isinstance(value, int):
        return Verbatim(value)
    if column.kind == c.CODES:
        return ", ".join(value)
    if column.kind == c.LIST:
        return c.LIST_SEPARATOR.join(value)
    return str(value)


def write_csv(table: Table) -> bytes:
    delimiter = csv_delimiter()
    header = [col.label for col in table.columns]
    rows = ([text_value(col, row.get(col.code), delimiter) for col in table.columns] for row in table.rows)
    return cells.write_csv(chain([header], rows), delimiter=delimiter, lineterminator="\r\n").encode("utf-8-sig")


def _typed(column: c.Column, value):
    """A cell's value for XLSX: dates stay dates, numbers numbers, booleans booleans."""
    if value is None or value == "":
        return None
    if column.kind == c.CHOICE:
        return _choice_label(column, value)
    if column.kind == c.DATETIME and isinstance(value, datetime):
        return _local(value)
    if column.kind in (c.DECIMAL, c.INT) and isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if column.kind == c.CODES:
        return ", ".join(value)
    if column.kind == c.LIST:
        return c.LIST_SEPARATOR.join(value)
    return value


def _sheet(workbook: Workbook, table: Table) -> None:
    sheet = workbook.create_sheet(title=table.title[:31])
    sheet.freeze_panes = "A2"
    for index, col in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(50, len(col.label) + 4))
    cells.append_row(sheet, [col.label for col in table.columns], font=Font(bold=True))
    for row in table.rows:
        cells.append_row(sheet, [_typed(col, row.get(col.code)) for col in table.columns])


def write_xlsx(*tables: Table) -> bytes:
    """One sheet per table, in order (the projects export carries its stage log on a second sheet)."""
    workbook = Workbook(write_only=True)
    for table in tables:
        _sheet(workbook, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def filename(code: str, extension: str) -> str:
    return f"fabrique-{code}-{timezone.localdate():%Y-%m-%d}.{extension}"
