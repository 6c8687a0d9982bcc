"""An XLSX is an archive: the import checks it with `core.uploads` before openpyxl opens it, so a workbook
that inflates to 1 GiB of rows is refused at once, in French, and nothing is written."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fabrique.method.models import Need
from fabrique.reporting.imports import reader, run_import
from tests.core import archives
from tests.core.test_uploads import PEAK_LIMIT, peak_while

from .test_imports import snapshot


@pytest.fixture
def openpyxl_never_opens(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl opened a workbook the content check should have refused")

    monkeypatch.setattr(reader, "load_workbook", refuse)


@pytest.mark.parametrize("kind", ["xlsx_bomb", "lying", "ratio", "entries"])
def test_a_hostile_workbook_is_reported_before_openpyxl_opens_it(structure, openpyxl_never_opens, kind):
    content = archives.xlsx_bomb() if kind == "xlsx_bomb" else archives.HOSTILE[kind]()
    before = snapshot()
    reports = []
    peak = peak_while(lambda: reports.append(run_import("needs", content, "besoins.xlsx", structure=structure)))
    assert len(reports[0].problems) == 1
    problem = reports[0].problems[0]
    assert (problem.row, problem.value) == (None, "besoins.xlsx")
    assert problem.message.startswith("Le fichier «\u00a0besoins.xlsx\u00a0» est refusé\u00a0: ")
    assert peak < PEAK_LIMIT
    assert snapshot() == before


def test_the_import_page_refuses_the_bomb_and_writes_nothing(member, structure, client_for):
    upload = SimpleUploadedFile("besoins.xlsx", archives.xlsx_bomb())
    responses = []
    client = client_for(member)
    peak = peak_while(
        lambda: responses.append(
            client.post("/indicateurs/import/", {"kind": "needs", "structure": "tag-test", "file": upload})
        )
    )
    assert responses[0].status_code == 200
    text = html.unescape(responses[0].content.decode()).replace("\u00a0", " ")
    assert "Le fichier « besoins.xlsx » est refusé : une fois décompressé, il occuperait 1024,0 Mo" in text
    assert "rien n'a été enregistré" in text
    assert peak < PEAK_LIMIT
    assert Need.objects.count() == 0


def test_a_document_that_is_not_a_workbook_is_still_called_unreadable(structure):
    report = run_import("needs", archives.real_docx(), "besoins.xlsx", structure=structure)
    assert [p.message for p in report.problems] == [
        "Ce classeur XLSX est illisible ou abîmé : enregistrez-le à nouveau."
    ]


def test_an_exported_csv_cell_comes_back_without_its_apostrophe(structure):
    content = (
        "Structure;Intitulé;Thème;Département;Origine;Détecté le\r\ntag-test;'=1+1;mobility;29;elected;2025-04-01\r\n"
    )
    report = run_import("needs", content.encode(), "besoins.csv", structure=structure)
    assert report.ok, report.problems
    assert Need.objects.get().title == "=1+1"


def test_the_import_page_reads_no_more_of_an_upload_than_the_limit_and_one_byte(
    member, structure, client_for, monkeypatch
):
    from fabrique.reporting.views import imports as views

    read = []
    monkeypatch.setattr(
        views,
        "run_import",
        lambda kind, content, name, **kw: read.append(len(content)) or run_import(kind, content, name, **kw),
    )
    upload = SimpleUploadedFile("besoins.csv", b"a;b\r\n" * (5 * 1024 * 1024))  # 25 MB
    response = client_for(member).post(
        "/indicateurs/import/", {"kind": "needs", "structure": "tag-test", "file": upload}
    )
    assert read == [reader.MAX_BYTES + 1]
    assert "Le fichier dépasse 20 Mo : découpez-le." in html.unescape(response.content.decode())
    assert Need.objects.count() == 0
