"""Spreadsheet cells are never formulas: CSV texts that a spreadsheet would evaluate get an apostrophe, XLSX
texts are string cells, numbers and dates stay numbers and dates; and no writer bypasses `core.cells`."""

import ast
import csv
import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from fabrique.core import cells
from fabrique.core.cells import Verbatim

ROOT = Path(__file__).resolve().parents[2]
CELLS_MODULE = ROOT / "fabrique" / "core" / "cells.py"
# The payloads and the other formula starts: = + - @, tab, carriage return.
PAYLOADS = [
    '=HYPERLINK("http://x","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "=1+1",
    '=cmd|" /C calc"!A0',
    "-1",
]
HARMLESS = ["Garage solidaire", "Épicerie « 2 000 € »", "'déjà entre apostrophes", " =1", "#N/A", ""]


def written(payload: str) -> str:
    """A text as a CSV or an XLSX gives it back: line ends are line feeds (XML reads a carriage return so)."""
    return payload.replace("\r", "\n")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_formula_text_gets_an_apostrophe_in_csv_and_the_import_takes_it_off(payload):
    assert cells.csv_value(payload) == "'" + written(payload)
    assert cells.read_csv_text(cells.csv_value(payload)) == written(payload)


@pytest.mark.parametrize("text", HARMLESS)
def test_other_texts_are_written_and_read_as_they_are(text):
    assert cells.csv_value(text) == text
    assert cells.read_csv_text(text) == text


def test_numbers_dates_and_verbatim_texts_stay_what_they_are_in_csv():
    values = [-2, -2.5, Decimal("-3.75"), datetime.date(2025, 5, 1), Verbatim("-2,5"), None, True]
    assert [cells.csv_value(value) for value in values] == values
    assert cells.csv_value(gettext_lazy("=traduit")) == "'=traduit"


def test_the_csv_writer_neutralises_every_text_cell_and_keeps_the_rest():
    text = cells.write_csv([["titre", "emplois"], *[[payload, -1] for payload in PAYLOADS]], delimiter=";")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows == [["titre", "emplois"], *[["'" + written(payload), "-1"] for payload in PAYLOADS]]


@pytest.mark.parametrize("write_only", [True, False], ids=["write-only", "ordinary"])
def test_xlsx_texts_are_string_cells_and_numbers_and_dates_keep_their_type(write_only):
    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet("Données") if write_only else workbook.active
    day, moment = datetime.date(2025, 5, 1), datetime.datetime(2025, 5, 1, 9, 30)
    for payload in [*PAYLOADS, *HARMLESS[:-1]]:
        cells.append_row(sheet, [payload, -2.5, -2, day, moment, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    reloaded = load_workbook(io.BytesIO(buffer.getvalue()))
    rows = list(reloaded.worksheets[0].iter_rows())
    assert len(rows) == len(PAYLOADS) + len(HARMLESS) - 1
    for row, payload in zip(rows, [*PAYLOADS, *HARMLESS[:-1]], strict=True):
        text, decimal, integer, date_cell, moment_cell = row[:5]
        assert (text.data_type, text.value) == ("s", written(payload))
        assert (decimal.data_type, decimal.value, integer.value) == ("n", -2.5, -2)
        assert date_cell.is_date and date_cell.value == datetime.datetime(2025, 5, 1)
        assert date_cell.number_format == cells.DATE_FORMAT
        assert moment_cell.value == moment and moment_cell.number_format == cells.DATETIME_FORMAT


def test_characters_an_xlsx_cannot_hold_are_dropped_instead_of_failing_the_export():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Données")
    cells.append_row(sheet, ["=1\x01\x0b+2"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    cell = load_workbook(io.BytesIO(buffer.getvalue())).worksheets[0]["A1"]
    assert (cell.data_type, cell.value) == ("s", "=1+2")


# The meta-test: a writer elsewhere than core/cells.py could forget the rule.
_SHEET_NAME = re.compile(r"(^|_)(ws|sheet|worksheet|active)$")
_CSV_WRITERS = {"writer", "DictWriter"}
_CELL_MAKERS = {"WriteOnlyCell", "Cell"}


def _receiver_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def bypasses(source: str) -> list[str]:
    """The spreadsheet writes of `source` that do not go through core.cells, as « line: what »."""
    found = []
    for node in ast.walk(ast.parse(source)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.ImportFrom) and node.module == "csv":
            found += [f"{line}: from csv import {a.name}" for a in node.names if a.name in _CSV_WRITERS]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("openpyxl"):
            found += [f"{line}: import {a.name}" for a in node.names if a.name in _CELL_MAKERS]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner, name = _receiver_name(node.func.value), node.func.attr
            if owner == "csv" and name in _CSV_WRITERS:
                found.append(f"{line}: csv.{name}")
            elif name == "append" and _SHEET_NAME.search(owner):
                found.append(f"{line}: {owner}.append")
            elif name == "cell" and _SHEET_NAME.search(owner):
                found.append(f"{line}: {owner}.cell")
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found += [f"{line}: .value =" for t in targets if isinstance(t, ast.Attribute) and t.attr == "value"]
    return found


def test_the_scan_catches_every_way_of_writing_a_cell():
    planted = """
import csv
from csv import DictWriter, writer
from openpyxl.cell import WriteOnlyCell
w = csv.writer(buffer)
d = csv.DictWriter(buffer, fieldnames=[])
sheet.append(["=1"])
ws.append(row)
workbook.active.append(row)
summary_sheet.append(row)
worksheet.cell(row=1, column=1, value="=1")
cell.value = "=1"
sheet["A1"].value = "=1"
"""
    assert len(bypasses(planted)) == 12
    assert bypasses("rows.append(1)\nsheets.append(sheet)\nvalue = 1\nreader = csv.reader(f)\n") == []


def test_no_module_writes_a_spreadsheet_cell_except_core_cells():
    modules = [path for path in (ROOT / "fabrique").rglob("*.py") if path != CELLS_MODULE]
    assert len(modules) > 100 and ROOT / "fabrique" / "reporting" / "exports.py" in modules
    found = {
        str(path.relative_to(ROOT)): hits for path in modules if (hits := bypasses(path.read_text(encoding="utf-8")))
    }
    assert found == {}, f"Passez par fabrique/core/cells.py : {found}"
    assert bypasses(CELLS_MODULE.read_text(encoding="utf-8"))  # the one place that writes cells


def test_the_csv_writer_defaults_to_commas_and_line_feeds():
    assert cells.write_csv([["titre", "emplois"], ["=1", -1], ["a\r\nb", None]]) == 'titre,emplois\n\'=1,-1\n"a\nb",\n'


def test_a_row_font_goes_on_each_of_its_cells_even_an_empty_one():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Données")
    cells.append_row(sheet, ["Titre", None, "Emplois"], font=Font(bold=True))
    cells.append_row(sheet, ["Garage", None, 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    header, row = load_workbook(io.BytesIO(buffer.getvalue())).worksheets[0].iter_rows(max_col=3)
    assert [(cell.value, cell.font.bold) for cell in header] == [("Titre", True), (None, True), ("Emplois", True)]
    assert [(cell.value, cell.font.bold) for cell in row] == [("Garage", False), (None, False), (3, False)]


def test_a_lazy_translation_is_a_string_cell_in_xlsx_too():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Données")
    cells.append_row(sheet, [gettext_lazy("=traduit")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    cell = load_workbook(io.BytesIO(buffer.getvalue())).worksheets[0]["A1"]
    assert (cell.data_type, cell.value) == ("s", "=traduit")
