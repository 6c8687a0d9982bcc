import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.accounts.models import User
from fabrique.network.enums import MembershipRole
from fabrique.network.models import Membership
from tests.api_errors import messages, names_field
from tests.conftest import CALLERS
from tests.factories import MembershipFactory, StructureFactory
from tests.snapshots import assert_unchanged

MEMBERS = "/api/v1/accounts/structures/{}/members"


def membership_url(membership):
    return f"/api/v1/accounts/memberships/{membership.pk}"


def patch(client, membership, body):
    return client.patch(membership_url(membership), body, content_type="application/json")


@pytest.fixture
def staff(structure, staff_member):
    return Membership.objects.get(user=staff_member, structure=structure)


@pytest.mark.parametrize("caller", CALLERS, indirect=True)
def test_members_are_listed_to_the_structure_and_the_coordination(caller, structure, staff):
    name, _user, client = caller
    response = client.get(MEMBERS.format("tag-test"))
    if name == "anonymous":
        assert response.status_code == 401
        return
    if name == "other_member":
        assert response.status_code == 403
        assert "membres de la structure" in messages(response)
        return
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(m["user"]["email"], m["role"]) for m in results] == [
        ("membre@example.org", "admin"),
        ("charge@example.org", "staff"),
    ]
    assert results[1]["abilities"] == {"change_role": True, "remove": True}
    assert results[1]["version"] == staff.version and results[1]["structure"]["slug"] == "tag-test"


def test_a_staff_member_reads_the_members_without_managing_them(client_for, member, staff_member, staff):
    results = client_for(staff_member).get(MEMBERS.format("tag-test")).json()["results"]
    admin, own = results
    assert admin["abilities"] == {"change_role": False, "remove": False}
    assert own["abilities"] == {"change_role": False, "remove": True}


def test_an_unknown_or_hidden_structure_is_not_found(client_for, other_member):
    StructureFactory(slug="candidate-cachee", candidate=True)
    client = client_for(other_member)
    assert client.get(MEMBERS.format("inconnue")).status_code == 404
    assert client.get(MEMBERS.format("candidate-cachee")).status_code == 404


@pytest.mark.parametrize("caller", CALLERS, indirect=True)
def test_admins_and_the_coordination_change_a_role(caller, staff):
    name, _user, client = caller
    expected = {"anonymous": 401, "other_member": 403}.get(name, 200)
    with assert_unchanged(Membership, User, unless=expected == 200):
        response = patch(client, staff, {"role": "admin", "version": staff.version})
    staff.refresh_from_db()
    assert response.status_code == expected
    if expected == 200:
        assert response.json()["role"] == "admin" and response.json()["version"] == staff.version == 2
        assert staff.role == MembershipRole.ADMIN


def test_a_stale_version_is_refused_and_nothing_is_saved(client_for, member, staff):
    client = client_for(member)
    assert patch(client, staff, {"role": "admin", "version": 1}).status_code == 200
    with assert_unchanged(Membership, User):
        response = patch(client, staff, {"role": "staff", "version": 1})
    assert response.status_code == 409 and "modifiée par quelqu'un d'autre" in messages(response)


def test_the_last_admin_cannot_be_made_staff_nor_removed(client_for, coordinator, member, structure):
    admin = Membership.objects.get(user=member, structure=structure)
    client = client_for(coordinator)
    with assert_unchanged(Membership, User):
        made_staff = patch(client, admin, {"role": "staff", "version": admin.version})
        removed = client.delete(membership_url(admin))
    assert made_staff.status_code == 409 and "dernier administrateur" in messages(made_staff)
    assert removed.status_code == 409


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"role": "chef", "version": 1}, "role"),
        ({"role": "admin"}, "version"),
        ({"role": "admin", "version": "un"}, "version"),
        ({"version": 1}, "role"),
        ({"role": "admin", "version": 1, "user": 3}, "user"),
    ],
)
def test_bad_input_names_the_field(client_for, member, staff, body, field):
    client = client_for(member)  # logging in writes last_login: before the snapshot
    with assert_unchanged(Membership, User):
        response = patch(client, staff, body)
    assert response.status_code == 422 and names_field(response, field)


def test_an_unknown_membership_is_not_found(client_for, coordinator):
    client = client_for(coordinator)
    with assert_unchanged(Membership, User):
        changed = client.patch(
            "/api/v1/accounts/memberships/999999", {"role": "admin", "version": 1}, content_type="application/json"
        )
        removed = client.delete("/api/v1/accounts/memberships/999999")
    assert changed.status_code == 404
    assert removed.status_code == 404


@pytest.mark.parametrize("caller", CALLERS, indirect=True)
def test_admins_and_the_coordination_remove_a_member(caller, staff):
    name, _user, client = caller
    expected = {"anonymous": 401, "other_member": 403}.get(name, 204)
    with assert_unchanged(Membership, User, unless=expected == 204):
        response = client.delete(membership_url(staff))
    assert response.status_code == expected
    assert Membership.objects.filter(pk=staff.pk).exists() is (expected != 204)


def test_a_staff_member_may_leave_but_not_remove_others(client_for, member, staff_member, staff, structure):
    client = client_for(staff_member)
    admin = Membership.objects.get(user=member, structure=structure)
    with assert_unchanged(Membership, User):
        assert client.delete(membership_url(admin)).status_code == 403
        assert patch(client, admin, {"role": "staff", "version": admin.version}).status_code == 403
    assert client.delete(membership_url(staff)).status_code == 204
    assert not Membership.objects.filter(pk=staff.pk).exists()


def _count_queries(client, slug):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(MEMBERS.format(slug))
    assert response.status_code == 200
    return len(queries), len(response.json()["results"])


def test_listing_members_costs_the_same_queries_for_3_or_30(client_for, member, structure):
    client = client_for(member)
    MembershipFactory.create_batch(2, structure=structure, role=MembershipRole.STAFF)
    few, count = _count_queries(client, "tag-test")
    assert count == 3
    MembershipFactory.create_batch(27, structure=structure, role=MembershipRole.STAFF)
    many, count = _count_queries(client, "tag-test")
    assert count == 30 and many == few
