import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from fabrique.accounts import services
from fabrique.accounts.models import User
from fabrique.network.enums import MembershipRole
from fabrique.network.models import Invitation, Membership
from fabrique.network.services import members as services_members
from tests.factories import UserFactory

from .helpers import text

PAGES = [
    "admin:accounts_user_changelist",
    "admin:accounts_user_add",
    "admin:network_membership_changelist",
    "admin:network_invitation_changelist",
    "admin:accounts_apitoken_changelist",
    "admin:axes_accessattempt_changelist",
]


@pytest.fixture
def objects(coordinator, member, structure, django_capture_on_commit_callbacks):
    services.create_api_token(member, name="Export")
    services_members.invite(by=coordinator, email="invitee@example.org", structure=structure)
    AccessAttempt.objects.create(
        username="x@example.org", ip_address="192.0.2.1", user_agent="navigateur", failures_since_start=5
    )


@pytest.mark.parametrize("page", PAGES)
def test_the_coordinator_reads_accounts_in_the_admin(client_for, coordinator, objects, page):
    assert client_for(coordinator).get(reverse(page)).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_admin_access_without_the_coordinator_role_is_refused(client_for, objects, page):
    staff_only = UserFactory(is_staff=True)
    assert client_for(staff_only).get(reverse(page)).status_code == 403


def test_a_user_page_shows_memberships_and_partner_departements(client_for, coordinator, member):
    page = text(client_for(coordinator).get(reverse("admin:accounts_user_change", args=[member.pk])))
    assert "partner_departements" in page
    assert "is_coordinator" in page
    assert "memberships-TOTAL_FORMS" in page
    assert "is_superuser" not in page  # technical rights are for superusers only


def test_the_coordinator_creates_a_user_with_a_lowercase_address(client_for, coordinator):
    response = client_for(coordinator).post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Nouvelle.Personne@Example.org",
            "first_name": "Nina",
            "last_name": "Petit",
            "usable_password": "false",
        },
    )
    assert response.status_code == 302, text(response)
    user = User.objects.get(email="nouvelle.personne@example.org")
    assert not user.has_usable_password()


def test_the_coordinator_cannot_change_a_superuser(client_for, coordinator):
    root = User.objects.create_superuser("root@example.org", "Un-mot-de-passe-tres-long")
    client = client_for(coordinator)
    response = client.get(reverse("admin:accounts_user_change", args=[root.pk]))
    assert response.status_code == 200
    assert 'name="email"' not in text(response)  # read-only view
    client.post(reverse("admin:accounts_user_change", args=[root.pk]), {"email": "pirate@example.org"})
    root.refresh_from_db()
    assert root.email == "root@example.org"


def test_tokens_and_invitations_are_read_only_and_show_hashes_only(client_for, coordinator, objects):
    client = client_for(coordinator)
    invitation = Invitation.objects.get()
    page = text(client.get(reverse("admin:network_invitation_change", args=[invitation.pk])))
    assert invitation.token_hash in page
    assert 'name="email"' not in page
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403
    assert client.get(reverse("admin:network_invitation_add")).status_code == 403


def test_the_admin_revokes_invitations_with_an_action(client_for, coordinator, objects):
    invitation = Invitation.objects.get()
    client_for(coordinator).post(
        reverse("admin:network_invitation_changelist"),
        {"action": "revoke", "_selected_action": [invitation.pk]},
    )
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_the_admin_keeps_the_last_admin_of_a_structure(client_for, coordinator, member):
    membership = member.memberships.get()
    client = client_for(coordinator)
    change = reverse("admin:network_membership_change", args=[membership.pk])
    response = client.post(
        change,
        {
            "user": member.pk,
            "structure": membership.structure_id,
            "role": "staff",
            "expected_version": membership.version,
        },
    )
    assert "dernier administrateur" in text(response)
    membership.refresh_from_db()
    assert membership.role == MembershipRole.ADMIN
    client.post(reverse("admin:network_membership_delete", args=[membership.pk]), {"post": "yes"})
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_deleting_login_attempts_in_the_admin_lifts_what_they_block(client_for, coordinator, objects):
    attempt = AccessAttempt.objects.get()
    client_for(coordinator).post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert not AccessAttempt.objects.exists()
