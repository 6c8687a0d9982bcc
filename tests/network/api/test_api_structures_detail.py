import datetime

import pytest

from fabrique.network import services
from fabrique.network.enums import PartnerKind
from tests.conftest import ROLES
from tests.factories import CollectiveFactory, MembershipFactory, PartnerFactory, PartnershipFactory, StructureFactory

pytestmark = pytest.mark.django_db


def url(slug):
    return f"/api/v1/structures/{slug}"


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_everyone_reads_a_structure_in_the_network(persona, client_for, structure):
    _, user = persona
    response = client_for(user).get(url("tag-test"))
    assert response.status_code == 200
    assert response.json()["slug"] == "tag-test"


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("member", 200), ("other_member", 404), ("anonymous", 404)],
    indirect=["persona"],
)
def test_a_candidate_is_hidden_from_those_who_may_not_see_it(persona, status, client_for, member):
    candidate = StructureFactory(slug="candidate", candidate=True)
    MembershipFactory(user=member, structure=candidate)
    _, user = persona
    response = client_for(user).get(url("candidate"))
    assert response.status_code == status
    if status == 404:
        assert response.json() == {"detail": "Introuvable."}


def test_an_unknown_slug_is_a_json_404(client):
    response = client.get(url("nulle-part"))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_current_partners_are_grouped_by_kind_and_ended_ones_left_out(client, structure):
    region = PartnerFactory(name="Région Bretagne", kind=PartnerKind.LOCAL_AUTHORITY)
    PartnershipFactory(structure=structure, partner=region, role="Financeur")
    PartnershipFactory(structure=structure, partner=PartnerFactory(name="Morlaix Communauté"))
    PartnershipFactory(structure=structure, partner=PartnerFactory(name="Crédit Coopératif", kind=PartnerKind.FUNDER))
    PartnershipFactory(
        structure=structure,
        partner=PartnerFactory(name="Ancien partenaire", kind=PartnerKind.COMPANY),
        until=datetime.date(2024, 1, 1),
    )
    body = client.get(url("tag-test")).json()
    groups = {group["kind"]: group for group in body["partners"]}
    assert list(groups) == ["local_authority", "funder"]
    assert groups["local_authority"]["kind_label"] == "collectivité territoriale"
    names = [p["partner"]["name"] for p in groups["local_authority"]["partnerships"]]
    assert sorted(names) == ["Morlaix Communauté", "Région Bretagne"]
    assert body["partner_kinds_count"] == 2


def test_detail_has_collectives_status_dates_version_and_rendered_description(client, structure):
    CollectiveFactory(slug="le-generateur").structures.add(structure)
    structure.description = "Une **Fabrique** <script>alert(1)</script>"
    structure.save()
    body = client.get(url("tag-test")).json()
    assert body["collectives"] == ["le-generateur"]
    assert body["joined_on"] == "2023-01-15" and body["withdrawn_on"] is None
    assert body["version"] == structure.version
    assert "<strong>Fabrique</strong>" in body["description_html"]
    assert "<script>" not in body["description_html"]


@pytest.mark.parametrize(
    ("persona", "sees_log"),
    [("coordinator", True), ("member", True), ("other_member", False), ("anonymous", False)],
    indirect=["persona"],
)
def test_the_status_log_is_shown_to_the_coordinator_and_members_only(persona, sees_log, client_for, structure):
    services.withdraw(structure, by=persona[1] if persona[0] == "coordinator" else _coordinator(), reason="Fin")
    body = client_for(persona[1]).get(url("tag-test")).json()
    if sees_log:
        assert body["status_log"][0]["to_status"] == "withdrawn"
        assert body["status_log"][0]["reason"] == "Fin"
    else:
        assert body["status_log"] is None


def _coordinator():
    from tests.factories import UserFactory

    return UserFactory(coordinator=True)


@pytest.mark.parametrize(
    ("persona", "change"),
    [("coordinator", True), ("member", True), ("other_member", False), ("anonymous", False)],
    indirect=["persona"],
)
def test_detail_abilities_follow_the_role(persona, change, client_for, structure):
    abilities = client_for(persona[1]).get(url("tag-test")).json()["abilities"]
    assert abilities["change"] is change
    assert abilities["view_history"] is change
