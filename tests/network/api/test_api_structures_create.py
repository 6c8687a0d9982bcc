import pytest

from fabrique.network.models import Structure, StructureStatusLog
from tests.api_errors import names_field
from tests.snapshots import assert_unchanged

pytestmark = pytest.mark.django_db

URL = "/api/v1/structures"
BODY = {"name": "Fabrique du Pays Basque", "departements": ["64"], "city": "Bayonne", "reason": "Candidature reçue"}


def post(client, body):
    return client.post(URL, body, content_type="application/json")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 201), ("member", 403), ("other_member", 403), ("anonymous", 401)],
    indirect=["persona"],
)
def test_only_the_coordinator_registers_a_structure(persona, status, client_for):
    with assert_unchanged(Structure, StructureStatusLog, unless=status == 201):
        response = post(client_for(persona[1]), BODY)
    assert response.status_code == status
    assert Structure.objects.filter(city="Bayonne").exists() is (status == 201)


def test_a_new_structure_is_a_candidate_with_a_slug_from_its_name_and_a_log_row(client_for, coordinator):
    response = post(client_for(coordinator), BODY)
    body = response.json()
    assert body["slug"] == "fabrique-du-pays-basque"
    assert body["status"] == "candidate"
    assert body["departements"] == ["64"]
    log = StructureStatusLog.objects.get(structure__slug="fabrique-du-pays-basque")
    assert (log.from_status, log.to_status, log.changed_by, log.note) == (
        "",
        "candidate",
        coordinator,
        BODY["reason"],
    )


def test_a_bearer_token_of_the_coordinator_creates_without_csrf(bearer_client, coordinator):
    assert post(bearer_client(coordinator), {**BODY, "slug": "pays-basque"}).status_code == 201
    assert Structure.objects.get(slug="pays-basque").history.first().history_user == coordinator


def test_a_duplicate_slug_is_a_422_naming_slug(client_for, coordinator, structure):
    with assert_unchanged(Structure, StructureStatusLog):
        response = post(client_for(coordinator), {**BODY, "slug": "tag-test"})
    assert response.status_code == 422
    assert names_field(response, "slug")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"departements": ["64", "00"]}, "departements"),
        ({"departements": []}, "departements"),
        ({"name": ""}, "name"),
        ({"slug": "pas un slug !"}, "slug"),
        ({"website": "ftp//"}, "website"),
        ({"status": "labelled"}, "status"),
    ],
)
def test_bad_input_is_a_422_naming_the_field_and_creates_nothing(client_for, coordinator, body, field):
    with assert_unchanged(Structure, StructureStatusLog):
        response = post(client_for(coordinator), {**BODY, **body})
    assert response.status_code == 422
    assert names_field(response, field), response.json()


def test_a_name_without_letters_needs_an_explicit_slug(client_for, coordinator):
    with assert_unchanged(Structure, StructureStatusLog):
        response = post(client_for(coordinator), {**BODY, "name": "!!!"})
    assert response.status_code == 422
    assert names_field(response, "slug")


def test_name_and_departements_are_required(client_for, coordinator):
    with assert_unchanged(Structure, StructureStatusLog):
        response = post(client_for(coordinator), {})
    assert response.status_code == 422
    assert names_field(response, "name") and names_field(response, "departements")
