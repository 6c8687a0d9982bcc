"""A structure's administrator imports a spreadsheet of needs: a file with a bad row is refused whole, its problem
named by row and column in French; the corrected file is tried, then imported."""

import re

import pytest
from playwright.sync_api import expect

from fabrique.method.models import Need
from tests.factories import MembershipFactory, StructureFactory

from .browser import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "Intitulé;Thème;Département;Origine;Détecté le;Commune\r\n"
GOOD_ROW = "Garde d'enfants en horaires décalés;petite enfance et famille;22;habitant·e;12/03/2025;Lannion\r\n"
SECOND_ROW = "Pas de bus le dimanche;mobility;22;elected;{day};Paimpol\r\n"
GOOD = HEADER + GOOD_ROW + SECOND_ROW.format(day="2025-04-01")
BAD = HEADER + GOOD_ROW + SECOND_ROW.format(day="31/02/2025")


@pytest.fixture
def admin(territories):
    structure = StructureFactory(name="Fabrique du Trégor", slug="fabrique-du-tregor", departements=["22"])
    return MembershipFactory(structure=structure, user__email="tregor@example.org").user


def send(page, content: str, *, dry_run: bool) -> None:
    page.get_by_label("Ce que contient le fichier").select_option(label="Besoins et idées")
    page.get_by_label(re.compile("^Fichier XLSX ou CSV")).set_input_files(
        {"name": "besoins.csv", "mimeType": "text/csv", "buffer": content.encode()}
    )
    page.get_by_label(re.compile("^Essai sans enregistrer")).set_checked(dry_run)
    page.get_by_role("button", name="Vérifier ou importer").click()


def summary(page):
    """The report's summary line, under « Rapport de l'essai » or « Rapport de l'import »."""
    return page.get_by_role("region", name=re.compile("^Rapport de l")).get_by_role("status")


def test_an_import_with_a_bad_row_writes_nothing_then_the_corrected_file_goes_in(admin, live_server, signed_in):
    page = signed_in("tregor@example.org")
    page.goto(f"{live_server.url}/indicateurs/import/")
    assert_accessible(page)

    # Row 3 (row 1 is the header) has a date that does not exist: nothing is written, even the good row 2.
    send(page, BAD, dry_run=False)
    expect(page.get_by_role("heading", name="Rapport de l'import")).to_be_visible()
    expect(summary(page)).to_have_text("1 problème(s) : rien n'a été enregistré.")
    problem = page.get_by_role("table", name="Problèmes à corriger dans le fichier").locator("tbody tr")
    expect(problem).to_have_count(1)
    expect(problem.locator("td")).to_have_text(
        ["3", "Détecté le", "31/02/2025", "Date attendue au format JJ/MM/AAAA ou AAAA-MM-JJ."]
    )
    assert_accessible(page)
    assert not Need.objects.exists()

    # The corrected file: tried first, then imported.
    send(page, GOOD, dry_run=True)
    expect(summary(page)).to_have_text(
        "Essai sans enregistrer : 2 ligne(s) lues, 2 à créer, 0 à modifier, 0 inchangée(s)."
    )
    assert_accessible(page)
    assert not Need.objects.exists()
    send(page, GOOD, dry_run=False)
    expect(summary(page)).to_have_text("2 ligne(s) lues : 2 créée(s), 0 modifiée(s), 0 inchangée(s).")
    assert_accessible(page)
    needs = Need.objects.filter(structure__slug="fabrique-du-tregor").order_by("detected_on")
    assert [(need.title, need.commune) for need in needs] == [
        ("Garde d'enfants en horaires décalés", "Lannion"),
        ("Pas de bus le dimanche", "Paimpol"),
    ]
