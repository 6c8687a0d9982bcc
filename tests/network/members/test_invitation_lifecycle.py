import hashlib
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from fabrique.accounts.models import User
from fabrique.network.enums import MembershipRole
from fabrique.network.models import Invitation, Membership
from tests.accounts.helpers import text
from tests.factories import PASSWORD, MembershipFactory, UserFactory
from tests.snapshots import assert_unchanged

from .helpers import send_invitation

NEW_PASSWORD = "Un-mot-de-passe-solide-2024"


def _accept_url(raw):
    return reverse("network:accept_invitation", args=[raw])


def test_an_invitation_sends_a_link_on_the_site_and_stores_only_the_hash(
    django_capture_on_commit_callbacks, coordinator, structure
):
    invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=coordinator, email="Nouvelle@Example.org", structure=structure
    )
    message = mail.outbox[0]
    assert message.to == ["nouvelle@example.org"]
    assert "TAg Test" in message.subject
    assert "7 jours" in message.body
    assert f"http://testserver.example/comptes/invitation/{raw}/" in message.body
    invitation.refresh_from_db()
    assert invitation.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    stored = [str(value) for value in Invitation.objects.values().get()]
    assert not any(raw in value for value in stored)
    assert invitation.expires_at - timezone.now() > timedelta(days=6, hours=23)


def test_no_e_mail_leaves_when_the_transaction_is_not_committed(coordinator, structure):
    from fabrique.network.services import members as services

    services.invite(by=coordinator, email="x@example.org", structure=structure)
    assert mail.outbox == []


def test_a_new_person_creates_an_account_and_becomes_a_member(
    client, django_capture_on_commit_callbacks, member, structure
):
    invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=member, email="alex@example.org", structure=structure
    )
    page = client.get(_accept_url(raw))
    assert page.status_code == 200
    assert "Créer mon compte" in text(page)
    response = client.post(
        _accept_url(raw),
        {"first_name": "Alex", "last_name": "Martin", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    user = User.objects.get(email="alex@example.org")
    assert (user.first_name, user.last_name) == ("Alex", "Martin")
    assert user.check_password(NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert Membership.objects.get(user=user, structure=structure).role == MembershipRole.STAFF
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at is not None


def test_a_weak_password_is_refused_with_the_field_named_and_nothing_is_created(
    client, django_capture_on_commit_callbacks, member, structure
):
    _invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=member, email="alex@example.org", structure=structure
    )
    response = client.post(
        _accept_url(raw), {"first_name": "Alex", "last_name": "Martin", "password1": "1234", "password2": "1234"}
    )
    assert response.status_code == 200
    page = text(response)
    assert 'href="#id_password1">Mot de passe</a>' in page
    assert "trop court" in page
    assert not User.objects.filter(email="alex@example.org").exists()


def test_an_existing_person_logs_in_first_then_accepts_and_gets_the_new_role(
    client, django_capture_on_commit_callbacks, coordinator, structure, staff_member
):
    invitation, raw = send_invitation(
        django_capture_on_commit_callbacks,
        by=coordinator,
        email=staff_member.email,
        structure=structure,
        role=MembershipRole.ADMIN,
    )
    page = client.get(_accept_url(raw))
    assert "Se connecter pour accepter" in text(page)
    assert client.post(_accept_url(raw)).status_code == 200  # still the log-in invitation, nothing accepted
    invitation.refresh_from_db()
    assert invitation.accepted_at is None

    client.post(
        reverse("accounts:login"), {"username": staff_member.email, "password": PASSWORD, "next": _accept_url(raw)}
    )
    assert "Accepter l'invitation" in text(client.get(_accept_url(raw)))
    response = client.post(_accept_url(raw))
    assert response.status_code == 302
    assert Membership.objects.get(user=staff_member, structure=structure).role == MembershipRole.ADMIN


def test_an_invitation_works_only_once(client, django_capture_on_commit_callbacks, member, structure):
    _invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=member, email="alex@example.org", structure=structure
    )
    data = {"first_name": "Alex", "last_name": "Martin", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    client.post(_accept_url(raw), data)
    client.post(reverse("accounts:logout"))
    response = client.get(_accept_url(raw))
    assert response.status_code == 410
    assert "déjà été utilisée" in text(response)
    assert client.post(_accept_url(raw), data).status_code == 410
    assert User.objects.filter(email="alex@example.org").count() == 1


def test_an_expired_invitation_is_refused_with_a_clear_message(
    client, django_capture_on_commit_callbacks, member, structure
):
    invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=member, email="alex@example.org", structure=structure
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(_accept_url(raw))
    assert response.status_code == 410
    assert "a expiré" in text(response)
    data = {"first_name": "A", "last_name": "B", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    assert client.post(_accept_url(raw), data).status_code == 410
    assert not User.objects.filter(email="alex@example.org").exists()


def test_an_invitation_expires_seven_days_after_it_was_sent(
    client, django_capture_on_commit_callbacks, member, structure
):
    invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=member, email="alex@example.org", structure=structure
    )
    Invitation.objects.filter(pk=invitation.pk).update(created_at=timezone.now() - timedelta(days=7))
    sent = Invitation.objects.get(pk=invitation.pk)
    assert sent.expires_at - sent.created_at >= timedelta(days=7)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=sent.created_at + timedelta(days=7))
    assert client.get(_accept_url(raw)).status_code == 410


def test_an_unknown_link_answers_404_in_french(client, db):
    response = client.get(_accept_url("inconnu-0123456789"))
    assert response.status_code == 404
    assert "Ce lien d'invitation est inconnu" in text(response)


def test_a_revoked_invitation_no_longer_works(client, django_capture_on_commit_callbacks, member, structure):
    invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=member, email="alex@example.org", structure=structure
    )
    client.force_login(member)
    response = client.post(reverse("network:invitation_revoke", args=[invitation.pk]))
    assert response.status_code == 302
    client.post(reverse("accounts:logout"))
    response = client.get(_accept_url(raw))
    assert response.status_code == 410
    assert "annulée" in text(response)


