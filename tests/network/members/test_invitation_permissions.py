import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from fabrique.core.exceptions import DomainError
from fabrique.network.enums import MembershipRole
from fabrique.network.models import Invitation
from fabrique.network.services import members as services
from tests.accounts.helpers import text
from tests.conftest import ROLES

from .helpers import send_invitation

INVITE = reverse("network:invite")


def test_the_admin_of_another_structure_cannot_invite_to_mine(client_for, other_member, structure):
    client = client_for(other_member)
    assert client.get(INVITE, {"structure": structure.slug}).status_code == 403
    response = client.post(INVITE, {"email": "intrus@example.org", "structure": structure.slug, "role": "admin"})
    assert response.status_code == 200
    assert 'href="#id_structure">Structure</a>' in text(response)
    assert not Invitation.objects.exists()
    with pytest.raises(PermissionDenied, match="Vous ne pouvez inviter qu'aux structures que vous administrez"):
        services.invite(by=other_member, email="intrus@example.org", structure=structure)


def test_a_staff_member_cannot_invite(client_for, staff_member, structure):
    assert client_for(staff_member).get(INVITE).status_code == 403
    with pytest.raises(PermissionDenied, match="Vous ne pouvez inviter qu'aux structures que vous administrez"):
        services.invite(by=staff_member, email="x@example.org", structure=structure)


def test_a_structure_admin_cannot_invite_to_the_coordination(client_for, member, structure):
    response = client_for(member).get(INVITE)
    assert "as_coordinator" not in text(response)
    with pytest.raises(PermissionDenied, match="Seule la coordination du réseau peut inviter à la coordination"):
        services.invite(by=member, email="x@example.org", as_coordinator=True)
    with pytest.raises(PermissionDenied, match="Seule la coordination du réseau peut inviter à la coordination"):
        services.invite(by=member, email="x@example.org", structure=structure, as_coordinator=True)


def test_a_structure_admin_invites_to_their_structure_through_the_page(
    client_for, member, structure, django_capture_on_commit_callbacks
):
    client = client_for(member)
    page = client.get(INVITE, {"structure": structure.slug})
    assert f'value="{structure.slug}" selected' in text(page)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(INVITE, {"email": "Nouveau@Example.org", "structure": structure.slug, "role": "staff"})
    assert response.status_code == 302
    assert response["Location"] == reverse("network:members", args=[structure.slug])
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.structure, invitation.role, invitation.invited_by) == (
        "nouveau@example.org",
        structure,
        MembershipRole.STAFF,
        member,
    )
    assert len(mail.outbox) == 1


def test_the_coordinator_invites_to_any_structure_or_to_the_coordination(
    client_for, coordinator, other_structure, django_capture_on_commit_callbacks
):
    client = client_for(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(INVITE, {"email": "a@example.org", "structure": other_structure.slug, "role": "admin"})
        client.post(INVITE, {"email": "b@example.org", "structure": "", "role": "staff", "as_coordinator": "on"})
    assert set(Invitation.objects.values_list("email", "as_coordinator")) == {
        ("a@example.org", False),
        ("b@example.org", True),
    }
    assert len(mail.outbox) == 2


def test_an_invitation_without_structure_nor_coordination_names_the_missing_field(client_for, coordinator, db):
    response = client_for(coordinator).post(INVITE, {"email": "a@example.org", "structure": "", "role": "staff"})
    assert response.status_code == 200
    assert 'href="#id_structure">Structure</a>' in text(response)
    assert not Invitation.objects.exists()


def test_an_invalid_address_is_refused_and_named(client_for, member, structure):
    response = client_for(member).post(
        INVITE, {"email": "pas-une-adresse", "structure": structure.slug, "role": "staff"}
    )
    assert 'href="#id_email">' in text(response)
    assert not Invitation.objects.exists()


def test_inviting_someone_who_already_has_the_role_says_so(client_for, member, staff_member, structure):
    response = client_for(member).post(
        INVITE, {"email": staff_member.email, "structure": structure.slug, "role": "staff"}
    )
    assert response.status_code == 200
    assert "a déjà ce rôle" in text(response)
    assert not Invitation.objects.exists()
    with pytest.raises(DomainError, match="a déjà ce rôle"):
        services.invite(by=member, email=staff_member.email, structure=structure, role=MembershipRole.STAFF)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_who_sees_the_invitation_page_and_the_list(persona, client_for, structure):
    name, user = persona
    client = client_for(user)
    invite = client.get(INVITE, {"structure": structure.slug})
    listing = client.get(reverse("network:invitations"))
    if name == "anonymous":
        assert invite.status_code == listing.status_code == 302
        assert invite["Location"].startswith(reverse("accounts:login"))
        return
    assert listing.status_code == 200
    assert invite.status_code == {"coordinator": 200, "member": 200, "other_member": 403}[name]


def test_the_list_shows_my_invitations_and_those_of_my_structures_only(
    client_for, coordinator, member, other_member, structure, other_structure, django_capture_on_commit_callbacks
):
    send_invitation(
        django_capture_on_commit_callbacks, by=coordinator, email="pour-tag@example.org", structure=structure
    )
    send_invitation(
        django_capture_on_commit_callbacks, by=other_member, email="pour-autre@example.org", structure=other_structure
    )
    mine = text(client_for(member).get(reverse("network:invitations")))
    assert "pour-tag@example.org" in mine and "pour-autre@example.org" not in mine
    everything = text(client_for(coordinator).get(reverse("network:invitations")))
    assert "pour-tag@example.org" in everything and "pour-autre@example.org" in everything


def test_only_those_concerned_may_revoke_an_invitation(
    client_for, member, other_member, structure, django_capture_on_commit_callbacks
):
    invitation, _raw = send_invitation(
        django_capture_on_commit_callbacks, by=member, email="alex@example.org", structure=structure
    )
    url = reverse("network:invitation_revoke", args=[invitation.pk])
    assert client_for(other_member).post(url).status_code == 404
    assert client_for(None).post(url).status_code == 302
    assert client_for(member).get(url).status_code == 405
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert client_for(member).post(url).status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_an_accepted_invitation_cannot_be_revoked(
    client_for, member, structure, django_capture_on_commit_callbacks, staff_member
):
    invitation, _raw = send_invitation(
        django_capture_on_commit_callbacks,
        by=member,
        email=staff_member.email,
        structure=structure,
        role=MembershipRole.ADMIN,
    )
    services.accept_invitation(invitation, user=staff_member)
    response = client_for(member).post(reverse("network:invitation_revoke", args=[invitation.pk]), follow=True)
    assert "déjà été acceptée" in text(response)
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_the_invitation_list_costs_the_same_queries_for_3_and_30_invitations(client_for, coordinator, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import StructureFactory

    counts = []
    client = client_for(coordinator)
    for n in (3, 30):
        Invitation.objects.all().delete()
        for i in range(n):
            services.invite(by=coordinator, email=f"p{i}@example.org", structure=StructureFactory())
        client.get(reverse("network:invitations"))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("network:invitations")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
