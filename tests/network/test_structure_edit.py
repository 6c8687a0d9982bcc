import pytest

from fabrique.network import services
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure
from tests.conftest import ROLES
from tests.network.helpers import assert_redirects_to_login
from tests.snapshots import assert_unchanged

URL = "/structures/tag-test/modifier/"


def _data(structure, **changes):
    data = {
        "name": structure.name,
        "legal_form": "Association loi 1901",
        "parent_network": "TAg BZH",
        "website": "https://tag29.example.org",
        "public_email": "contact@tag29.example.org",
        "city": "Brest",
        "area_label": "Pays de Brest",
        "description": "Nouvelle **présentation**.",
        "departements": ["29", "22"],
        "version": structure.version,
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_edit_page_is_open_to_the_coordinator_and_members_only(persona, client_for):
    name, user = persona
    response = client_for(user).get(URL)
    if name == "anonymous":
        assert_redirects_to_login(response)
    else:
        assert response.status_code == {"coordinator": 200, "member": 200, "other_member": 403}[name]


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_the_coordinator_and_members_can_save_the_presentation(persona, client_for, structure):
    name, user = persona
    with assert_unchanged(Structure, unless=name in {"coordinator", "member"}):
        response = client_for(user).post(URL, _data(structure))
    structure.refresh_from_db()
    if name in {"coordinator", "member"}:
        assert response.status_code == 302 and response["Location"] == "/structures/tag-test/"
        assert structure.city == "Brest" and structure.version == 2
        assert sorted(structure.departements.values_list("code", flat=True)) == ["22", "29"]
        assert structure.history.first().history_user == user
    else:
        assert response.status_code == 302 if name == "anonymous" else response.status_code == 403


def test_edit_of_a_hidden_candidate_is_not_found_for_a_member_of_another_structure(client_for, other_member):
    Structure.objects.filter(slug="tag-test").update(status=StructureStatus.CANDIDATE)
    assert client_for(other_member).get(URL).status_code == 404


def test_the_form_lists_departements_grouped_by_region_with_the_current_ones_checked(client_for, member):
    html = client_for(member).get(URL).content.decode()
    assert '<legend class="region-legend">Bretagne</legend>' in html
    assert 'value="29"' in html and 'id="id_departements_' in html
    assert 'name="version" value="1"' in html
    checked = html.split('value="29"')[1].split(">")[0]
    assert "checked" in checked


def test_a_stale_version_is_refused_in_french_and_keeps_what_the_user_typed(client_for, member, coordinator, structure):
    services.update_structure(structure, by=coordinator, data={"city": "Quimper"}, expected_version=1)
    response = client_for(member).post(URL, _data(structure, version=1, area_label="Mon territoire à moi"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "modifiée par quelqu&#x27;un d&#x27;autre" in html
    assert 'value="Mon territoire à moi"' in html
    structure.refresh_from_db()
    assert structure.city == "Quimper" and structure.area_label == "" and structure.version == 2


def test_an_unknown_departement_is_a_field_error_and_nothing_is_saved(client_for, member, structure):
    response = client_for(member).post(URL, _data(structure, departements=["29", "99"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "99" in html and "Départements" in html and "errorlist" in html
    structure.refresh_from_db()
    assert structure.city == "Dijon" and list(structure.departements.values_list("code", flat=True)) == ["29"]


def test_an_invalid_email_is_a_field_error_and_nothing_is_saved(client_for, member, structure):
    response = client_for(member).post(URL, _data(structure, public_email="pas-une-adresse"))
    html = response.content.decode()
    assert "adresse de courriel valide" in html and 'href="#id_public_email"' in html
    assert 'aria-invalid="true"' in html
    structure.refresh_from_db()
    assert structure.public_email == "" and structure.version == 1


def test_at_least_one_departement_is_required(client_for, member, structure):
    response = client_for(member).post(URL, _data(structure, departements=[]))
    assert "Ce champ est obligatoire" in response.content.decode()
    assert Structure.objects.get(pk=structure.pk).version == 1


def test_line_endings_sent_by_browsers_are_stored_as_plain_newlines(client_for, member, structure):
    client_for(member).post(URL, _data(structure, description="Ligne 1\r\nLigne 2"))
    structure.refresh_from_db()
    assert structure.description == "Ligne 1\nLigne 2"
