"""A structure's city, a project's or a need's title set to a formula reaches the coordination's exports and the
public open data as text: an apostrophe before it in CSV, a string cell in XLSX; numbers and dates unchanged."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from fabrique.method.models import Need, Project
from fabrique.network.models import Structure
from tests.core.test_cells import PAYLOADS, written


@pytest.fixture
def poisoned(request, network, structure):
    """The payload as the city of structure A, the title of its public created activity and of one of its needs."""
    payload = request.param
    Structure.objects.filter(pk=structure.pk).update(city=payload)
    Project.objects.filter(pk=network.projects["p1"].pk).update(title=payload)
    Need.objects.filter(pk=Need.objects.filter(structure=structure).order_by("pk").first().pk).update(title=payload)
    return payload


def _workbook(client, kind: str):
    response = client.get(f"/indicateurs/exports/{kind}.xlsx")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def _cells(workbook):
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("poisoned", PAYLOADS, indirect=True)
@pytest.mark.parametrize(("kind", "column"), [("structures", "Ville"), ("projects", "Intitulé"), ("needs", "Intitulé")])
def test_the_coordination_s_xlsx_exports_hold_the_formula_as_a_string_cell(
    poisoned, kind, column, client_for, coordinator
):
    workbook = _workbook(client_for(coordinator), kind)
    everything = _cells(workbook)
    assert everything and not [cell.coordinate for cell in everything if cell.data_type == "f"]
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    hits = [row[header.index(column)] for row in sheet.iter_rows(min_row=2) if row[header.index(column)].value]
    hits = [cell for cell in hits if cell.value == written(poisoned)]
    assert len(hits) == 1
    assert hits[0].data_type == "s"


@pytest.mark.parametrize("poisoned", PAYLOADS[:3], indirect=True)
def test_numbers_and_dates_stay_typed_beside_a_formula_text(poisoned, client_for, coordinator):
    sheet = _workbook(client_for(coordinator), "projects")["Projets"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("Intitulé")].value == written(poisoned))
    assert row[header.index("Emplois créés (ETP)")].value == 2.5
    assert row[header.index("Date de création")].value == datetime.datetime(2025, 10, 7)


@pytest.mark.parametrize("poisoned", PAYLOADS, indirect=True)
@pytest.mark.parametrize(("kind", "column"), [("structures", "Ville"), ("projects", "Intitulé"), ("needs", "Intitulé")])
def test_the_coordination_s_csv_exports_put_an_apostrophe_before_the_formula(
    poisoned, kind, column, client_for, coordinator
):
    response = client_for(coordinator).get(f"/indicateurs/exports/{kind}.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=";"))
    values = [row[rows[0].index(column)] for row in rows[1:]]
    assert "'" + written(poisoned) in values
    assert not [value for value in values if value.startswith(("=", "+", "-", "@", "\t", "\r"))]


@pytest.mark.parametrize("poisoned", PAYLOADS, indirect=True)
@pytest.mark.parametrize(("dataset", "field"), [("structures", "city"), ("activites-creees", "title")])
def test_the_public_open_data_csv_puts_an_apostrophe_before_the_formula(poisoned, dataset, field, client):
    response = client.get(f"/indicateurs/donnees-ouvertes/{dataset}.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode(), newline="")))
    values = [row[field] for row in rows]
    assert "'" + written(poisoned) in values
    assert not [value for value in values if value.startswith(("=", "+", "-", "@", "\t", "\r"))]
    as_json = client.get(f"/indicateurs/donnees-ouvertes/{dataset}.json").json()
    assert poisoned in [item[field] for item in as_json["data"]]  # JSON is no spreadsheet: the text as it is


def test_a_negative_or_decimal_number_in_open_data_is_not_prefixed(network, client):
    rows = list(csv.DictReader(io.StringIO(client.get("/indicateurs/donnees-ouvertes/activites-creees.csv").text)))
    assert sorted(row["jobs_fte"] for row in rows) == ["1.5", "2.5"]


@pytest.mark.parametrize("poisoned", ['=HYPERLINK("http://x","y")'], indirect=True)
def test_an_exported_csv_imported_back_gives_the_original_text(poisoned, client_for, coordinator, structure):
    from fabrique.reporting.imports import run_import

    content = client_for(coordinator).get("/indicateurs/exports/needs.csv").content
    Need.objects.all().delete()
    report = run_import("needs", content, "besoins.csv")
    assert report.ok, [str(p) for p in report.problems]
    assert Need.objects.filter(title=poisoned).count() == 1
