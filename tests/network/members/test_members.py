import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.core.exceptions import VersionConflict
from fabrique.network.enums import MembershipRole
from fabrique.network.models import Membership
from fabrique.network.services import members as services
from tests.accounts.helpers import text
from tests.conftest import ROLES
from tests.factories import MembershipFactory, StructureFactory
from tests.snapshots import assert_unchanged


def _members_url(structure):
    return reverse("network:members", args=[structure.slug])


def _role_url(membership):
    return reverse("network:member_role", args=[membership.structure.slug, membership.pk])


def _remove_url(membership):
    return reverse("network:member_remove", args=[membership.structure.slug, membership.pk])


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_who_reads_and_who_manages_the_members_page(persona, client_for, structure, staff_member):
    name, user = persona
    response = client_for(user).get(_members_url(structure))
    if name == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        return
    if name == "other_member":
        assert response.status_code == 403
        return
    assert response.status_code == 200
    page = text(response)
    assert staff_member.email in page
    assert _role_url(staff_member.memberships.get()) in page
    assert "Inviter une personne" in page


def test_a_staff_member_reads_the_members_but_manages_nothing(client_for, structure, staff_member, member):
    response = client_for(staff_member).get(_members_url(structure))
    page = text(response)
    assert response.status_code == 200
    assert member.email in page
    assert _role_url(member.memberships.get()) not in page
    assert _remove_url(member.memberships.get()) not in page
    assert "Quitter la structure" in page
    assert "Inviter une personne" not in page


def test_a_candidate_structure_is_hidden_from_others(client_for, other_member):
    candidate = StructureFactory(candidate=True, slug="candidate")
    assert client_for(other_member).get(_members_url(candidate)).status_code == 404


def test_an_unknown_structure_answers_404(client_for, coordinator):
    assert client_for(coordinator).get("/comptes/structures/inconnue/membres/").status_code == 404


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_who_may_change_a_role(persona, client_for, structure, staff_member):
    name, user = persona
    membership = staff_member.memberships.get()
    client = client_for(user)
    with assert_unchanged(Membership, unless=name in {"coordinator", "member"}):
        response = client.post(
            _role_url(membership),
            {f"m{membership.pk}-role": "admin", f"m{membership.pk}-version": membership.version},
        )
    membership.refresh_from_db()
    if name in {"coordinator", "member"}:
        assert response.status_code == 302
        assert membership.role == MembershipRole.ADMIN
        assert membership.history.first().history_user == user
    else:
        assert response.status_code == {"other_member": 403, "anonymous": 302}[name]


def test_the_last_admin_cannot_be_made_staff_and_the_page_says_why(client_for, coordinator, member, structure):
    membership = member.memberships.get()
    response = client_for(coordinator).post(
        _role_url(membership),
        {f"m{membership.pk}-role": "staff", f"m{membership.pk}-version": membership.version},
        follow=True,
    )
    assert "dernier administrateur" in text(response)
    membership.refresh_from_db()
    assert membership.role == MembershipRole.ADMIN


def test_a_stale_role_form_is_refused_and_changes_nothing(client_for, member, staff_member):
    membership = staff_member.memberships.get()
    services.change_role(membership, by=member, role=MembershipRole.ADMIN, expected_version=membership.version)
    response = client_for(member).post(
        _role_url(membership), {f"m{membership.pk}-role": "staff", f"m{membership.pk}-version": 1}, follow=True
    )
    assert "modifiée par quelqu'un d'autre" in text(response)
    membership.refresh_from_db()
    assert membership.role == MembershipRole.ADMIN
    with pytest.raises(VersionConflict, match=r"modifiée par quelqu'un d'autre"):
        services.change_role(membership, by=member, role=MembershipRole.STAFF, expected_version=1)


def test_an_unknown_role_is_refused(client_for, member, staff_member):
    membership = staff_member.memberships.get()
    response = client_for(member).post(
        _role_url(membership),
        {f"m{membership.pk}-role": "chef", f"m{membership.pk}-version": membership.version},
        follow=True,
    )
    assert "Rôle : choisissez" in text(response)
    membership.refresh_from_db()
    assert membership.role == MembershipRole.STAFF


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_who_may_remove_a_member(persona, client_for, structure, staff_member):
    name, user = persona
    membership = staff_member.memberships.get()
    client = client_for(user)
    with assert_unchanged(Membership, unless=name in {"coordinator", "member"}):
        response = client.post(_remove_url(membership))
    removed = not Membership.objects.filter(pk=membership.pk).exists()
    if name in {"coordinator", "member"}:
        assert response.status_code == 302 and removed
        assert Membership.history.filter(id=membership.pk, history_type="-").get().history_user == user
    else:
        assert response.status_code == {"other_member": 403, "anonymous": 302}[name]
        assert not removed


def test_the_last_admin_cannot_be_removed_and_the_page_says_why(client_for, coordinator, member, structure):
    membership = member.memberships.get()
    response = client_for(coordinator).post(_remove_url(membership), follow=True)
    assert "doit garder au moins un·e administrateur·rice" in text(response)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_admin_may_leave_once_another_admin_exists(client_for, member, staff_member, structure):
    client = client_for(member)
    own = member.memberships.get()
    client.post(_remove_url(own))
    assert Membership.objects.filter(pk=own.pk).exists()
    other = staff_member.memberships.get()
    services.change_role(other, by=member, role=MembershipRole.ADMIN, expected_version=other.version)
    response = client.post(_remove_url(own))
    assert response["Location"] == reverse("dashboard")
    assert not Membership.objects.filter(pk=own.pk).exists()


def test_a_staff_member_may_leave_but_not_remove_others(client_for, staff_member, member):
    client = client_for(staff_member)
    with assert_unchanged(Membership):
        assert client.post(_remove_url(member.memberships.get())).status_code == 403
    own = staff_member.memberships.get()
    assert client.post(_remove_url(own)).status_code == 302
    assert not Membership.objects.filter(pk=own.pk).exists()


def test_a_membership_is_reached_only_under_its_own_structure(client_for, coordinator, staff_member, other_structure):
    membership = staff_member.memberships.get()
    url = reverse("network:member_remove", args=[other_structure.slug, membership.pk])
    client = client_for(coordinator)
    with assert_unchanged(Membership):
        assert client.post(url).status_code == 404


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_members_page_costs_the_same_queries_for_3_and_30_members(client_for, coordinator, db):
    small, large = StructureFactory(slug="petite"), StructureFactory(slug="grande")
    MembershipFactory.create_batch(3, structure=small)
    MembershipFactory.create_batch(30, structure=large)
    client = client_for(coordinator)
    _queries_for(client, _members_url(small))  # session warm-up
    assert _queries_for(client, _members_url(small)) == _queries_for(client, _members_url(large))
