import pytest

from fabrique.network.models import Partner
from tests.api_errors import names_field
from tests.factories import MembershipFactory, PartnerFactory, PartnershipFactory, StructureFactory
from tests.snapshots import assert_unchanged

pytestmark = pytest.mark.django_db

URL = "/api/v1/partners"


@pytest.fixture
def region(structure):
    return PartnershipFactory(structure=structure, partner=PartnerFactory(name="Région Bretagne")).partner


@pytest.mark.parametrize(
    ("persona", "change", "sees_hidden"),
    [
        ("coordinator", True, True),
        ("member", True, True),
        ("other_member", False, False),
        ("anonymous", False, False),
    ],
    indirect=["persona"],
)
def test_partners_of_visible_structures_are_listed_with_abilities(
    persona, change, sees_hidden, client_for, region, member
):
    candidate = StructureFactory(slug="candidate", candidate=True)
    MembershipFactory(user=member, structure=candidate)
    PartnershipFactory(structure=candidate, partner=PartnerFactory(name="Partenaire discret"))
    results = client_for(persona[1]).get(URL).json()["results"]
    names = {p["name"]: p for p in results}
    assert ("Partenaire discret" in names) is sees_hidden
    assert names["Région Bretagne"]["abilities"]["change"] is change


def test_partners_are_filtered_by_kind_and_name(client, region, structure):
    PartnershipFactory(structure=structure, partner=PartnerFactory(name="Banque solidaire", kind="funder"))
    assert [p["name"] for p in client.get(URL, {"kind": "funder"}).json()["results"]] == ["Banque solidaire"]
    assert [p["name"] for p in client.get(URL, {"q": "région"}).json()["results"]] == ["Région Bretagne"]
    assert names_field(client.get(URL, {"kind": "mairie"}), "kind")


def patch(client, partner, body):
    return client.patch(f"{URL}/{partner.pk}", body, content_type="application/json")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("member", 200), ("other_member", 403), ("anonymous", 401)],
    indirect=["persona"],
)
def test_a_partner_is_corrected_by_the_coordinator_or_a_structure_working_with_it(persona, status, client_for, region):
    with assert_unchanged(Partner, unless=status == 200):
        response = patch(client_for(persona[1]), region, {"version": 1, "name": "Région Bretagne (conseil régional)"})
    assert response.status_code == status
    renamed = Partner.objects.get(pk=region.pk).name == "Région Bretagne (conseil régional)"
    assert renamed is (status == 200)


def test_a_partner_correction_checks_the_siret_and_the_version(client_for, member, region):
    with assert_unchanged(Partner):
        response = patch(client_for(member), region, {"version": 1, "siret": "123"})
    assert response.status_code == 422
    assert names_field(response, "siret")
    assert patch(client_for(member), region, {"version": 1, "siret": "732 829 320 00074"}).status_code == 200
    assert Partner.objects.get(pk=region.pk).siret == "73282932000074"
    with assert_unchanged(Partner):
        assert patch(client_for(member), region, {"version": 1, "website": ""}).status_code == 409
