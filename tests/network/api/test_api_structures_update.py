import pytest
from django.test import Client

from fabrique.network.models import Structure
from tests.api_errors import messages, names_field
from tests.conftest import ROLES
from tests.snapshots import assert_unchanged

pytestmark = pytest.mark.django_db


def url(slug="tag-test"):
    return "/api/v1/structures/" + slug


def patch(client, body, slug="tag-test"):
    return client.patch(url(slug), body, content_type="application/json")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("member", 200), ("other_member", 403), ("anonymous", 401)],
    indirect=["persona"],
)
def test_the_coordinator_and_members_edit_a_structure_others_cannot(persona, status, client_for, structure):
    with assert_unchanged(Structure, unless=status == 200):
        response = patch(client_for(persona[1]), {"version": structure.version, "city": "Brest"})
    assert response.status_code == status
    structure.refresh_from_db()
    assert (structure.city == "Brest") is (status == 200)
    if status != 200:
        assert response.json()["detail"]


def test_a_staff_member_edits_their_structure(client_for, structure, staff_member):
    assert patch(client_for(staff_member), {"version": 1, "area_label": "Pays de Morlaix"}).status_code == 200


def test_an_edit_answers_the_new_state_and_bumps_the_version(client_for, member, structure):
    body = patch(client_for(member), {"version": 1, "name": "TAg29", "departements": ["29", "22"]}).json()
    assert body["name"] == "TAg29"
    assert body["departements"] == ["22", "29"]
    assert body["version"] == 2


def test_only_the_fields_sent_change(client_for, member, structure):
    structure.area_label = "Pays de Morlaix"
    structure.save()
    patch(client_for(member), {"version": 1, "city": "Brest"})
    structure.refresh_from_db()
    assert (structure.city, structure.area_label) == ("Brest", "Pays de Morlaix")


def test_the_history_records_the_author(client_for, member, structure):
    patch(client_for(member), {"version": 1, "description": "Nouvelle présentation"})
    assert structure.history.first().history_user == member


def test_a_bearer_token_edits_without_csrf(bearer_client, member, structure):
    response = patch(bearer_client(member), {"version": 1, "city": "Quimper"})
    assert response.status_code == 200
    assert Structure.objects.get(pk=structure.pk).city == "Quimper"
    assert structure.history.first().history_user == member


def test_a_session_edit_without_the_csrf_token_is_refused(member, structure):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    with assert_unchanged(Structure):
        response = patch(client, {"version": 1, "city": "Quimper"})
    assert response.status_code == 403
    assert "X-CSRFToken" in response.json()["detail"]


def test_a_session_edit_with_the_csrf_token_passes(member, structure):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    secret = "a" * 32  # the cookie's secret; the header may carry it as is
    client.cookies["csrftoken"] = secret
    response = client.patch(
        url(), {"version": 1, "city": "Quimper"}, content_type="application/json", HTTP_X_CSRFTOKEN=secret
    )
    assert response.status_code == 200


def test_a_stale_version_is_a_409_and_saves_nothing(client_for, member, coordinator, structure):
    assert patch(client_for(coordinator), {"version": 1, "city": "Brest"}).status_code == 200
    with assert_unchanged(Structure):  # the coordinator's edit stays, departements included
        response = patch(client_for(member), {"version": 1, "city": "Quimper", "departements": ["22"]})
    assert response.status_code == 409
    assert "modifiée par quelqu'un d'autre" in response.json()["detail"]


def test_the_version_is_required(client_for, member, structure):
    with assert_unchanged(Structure):
        response = patch(client_for(member), {"city": "Brest"})
    assert response.status_code == 422
    assert names_field(response, "version")
    assert "obligatoire" in messages(response)


def test_an_unknown_departement_is_a_422_and_saves_nothing(client_for, member, structure):
    with assert_unchanged(Structure):
        response = patch(client_for(member), {"version": 1, "city": "Brest", "departements": ["29", "20", "99"]})
    assert response.status_code == 422
    assert names_field(response, "departements")
    assert "20, 99" in messages(response)


def test_departement_codes_are_read_without_case(client_for, member, structure):
    body = patch(client_for(member), {"version": 1, "departements": ["2a", "2B"]}).json()
    assert body["departements"] == ["2A", "2B"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"website": "pas une adresse"}, "website"),
        ({"public_email": "personne"}, "public_email"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"departements": []}, "departements"),
        ({"status": "labelled"}, "status"),
        ({"slug": "autre"}, "slug"),
        ({"city": 12}, "city"),
        ({"city": None}, "city"),
        ({"version": "deux"}, "version"),
    ],
)
def test_a_bad_field_is_a_422_naming_it_and_saves_nothing(client_for, member, structure, body, field):
    with assert_unchanged(Structure):
        response = patch(client_for(member), {"version": 1, **body})
    assert response.status_code == 422
    assert names_field(response, field), response.json()


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_hidden_candidate_cannot_be_edited_and_is_not_revealed(persona, client_for):
    from tests.factories import StructureFactory

    StructureFactory(slug="candidate", candidate=True)
    name, user = persona
    expected = {"coordinator": 200, "member": 404, "other_member": 404, "anonymous": 401}[name]
    with assert_unchanged(Structure, unless=expected == 200):
        response = patch(client_for(user), {"version": 1, "city": "Brest"}, slug="candidate")
    assert response.status_code == expected
