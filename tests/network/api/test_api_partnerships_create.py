import pytest

from fabrique.network.models import Partner, Partnership
from tests.api_errors import messages, names_field
from tests.factories import PartnerFactory, PartnershipFactory
from tests.snapshots import assert_unchanged

pytestmark = pytest.mark.django_db

URL = "/api/v1/structures/tag-test/partnerships"
VALID_SIRET = "73282932000074"
NEW_PARTNER = {"partner": {"name": "Région Bretagne", "kind": "local_authority", "siret": VALID_SIRET}}


def post(client, body, url=URL):
    return client.post(url, body, content_type="application/json")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 201), ("member", 201), ("other_member", 403), ("anonymous", 401)],
    indirect=["persona"],
)
def test_the_coordinator_and_members_add_a_partner_others_cannot(persona, status, client_for, structure):
    with assert_unchanged(Partner, Partnership, unless=status == 201):
        response = post(client_for(persona[1]), {**NEW_PARTNER, "role": "Financeur", "since": "2024-01-01"})
    assert response.status_code == status
    assert Partnership.objects.filter(structure=structure).exists() is (status == 201)


def test_a_new_partner_is_created_inline_and_answered(client_for, member, structure):
    body = post(client_for(member), {**NEW_PARTNER, "role": "Financeur", "note": "Convention 2024"}).json()
    assert body["partner"]["name"] == "Région Bretagne"
    assert body["partner"]["kind_label"] == "collectivité territoriale"
    assert body["partner"]["siret"] == VALID_SIRET
    assert (body["role"], body["note"], body["current"]) == ("Financeur", "Convention 2024", True)
    assert Partnership.objects.get(pk=body["id"]).history.first().history_user == member


def test_an_existing_partner_is_referenced_by_its_id(client_for, member, structure, other_structure):
    shared = PartnershipFactory(structure=other_structure, partner=PartnerFactory(name="France Active")).partner
    response = post(client_for(member), {"partner_id": shared.pk, "role": "Réseau"})
    assert response.status_code == 201
    assert Partner.objects.count() == 1


def test_a_bearer_token_adds_a_partner(bearer_client, member, structure):
    assert post(bearer_client(member), NEW_PARTNER).status_code == 201


def test_an_invalid_siret_is_a_422_naming_siret_and_saves_nothing(client_for, member, structure):
    body = {"partner": {"name": "Région", "kind": "local_authority", "siret": "12345678901234"}}
    with assert_unchanged(Partner, Partnership):
        response = post(client_for(member), body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "partner", "siret"]
    assert "SIRET" in messages(response)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "partner"),
        ({**NEW_PARTNER, "partner_id": 1}, "partner"),
        ({"partner_id": 999999}, "partner_id"),
        ({"partner": {"name": "X", "kind": "mairie"}}, "kind"),
        ({"partner": {"kind": "company"}}, "name"),
        ({**NEW_PARTNER, "since": "2024-05-01", "until": "2024-01-01"}, "until"),
        ({**NEW_PARTNER, "since": "1er mai"}, "since"),
        ({**NEW_PARTNER, "structure": "autre-fabrique"}, "structure"),
    ],
)
def test_bad_input_is_a_422_naming_the_field_and_saves_nothing(client_for, member, structure, body, field):
    with assert_unchanged(Partner, Partnership):
        response = post(client_for(member), body)
    assert response.status_code == 422
    assert names_field(response, field), response.json()


def test_the_same_partner_twice_is_a_422(client_for, member, structure):
    partner = PartnershipFactory(structure=structure).partner
    with assert_unchanged(Partner, Partnership):
        response = post(client_for(member), {"partner_id": partner.pk})
    assert response.status_code == 422
    assert names_field(response, "partner_id")


def test_a_member_cannot_add_a_partner_to_a_hidden_candidate(client_for, member):
    from tests.factories import StructureFactory

    StructureFactory(slug="candidate", candidate=True)
    with assert_unchanged(Partner, Partnership):
        response = post(client_for(member), NEW_PARTNER, url="/api/v1/structures/candidate/partnerships")
    assert response.status_code == 404