def test_the_wrong_person_cannot_accept_someone_elses_invitation(
    client, django_capture_on_commit_callbacks, member, structure, other_member
):
    invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=member, email="alex@example.org", structure=structure
    )
    client.force_login(other_member)
    page = client.get(_accept_url(raw))
    assert page.status_code == 403
    assert "alex@example.org" in text(page)
    with assert_unchanged(Invitation, Membership, User):
        assert client.post(_accept_url(raw)).status_code == 403


def test_the_wrong_person_with_an_account_cannot_accept_either(
    client, django_capture_on_commit_callbacks, member, structure, other_member
):
    invited = UserFactory(email="invitee@example.org")
    _invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=member, email=invited.email, structure=structure
    )
    client.force_login(other_member)
    with assert_unchanged(Invitation, Membership, User):
        assert client.post(_accept_url(raw)).status_code == 403


def test_an_invitation_to_the_coordination_makes_a_coordinator_with_admin_access(
    client, django_capture_on_commit_callbacks, coordinator
):
    _invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=coordinator, email="renfort@example.org", as_coordinator=True
    )
    assert "coordination" in mail.outbox[0].subject
    data = {"first_name": "Sam", "last_name": "Roy", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    client.post(_accept_url(raw), data)
    user = User.objects.get(email="renfort@example.org")
    assert user.is_coordinator and user.is_staff
    assert not user.memberships.exists()


def test_a_new_invitation_replaces_the_pending_one_for_the_same_address(
    django_capture_on_commit_callbacks, member, structure, client
):
    first, first_raw = send_invitation(
        django_capture_on_commit_callbacks, by=member, email="alex@example.org", structure=structure
    )
    send_invitation(django_capture_on_commit_callbacks, by=member, email="alex@example.org", structure=structure)
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert client.get(_accept_url(first_raw)).status_code == 410


def test_accepting_as_staff_does_not_demote_the_last_admin(
    client, django_capture_on_commit_callbacks, coordinator, structure, member
):
    _invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=coordinator, email=member.email, structure=structure
    )
    client.force_login(member)
    assert client.post(_accept_url(raw)).status_code == 302
    assert Membership.objects.get(user=member, structure=structure).role == MembershipRole.ADMIN


@pytest.mark.parametrize("already_member", [False, True])
def test_the_membership_history_names_the_person_who_accepted(
    client, django_capture_on_commit_callbacks, coordinator, other_structure, already_member
):
    person = UserFactory(email="histoire@example.org")
    if already_member:
        MembershipFactory(structure=other_structure, user=person, role=MembershipRole.STAFF)
    _invitation, raw = send_invitation(
        django_capture_on_commit_callbacks,
        by=coordinator,
        email=person.email,
        structure=other_structure,
        role=MembershipRole.ADMIN,
    )
    client.force_login(person)
    client.post(_accept_url(raw))
    membership = Membership.objects.get(user=person, structure=other_structure)
    assert membership.role == MembershipRole.ADMIN
    assert membership.history.first().history_user == person


def test_a_logged_in_member_accepts_an_invitation_to_the_coordination(
    client, django_capture_on_commit_callbacks, coordinator, member
):
    _invitation, raw = send_invitation(
        django_capture_on_commit_callbacks, by=coordinator, email=member.email, as_coordinator=True
    )
    client.force_login(member)
    assert client.post(_accept_url(raw)).status_code == 302
    member.refresh_from_db()
    assert member.is_coordinator and member.is_staff
    assert member.memberships.count() == 1
    assert "Coordination du réseau" in text(client.get(reverse("dashboard")))
