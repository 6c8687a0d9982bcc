"""Imports: a good file imports, the same file again changes nothing, every bad file says precisely why and
writes nothing."""

import datetime
import io

import pytest
from openpyxl import Workbook

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import NeedSource, Stage
from fabrique.method.models import Need, Project, ProjectStageLog
from fabrique.network.models import Partner, Partnership, Structure
from fabrique.reporting.imports import run_import

NEEDS_CSV = (
    "Structure;Intitulé;Thème;Département;Origine;Détecté le;Commune\r\n"
    "tag-test;Garde d'enfants en horaires décalés;petite enfance et famille;29;habitant·e;12/03/2025;Morlaix\r\n"
    "tag-test;Pas de bus le dimanche;mobility;29;elected;2025-04-01;Carhaix\r\n"
)


def xlsx(header, *rows, title="Données") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def snapshot():
    return (
        list(Need.objects.order_by("pk").values()),
        list(Project.objects.order_by("pk").values()),
        list(Partner.objects.order_by("pk").values()),
        list(Partnership.objects.order_by("pk").values()),
        list(Structure.objects.order_by("pk").values()),
        ProjectStageLog.objects.count(),
    )


def test_a_well_formed_needs_csv_imports_and_the_same_file_again_changes_nothing(structure):
    report = run_import("needs", NEEDS_CSV.encode(), "besoins.csv")
    assert report.ok, report.problems
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    need = Need.objects.get(title="Garde d'enfants en horaires décalés")
    assert (need.theme, need.source, need.detected_on.isoformat(), need.departement_id) == (
        Theme.EARLY_CHILDHOOD,
        NeedSource.INHABITANT,
        "2025-03-12",
        "29",
    )
    assert need.history.first().history_change_reason == "Import"
    before = snapshot()
    again = run_import("needs", NEEDS_CSV.encode(), "besoins.csv")
    assert again.ok and (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert snapshot() == before


def test_a_dry_run_reports_what_would_change_and_writes_nothing(structure):
    report = run_import("needs", NEEDS_CSV.encode(), "besoins.csv", dry_run=True)
    assert report.ok and report.created == 2
    assert "Essai" in report.summary()
    assert Need.objects.count() == 0


def test_an_xlsx_with_code_headers_imports_dates_and_numbers_typed(structure):
    import datetime

    content = xlsx(
        ["structure", "title", "theme", "departement", "source", "detected_on"],
        ["tag-test", "Épicerie solidaire", "alimentation", 29, "association", datetime.datetime(2025, 1, 6)],
    )
    report = run_import("needs", content, "besoins.xlsx")
    assert report.ok, report.problems
    assert Need.objects.get().detected_on == datetime.date(2025, 1, 6)


def problems_of(report):
    return [(p.row, p.column, p.value, p.message) for p in report.problems]


def test_a_missing_column_is_reported_on_the_header_row(structure):
    content = "Structure;Intitulé;Thème;Origine;Détecté le\r\ntag-test;Un besoin;mobilité;habitant·e;01/02/2025\r\n"
    report = run_import("needs", content.encode(), "besoins.csv")
    assert problems_of(report) == [
        (1, "Département", "", "Colonne obligatoire absente (en-tête « Département » ou « departement »).")
    ]
    assert Need.objects.count() == 0


def test_a_wrong_date_names_its_row_column_and_value_and_nothing_is_written(structure):
    content = NEEDS_CSV + "tag-test;Un troisième;mobilité;29;habitant·e;31/02/2025;Brest\r\n"
    report = run_import("needs", content.encode(), "besoins.csv")
    assert problems_of(report) == [(4, "Détecté le", "31/02/2025", "Date attendue au format JJ/MM/AAAA ou AAAA-MM-JJ.")]
    assert Need.objects.count() == 0


def test_an_unknown_departement_is_reported(structure):
    content = NEEDS_CSV.replace(";29;elected", ";20;elected")
    report = run_import("needs", content.encode(), "besoins.csv")
    assert problems_of(report) == [
        (3, "Département", "20", "Département inconnu (code INSEE attendu, par exemple 29, 2A ou 974).")
    ]
    assert Need.objects.count() == 0


def test_a_duplicate_row_is_reported_with_the_row_it_repeats(structure):
    lines = NEEDS_CSV.splitlines()
    content = "\r\n".join([*lines, lines[1]]) + "\r\n"
    report = run_import("needs", content.encode(), "besoins.csv")
    assert problems_of(report) == [(4, "Intitulé", "2025-03-12", "Ligne en double : déjà présente ligne 2.")] or [
        p.message for p in report.problems
    ] == ["Ligne en double : déjà présente ligne 2."]
    assert Need.objects.count() == 0


def test_an_empty_file_and_a_zero_byte_upload_are_reported(structure):
    header_only = run_import("needs", NEEDS_CSV.splitlines()[0].encode(), "besoins.csv")
    assert [p.message for p in header_only.problems] == [
        "Le fichier ne contient aucune ligne de données sous les en-têtes."
    ]
    zero = run_import("needs", b"", "besoins.csv")
    assert [p.message for p in zero.problems] == ["Le fichier est vide (0 octet)."]
    blank = run_import("needs", b"\r\n\r\n", "besoins.csv")
    assert blank.problems
    assert Need.objects.count() == 0


def test_a_non_xlsx_file_renamed_xlsx_is_reported(structure):
    report = run_import("needs", b"%PDF-1.4 not a workbook", "besoins.xlsx")
    assert [p.message for p in report.problems] == [
        "Le fichier porte l'extension .xlsx mais n'est pas un classeur Excel : enregistrez-le au format XLSX ou CSV."
    ]
    broken = run_import("needs", b"PK\x03\x04broken zip", "besoins.xlsx")
    assert broken.problems[0].message.startswith("Ce classeur XLSX est illisible")
    assert Need.objects.count() == 0


def test_windows_1252_accents_and_comma_separators_are_read(structure):
    content = (
        "Structure,Intitulé,Thème,Département,Origine,Détecté le\r\n"
        "tag-test,Café associatif à Pleyben,culture et loisirs,29,élu·e,05/05/2025\r\n"
    ).replace("élu·e", "élu")
    report = run_import("needs", content.encode("cp1252"), "besoins.csv")
    assert [p.message for p in report.problems] == [
        "Valeur inconnue ; valeurs possibles : élu·e, association, habitant·e, entreprise, institution, "
        "diagnostic territorial, séance de créativité."
    ]
    fixed = content.replace(",élu,", ",elected,")
    report = run_import("needs", fixed.encode("cp1252"), "besoins.csv")
    assert report.ok, report.problems
    assert "Windows-1252" in " ".join(report.notices)
    assert Need.objects.get().title == "Café associatif à Pleyben"


def test_a_model_rule_broken_on_one_row_rolls_back_every_row(structure):
    content = NEEDS_CSV + "tag-test;Écarté sans motif;mobilité;29;habitant·e;01/06/2025;Brest\r\n"
    content = content.replace("Commune\r\n", "Commune;Statut du besoin\r\n").replace("Brest\r\n", "Brest;écarté\r\n")
    report = run_import("needs", content.encode(), "besoins.csv")
    assert problems_of(report) == [(4, "Motif", "", "Indiquez pourquoi ce besoin est écarté.")]
    assert Need.objects.count() == 0


def test_an_import_for_one_structure_refuses_rows_of_another(structure, other_structure):
    content = NEEDS_CSV.replace("tag-test;Pas de bus", "autre-fabrique;Pas de bus")
    report = run_import("needs", content.encode(), "besoins.csv", structure=structure)
    assert [(p.row, p.message) for p in report.problems] == [
        (3, "Cet import ne concerne que la structure « tag-test ».")
    ]
    without_column = "\r\n".join(line.split(";", 1)[1] for line in NEEDS_CSV.splitlines()) + "\r\n"
    assert run_import("needs", without_column.encode(), "besoins.csv", structure=structure).created == 2


def test_a_structure_admin_imports_only_into_their_structure(structure, other_structure, member):
    content = NEEDS_CSV.replace("tag-test;Pas de bus", "autre-fabrique;Pas de bus")
    report = run_import("needs", content.encode(), "besoins.csv", user=member)
    assert [(p.row, p.message) for p in report.problems] == [(3, "Vous n'administrez pas cette structure.")]


PROJECTS_CSV = (
    "Structure;Intitulé;Thème;Départements;Détecté le;Étape;Étape depuis le;Arrêté à l'étape;Motif de l'arrêt;"
    "Date de création;Forme juridique de l'activité;Emplois créés (ETP)\r\n"
    "tag-test;Garage solidaire;mobilité;29;01/02/2024;étude d'opportunité;01/06/2024;;;;;\r\n"
    "tag-test;Conciergerie;services de proximité;29, 22;01/02/2023;activité créée;;;;15/09/2024;SCIC;2,5\r\n"
    "tag-test;Ressourcerie;environnement et réemploi;29;01/02/2023;abandonné;01/03/2024;opportunity;Pas de local;;;\r\n"
)


def test_projects_import_writes_a_stage_log_that_ends_at_the_stage(structure):
    report = run_import("projects", PROJECTS_CSV.encode(), "projets.csv")
    assert report.ok, report.problems
    for project in Project.objects.all():
        last = project.stage_log.order_by("changed_at", "pk").last()
        assert last.to_status == project.stage
    conciergerie = Project.objects.get(title="Conciergerie")
    assert conciergerie.outcome.jobs_fte == 2.5 and sorted(d.pk for d in conciergerie.departements.all()) == [
        "22",
        "29",
    ]
    # along the method's table; the stages in between have no date in the file
    assert [(r.from_status, r.to_status, r.transition, r.via, r.dated) for r in conciergerie.stage_log.all()] == [
        ("", "detection", "open", "import", True),
        ("detection", "opportunity", "study_opportunity", "import", False),
        ("opportunity", "transmission", "transmit", "import", False),
        ("transmission", "feasibility", "study_feasibility", "import", False),
        ("feasibility", "launch", "launch", "import", False),
        ("launch", "created", "create_activity", "import", True),
    ]
    assert [r.changed_at.date() for r in conciergerie.stage_log.all()] == [datetime.date(2023, 2, 1)] + [
        datetime.date(2024, 9, 15)
    ] * 5
    ressourcerie = Project.objects.get(title="Ressourcerie")
    assert (ressourcerie.stage, ressourcerie.stopped_at) == (Stage.ABANDONED, Stage.OPPORTUNITY)
    again = run_import("projects", PROJECTS_CSV.encode(), "projets.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_a_project_moving_stage_on_reimport_gets_one_more_log_row(structure):
    run_import("projects", PROJECTS_CSV.encode(), "projets.csv")
    moved = PROJECTS_CSV.replace("étude d'opportunité;01/06/2024", "transmission;01/09/2024")
    report = run_import("projects", moved.encode(), "projets.csv")
    assert (report.updated, report.unchanged) == (1, 2)
    garage = Project.objects.get(title="Garage solidaire")
    assert garage.stage == Stage.TRANSMISSION
    assert garage.stage_log.order_by("pk").last().from_status == Stage.OPPORTUNITY


def test_project_stage_rules_are_checked_before_writing(structure):
    content = PROJECTS_CSV.replace("15/09/2024;SCIC", ";SCIC").replace(";opportunity;Pas de local", ";;Pas de local")
    report = run_import("projects", content.encode(), "projets.csv")
    messages = {(p.row, p.column): p.message for p in report.problems}
    assert messages[(3, "Date de création")] == "Une activité créée a une date de création et une forme juridique."
    assert messages[(4, "Arrêté à l'étape")].startswith("Pour un projet en pause ou abandonné")
    assert Project.objects.count() == 0


@pytest.mark.parametrize("kind", ["structures", "partners", "needs", "projects"])
def test_every_kind_has_a_template_that_imports_as_an_empty_file(db, kind):
    from fabrique.reporting.imports.templates import csv_template, xlsx_template

    assert xlsx_template(kind).startswith(b"PK")
    report = run_import(kind, csv_template(kind), f"{kind}.csv")
    assert [p.message for p in report.problems] == ["Le fichier ne contient aucune ligne de données sous les en-têtes."]
