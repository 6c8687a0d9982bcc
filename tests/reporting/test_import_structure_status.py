"""An import changes a structure's status only by the status table's transitions, as the verbs do: a jump the
table refuses is a problem on its row, in French, and nothing is written."""

import pytest

from fabrique.network.enums import StructureStatus as S
from fabrique.network.models import Structure, StructureStatusLog
from fabrique.reporting.imports import run_import
from tests.factories import StructureFactory

HEADER = "Identifiant;Nom;Départements;Statut;Adhésion le;En expérimentation depuis;Appellation obtenue le\r\n"


def _csv(status: str, joined: str = "", labelled: str = "") -> bytes:
    return (HEADER + f"tag-import;TAg Import;29;{status};{joined};{joined};{labelled}\r\n").encode()


@pytest.mark.parametrize(
    ("start", "status", "message"),
    [
        (S.CANDIDATE, "avec appellation", "Impossible d'accorder l'appellation : la structure est « candidate »."),
        (S.EXPERIMENTING, "avec appellation", "L'appellation est accordée par le comité de pairs."),
        (S.WITHDRAWN, "avec appellation", "Impossible d'accorder l'appellation : la structure est « retirée »."),
        (S.LABELLED, "candidate", "Impossible de créer la fiche : la structure est « avec appellation »."),
    ],
)
def test_a_status_jump_the_table_refuses_is_a_problem_on_its_row(db, start, status, message):
    structure = StructureFactory(slug="tag-import", name="TAg Import", departements=["29"], status=start)
    report = run_import("structures", _csv(status), "structures.csv")
    assert [(p.row, p.column, p.message) for p in report.problems] == [(2, "Statut", message)]
    structure.refresh_from_db()
    assert structure.status == start
    assert not StructureStatusLog.objects.filter(structure=structure).exists()


def test_an_allowed_status_change_is_the_verb_with_its_log_row_via_import(db, coordinator):
    structure = StructureFactory(slug="tag-import", name="TAg Import", departements=["29"], status=S.CANDIDATE)
    report = run_import("structures", _csv("en expérimentation", "01/02/2024"), "structures.csv", user=coordinator)
    assert report.ok, report.problems
    structure.refresh_from_db()
    assert (structure.status, str(structure.joined_on)) == (S.EXPERIMENTING, "2024-02-01")
    log = structure.status_log.get()
    assert (log.from_status, log.to_status, log.transition, log.via, log.changed_by) == (
        S.CANDIDATE,
        S.EXPERIMENTING,
        "admit",
        "import",
        coordinator,
    )


def test_a_new_labelled_structure_arrives_with_the_table_s_path_to_its_status(db):
    report = run_import("structures", _csv("avec appellation", "01/02/2020", "15/06/2023"), "structures.csv")
    assert report.ok, report.problems
    structure = Structure.objects.get(slug="tag-import")
    rows = structure.status_log.order_by("changed_at", "pk")
    assert [(r.from_status, r.to_status, r.transition, r.via) for r in rows] == [
        ("", S.CANDIDATE, "create", "import"),
        (S.CANDIDATE, S.EXPERIMENTING, "admit", "import"),
        (S.EXPERIMENTING, S.LABELLED, "grant_appellation", "import"),
    ]
    assert str(rows.last().changed_at.date()) == "2023-06-15"
