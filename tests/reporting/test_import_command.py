import pytest
from django.core.management import CommandError, call_command

from fabrique.method.models import Need

from .test_imports import NEEDS_CSV


def test_the_command_imports_a_file_and_prints_a_summary(structure, tmp_path, capsys):
    path = tmp_path / "besoins.csv"
    path.write_bytes(NEEDS_CSV.encode("utf-8-sig"))
    call_command("import", "needs", str(path))
    out, err = capsys.readouterr()
    assert "2 créée(s)" in out
    assert "[##############################] 2/2" in err
    assert Need.objects.count() == 2


def test_the_command_dry_run_writes_nothing(structure, tmp_path, capsys):
    path = tmp_path / "besoins.csv"
    path.write_bytes(NEEDS_CSV.encode())
    call_command("import", "needs", str(path), "--dry-run")
    assert "Essai sans enregistrer" in capsys.readouterr().out
    assert Need.objects.count() == 0


def test_the_command_lists_every_problem_and_fails(structure, tmp_path, capsys):
    path = tmp_path / "besoins.csv"
    path.write_bytes(NEEDS_CSV.replace("12/03/2025", "32/03/2025").replace(";29;elected", ";20;elected").encode())
    with pytest.raises(CommandError, match="2 problème"):
        call_command("import", "needs", str(path), verbosity=0)
    out = capsys.readouterr().out
    assert "ligne 2, Détecté le « 32/03/2025 » : Date attendue" in out
    assert "ligne 3, Département « 20 » : Département inconnu" in out
    assert Need.objects.count() == 0


def test_the_command_imports_for_one_structure(structure, other_structure, tmp_path, capsys):
    path = tmp_path / "besoins.csv"
    path.write_bytes(NEEDS_CSV.encode())
    with pytest.raises(CommandError, match="2 problème"):
        call_command("import", "needs", str(path), "--structure", "autre-fabrique", verbosity=0)
    assert "Cet import ne concerne que la structure « autre-fabrique »" in capsys.readouterr().out
    assert Need.objects.count() == 0
    with pytest.raises(CommandError, match="Structure inconnue"):
        call_command("import", "needs", str(path), "--structure", "nulle-part", verbosity=0)


def test_the_command_writes_a_template(db, tmp_path):
    path = tmp_path / "modele.xlsx"
    call_command("import", "projects", str(path), "--template", verbosity=0)
    assert path.read_bytes().startswith(b"PK")
