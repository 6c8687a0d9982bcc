import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tests.conftest import ROLES
from tests.method.factories import ProjectFactory


def _csv_rows(response, delimiter=";"):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def test_needs_csv_is_utf8_with_bom_semicolons_french_headers_and_french_dates(network, client_for, member):
    response = client_for(member).get("/indicateurs/exports/needs.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv_rows(response)
    header = rows[0]
    assert header[:4] == ["Structure", "Intitulé", "Description", "Thème"]
    dates = {row[header.index("Détecté le")] for row in rows[1:]}
    assert "01/05/2025" in dates
    assert {row[header.index("Thème")] for row in rows[1:]} >= {"alimentation", "mobilité"}


def test_the_csv_separator_is_a_setting(network, client_for, member, settings):
    settings.EXPORT_CSV_DELIMITER = ","
    rows = _csv_rows(client_for(member).get("/indicateurs/exports/projects.csv"), delimiter=",")
    header = rows[0]
    jobs = [row[header.index("Emplois créés (ETP)")] for row in rows[1:] if row[header.index("Emplois créés (ETP)")]]
    assert jobs == ["2.5"]


def test_decimal_comma_with_the_default_separator(network, client_for, member):
    rows = _csv_rows(client_for(member).get("/indicateurs/exports/projects.csv"))
    header = rows[0]
    assert [r[header.index("Emplois créés (ETP)")] for r in rows[1:] if r[header.index("Emplois créés (ETP)")]] == [
        "2,5"
    ]


def test_projects_xlsx_has_typed_cells_a_frozen_header_and_the_stage_log_sheet(network, client_for, coordinator):
    response = client_for(coordinator).get("/indicateurs/exports/projects.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Projets", "Journal des étapes"]
    sheet = workbook["Projets"]
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Identifiant du projet", "Structure", "Intitulé"]
    assert sheet[1][0].font.bold
    rows = [dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    garage = next(r for r in rows if r["Intitulé"] == "Garage solidaire")
    assert garage["Détecté le"] == datetime.datetime(2024, 10, 1)
    assert garage["Date de création"] == datetime.datetime(2025, 10, 7)
    assert garage["Emplois créés (ETP)"] == 2.5
    assert garage["Activité publique"] is True
    assert garage["Étape"] == "activité créée"
    log = workbook["Journal des étapes"]
    assert log.freeze_panes == "A2"
    assert log.max_row - 1 == 6 + 3 + 2 + 6 + 6 + 3  # every log row of the six projects
    assert isinstance(log.cell(row=2, column=4).value, datetime.datetime)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_each_reader_exports_only_what_they_may_read(network, persona, client_for):
    name, user = persona
    response = client_for(user).get("/indicateurs/exports/needs.csv")
    if name == "anonymous":
        assert response.status_code == 302 and "/comptes/connexion/" in response["Location"]
        return
    structures = {row[0] for row in _csv_rows(response)[1:]}
    expected = {
        "coordinator": {"tag-test", "autre-fabrique"},
        "member": {"tag-test"},
        "other_member": {"autre-fabrique"},
    }
    assert structures == expected[name]


def test_a_structures_projects_and_people_never_reach_another_structures_export(network, client_for, other_member):
    content = client_for(other_member).get("/indicateurs/exports/projects.xlsx").content
    workbook = load_workbook(io.BytesIO(content))
    titles = {row[2].value for row in workbook["Projets"].iter_rows(min_row=2)}
    assert titles == {"Recyclerie", "Creche parentale", "Transport a la demande"}
    projects = {row[0].value for row in workbook["Journal des étapes"].iter_rows(min_row=2)}
    assert projects == {"recyclerie", "creche-parentale", "transport-a-la-demande"}


def test_partners_export_lists_partnerships_of_readable_structures(network, client_for, member, coordinator):
    rows = _csv_rows(client_for(member).get("/indicateurs/exports/partners.csv"))
    assert {(r[0], r[1]) for r in rows[1:]} >= {
        ("tag-test", "Conseil départemental"),
        ("autre-fabrique", "Association amie"),
    }
    assert {r[2] for r in rows[1:]} >= {"collectivité territoriale", "financeur"}


def test_indicators_export_follows_the_rights_of_the_selection(network, client_for, member, other_member, client):
    rows = _csv_rows(client_for(member).get("/indicateurs/exports/indicateurs.csv?annee=2025&structure=tag-test"))
    values = {r[2]: r[4] for r in rows[1:]}
    assert values["needs_total"] == "2" and values["sessions"] == "2" and values["median_days.opportunity"] == "75"
    assert client_for(other_member).get("/indicateurs/exports/indicateurs.csv?structure=tag-test").status_code == 403
    assert client.get("/indicateurs/exports/indicateurs.csv?structure=tag-test").status_code == 302
    workbook = load_workbook(io.BytesIO(client.get("/indicateurs/exports/indicateurs.xlsx?annee=2025").content))
    rows = list(workbook.active.iter_rows(min_row=2, values_only=True))
    assert ("needs_total", 3) in {(r[2], r[4]) for r in rows}


@pytest.mark.parametrize("kind", ["structures", "partners", "needs", "projects", "stage_log"])
def test_exports_cost_the_same_number_of_queries_for_3_and_30_projects(structure, coordinator, client_for, kind):
    client = client_for(coordinator)
    fmt = "csv"

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/indicateurs/exports/{kind}.{fmt}").status_code == 200
        return len(ctx.captured_queries)

    ProjectFactory.create_batch(3, structure=structure)
    few = count()
    ProjectFactory.create_batch(27, structure=structure)
    assert count() == few


def test_unknown_kinds_and_formats_are_not_found(db, client_for, coordinator):
    client = client_for(coordinator)
    assert client.get("/indicateurs/exports/secrets.csv").status_code == 404
    assert client.get("/indicateurs/exports/needs.pdf").status_code == 404
    assert client.get("/indicateurs/exports/stage_log.xlsx").status_code == 404


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_exports_page_is_for_logged_in_readers(db, persona, client_for):
    name, user = persona
    response = client_for(user).get("/indicateurs/exports/")
    if name == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 200
        assert b"/indicateurs/exports/needs.xlsx" in response.content
