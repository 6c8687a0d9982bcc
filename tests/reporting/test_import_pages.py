import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fabrique.method.models import Need
from tests.conftest import ROLES
from tests.method.helpers import assert_no_inline_code
from tests.snapshots import assert_unchanged, models_of

from .test_imports import NEEDS_CSV


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_import_page_is_for_the_coordinator_and_structure_admins(persona, client_for):
    name, user = persona
    response = client_for(user).get("/indicateurs/import/")
    # both members are admins of their structure
    expected = {"coordinator": 200, "member": 200, "other_member": 200, "anonymous": 302}[name]
    assert response.status_code == expected
    if expected == 200:
        html = response.content.decode()
        assert_no_inline_code(html)
        assert ("/indicateurs/import/modele/structures.xlsx" in html) == (name == "coordinator")
        assert "/indicateurs/import/modele/needs.csv" in html
        assert ('value="tag-test"' in html) == (name in ("coordinator", "member"))


def test_a_structure_staff_member_may_not_import(staff_member, client_for):
    assert client_for(staff_member).get("/indicateurs/import/").status_code == 403


def test_a_structure_admin_dry_runs_then_imports_into_their_structure(member, structure, client_for):
    client = client_for(member)
    upload = SimpleUploadedFile("besoins.csv", NEEDS_CSV.encode(), content_type="text/csv")
    response = client.post(
        "/indicateurs/import/", {"kind": "needs", "structure": "tag-test", "file": upload, "dry_run": "on"}
    )
    assert response.status_code == 200
    assert "Essai sans enregistrer : 2 ligne(s) lues, 2 à créer" in response.content.decode()
    assert Need.objects.count() == 0
    upload = SimpleUploadedFile("besoins.csv", NEEDS_CSV.encode(), content_type="text/csv")
    response = client.post("/indicateurs/import/", {"kind": "needs", "structure": "tag-test", "file": upload})
    assert "2 créée(s)" in response.content.decode()
    assert Need.objects.filter(structure=structure).count() == 2
    assert Need.objects.first().history.first().history_user == member


def test_the_report_lists_each_problem_in_a_table(member, structure, client_for):
    upload = SimpleUploadedFile("besoins.csv", NEEDS_CSV.replace("12/03/2025", "12/13/2025").encode())
    response = client_for(member).post(
        "/indicateurs/import/", {"kind": "needs", "structure": "tag-test", "file": upload}
    )
    html = response.content.decode()
    assert "rien n&#x27;a été enregistré" in html
    assert "<td>2</td><td>Détecté le</td><td>12/13/2025</td>" in html
    assert Need.objects.count() == 0


def test_a_zero_byte_upload_is_reported(member, structure, client_for):
    upload = SimpleUploadedFile("besoins.xlsx", b"")
    response = client_for(member).post(
        "/indicateurs/import/", {"kind": "needs", "structure": "tag-test", "file": upload}
    )
    assert "Le fichier est vide (0 octet)." in response.content.decode()


def test_a_structure_admin_cannot_import_structures_nor_into_another_structure(member, other_structure, client_for):
    client = client_for(member)
    upload = SimpleUploadedFile("s.csv", b"slug;name\r\nx;y\r\n")
    with assert_unchanged(*models_of("network"), *models_of("method"), *models_of("reporting")):
        response = client.post("/indicateurs/import/", {"kind": "structures", "structure": "tag-test", "file": upload})
        assert "Sélectionnez un choix valide" in response.content.decode()
        upload = SimpleUploadedFile("besoins.csv", NEEDS_CSV.encode())
        response = client.post("/indicateurs/import/", {"kind": "needs", "structure": "autre-fabrique", "file": upload})
        assert 'id="id_structure_error"><li>Sélectionnez un choix valide' in response.content.decode()
    assert client.get("/indicateurs/import/modele/structures.xlsx").status_code == 404
    assert client.get("/indicateurs/import/modele/needs.xlsx").status_code == 200
