"""A workbook's « Journal des étapes » sheet is checked against the method's table before anything is written."""

import datetime
import io

from openpyxl import Workbook

from fabrique.method.models import Project, ProjectStageLog
from fabrique.reporting.imports import run_import

PROJECTS = [
    ["Identifiant du projet", "Structure", "Intitulé", "Thème", "Départements", "Détecté le", "Étape"],
    ["garage", "tag-test", "Garage solidaire", "mobilité", "29", datetime.date(2024, 2, 1), "étude de faisabilité"],
]
LOG_HEADER = ["Identifiant du projet", "De l'étape", "Vers l'étape", "Le"]


def workbook(*log_rows) -> bytes:
    book = Workbook()
    projects = book.active
    projects.title = "Projets"
    for row in PROJECTS:
        projects.append(row)
    log = book.create_sheet("Journal des étapes")
    log.append(LOG_HEADER)
    for day, (from_stage, to_stage) in enumerate(log_rows, start=1):
        log.append(["garage", from_stage, to_stage, datetime.datetime(2024, 2, day, 12)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_log_following_the_table_is_written_with_its_transitions_by_the_import(structure):
    content = workbook(
        ("", "détection"),
        ("détection", "étude d'opportunité"),
        ("étude d'opportunité", "transmission à un porteur"),
        ("transmission à un porteur", "étude de faisabilité"),
    )
    report = run_import("projects", content, "projets.xlsx")
    assert report.ok, report.problems
    log = Project.objects.get(slug="garage").stage_log.all()
    assert [(row.transition, row.via, row.dated) for row in log] == [
        ("open", "import", True),
        ("study_opportunity", "import", True),
        ("transmit", "import", True),
        ("study_feasibility", "import", True),
    ]


def test_a_log_skipping_a_stage_is_refused_on_its_row_and_nothing_is_written(structure):
    content = workbook(("", "détection"), ("détection", "étude de faisabilité"))
    report = run_import("projects", content, "projets.xlsx")
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (3, "Vers l'étape", "Changement impossible de « détection » à « étude de faisabilité »."),
    ]
    assert not Project.objects.exists() and not ProjectStageLog.objects.exists()
