"""What a user is (memberships, roles, partner départements) is read in one query and kept for the request."""

from fabrique.network.enums import MembershipRole
from fabrique.network.roles import ANONYMOUS, forget_roles, roles_of
from tests.factories import MembershipFactory, UserFactory


def test_memberships_and_partner_departements_are_read_in_one_query(
    structure, other_structure, django_assert_num_queries
):
    user = UserFactory()
    MembershipFactory(user=user, structure=structure, role=MembershipRole.ADMIN)
    MembershipFactory(user=user, structure=other_structure, role=MembershipRole.STAFF)
    user.partner_departements.set(["29", "2A"])
    with django_assert_num_queries(1):
        roles = roles_of(user)
        assert roles_of(user) is roles  # kept on the user for the rest of the request
    assert roles.authenticated and not roles.coordinator
    assert roles.member_of == {structure.pk, other_structure.pk}
    assert roles.admin_of == {structure.pk}
    assert roles.partner_departements == {"29", "2A"}
    forget_roles(user)
    user.partner_departements.clear()
    assert roles_of(user).partner_departements == frozenset()


def test_a_partner_without_membership_and_an_inactive_user(db):
    partner = UserFactory()
    partner.partner_departements.set(["21"])
    assert roles_of(partner).member_of == frozenset()
    assert roles_of(partner).partner_departements == {"21"}
    inactive = UserFactory(is_active=False)
    assert roles_of(inactive) is ANONYMOUS
