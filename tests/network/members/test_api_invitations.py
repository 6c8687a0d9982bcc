import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fabrique.accounts.models import User
from fabrique.network.enums import MembershipRole
from fabrique.network.models import Invitation, Membership
from fabrique.network.services import members as services
from tests.api_errors import messages, names_field
from tests.conftest import CALLERS
from tests.snapshots import assert_unchanged

from .helpers import LINK

INVITATIONS = "/api/v1/accounts/invitations"
ACCOUNTS = (Invitation, Membership, User)  # not ApiToken: a bearer call notes the token's last use


def invite(client, body, capture):
    with capture(execute=True):
        return client.post(INVITATIONS, body, content_type="application/json")


@pytest.mark.parametrize("caller", CALLERS, indirect=True)
def test_admins_and_the_coordination_invite_to_a_structure(caller, structure, django_capture_on_commit_callbacks):
    name, user, client = caller
    body = {"email": "Nouvelle@Example.org", "structure": "tag-test", "role": "staff"}
    expected = {"anonymous": 401, "other_member": 403}.get(name, 201)
    with assert_unchanged(*ACCOUNTS, unless=expected == 201):
        response = invite(client, body, django_capture_on_commit_callbacks)
    assert response.status_code == expected
    if expected != 201:
        assert not mail.outbox
        return
    data = response.json()
    assert data["email"] == "nouvelle@example.org" and data["structure"] == {"slug": "tag-test", "name": "TAg Test"}
    assert data["state"] == "pending" and data["invited_by"] == user.email
    assert data["abilities"] == {"view": True, "revoke": True}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nouvelle@example.org"]
    raw = LINK.search(mail.outbox[0].body).group(1)
    assert raw not in response.content.decode()
    assert "token" not in str(data.keys())


def test_only_the_coordination_invites_to_the_coordination(
    client_for, coordinator, member, django_capture_on_commit_callbacks
):
    body = {"email": "renfort@example.org", "as_coordinator": True}
    client = client_for(member)  # logging in writes last_login: before the snapshot
    with assert_unchanged(*ACCOUNTS):
        response = invite(client, body, django_capture_on_commit_callbacks)
    assert response.status_code == 403 and not mail.outbox
    response = invite(client_for(coordinator), body, django_capture_on_commit_callbacks)
    assert response.status_code == 201
    assert response.json()["as_coordinator"] is True and response.json()["structure"] is None
    assert len(mail.outbox) == 1


def test_a_staff_member_cannot_invite(client_for, staff_member, django_capture_on_commit_callbacks):
    body = {"email": "x@example.org", "structure": "tag-test"}
    client = client_for(staff_member)  # logging in writes last_login: before the snapshot
    with assert_unchanged(*ACCOUNTS):
        assert invite(client, body, django_capture_on_commit_callbacks).status_code == 403
    assert not mail.outbox


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "pas-une-adresse", "structure": "tag-test"}, "email"),
        ({"structure": "tag-test"}, "email"),
        ({"email": "a@example.org", "structure": "inconnue"}, "structure"),
        ({"email": "a@example.org"}, "structure"),
        ({"email": "a@example.org", "structure": "tag-test", "role": "chef"}, "role"),
        ({"email": "a@example.org", "structure": "tag-test", "as_coordinator": "peut-être"}, "as_coordinator"),
    ],
)
def test_bad_input_names_the_field(client_for, member, body, field, django_capture_on_commit_callbacks):
    client = client_for(member)  # logging in writes last_login: before the snapshot
    with assert_unchanged(*ACCOUNTS):
        response = invite(client, body, django_capture_on_commit_callbacks)
    assert response.status_code == 422 and names_field(response, field), response.json()
    assert not mail.outbox


def test_inviting_someone_who_already_has_the_role_is_a_conflict(
    client_for, member, staff_member, django_capture_on_commit_callbacks
):
    body = {"email": staff_member.email, "structure": "tag-test", "role": "staff"}
    client = client_for(member)  # logging in writes last_login: before the snapshot
    with assert_unchanged(*ACCOUNTS):
        response = invite(client, body, django_capture_on_commit_callbacks)
    assert response.status_code == 409 and "déjà ce rôle" in messages(response)
    assert not mail.outbox


@pytest.fixture
def invitations(coordinator, structure, other_structure):
    to_tag, _ = services.invite(by=coordinator, email="a@example.org", structure=structure)
    to_other, _ = services.invite(by=coordinator, email="b@example.org", structure=other_structure)
    to_coordination, _ = services.invite(by=coordinator, email="c@example.org", as_coordinator=True)
    return {"tag": to_tag, "other": to_other, "coordination": to_coordination}


@pytest.mark.parametrize("caller", CALLERS, indirect=True)
def test_invitations_are_listed_to_those_concerned(caller, invitations):
    name, _user, client = caller
    response = client.get(INVITATIONS)
    if name == "anonymous":
        assert response.status_code == 401
        return
    emails = {item["email"] for item in response.json()["results"]}
    expected = {
        "coordinator": {"a@example.org", "b@example.org", "c@example.org"},
        "member": {"a@example.org"},
        "bearer": {"a@example.org"},
        "other_member": {"b@example.org"},
    }[name]
    assert emails == expected
    assert all(item["abilities"] == {"view": True, "revoke": True} for item in response.json()["results"])


@pytest.mark.parametrize("caller", CALLERS, indirect=True)
def test_invitations_are_revoked_by_those_concerned(caller, invitations):
    name, _user, client = caller
    invitation = invitations["tag"]
    expected = {"anonymous": 401, "other_member": 404}.get(name, 200)
    with assert_unchanged(*ACCOUNTS, unless=expected == 200):
        response = client.post(f"{INVITATIONS}/{invitation.pk}/revoke", "", content_type="application/json")
    invitation.refresh_from_db()
    assert response.status_code == expected
    if expected == 200:
        assert response.json()["state"] == "revoked" and response.json()["abilities"]["revoke"] is False
        assert invitation.revoked_at is not None
    else:
        assert invitation.revoked_at is None


def test_an_accepted_invitation_cannot_be_revoked(client_for, coordinator, invitations):
    invitation = invitations["tag"]
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    client = client_for(coordinator)
    with assert_unchanged(*ACCOUNTS):
        response = client.post(f"{INVITATIONS}/{invitation.pk}/revoke", "", content_type="application/json")
        unknown = client.post(f"{INVITATIONS}/999999/revoke", "", content_type="application/json")
    assert response.status_code == 409 and "déjà été acceptée" in messages(response)
    assert unknown.status_code == 404


def test_the_state_of_an_invitation_is_given(client_for, coordinator, invitations):
    Invitation.objects.filter(pk=invitations["other"].pk).update(expires_at=timezone.now())
    results = client_for(coordinator).get(INVITATIONS).json()["results"]
    states = {item["email"]: item["state"] for item in results}
    assert states == {"a@example.org": "pending", "b@example.org": "expired", "c@example.org": "pending"}


def _count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INVITATIONS)
    return len(queries), len(response.json()["results"])


def test_listing_invitations_costs_the_same_queries_for_3_or_30(client_for, member, structure):
    client = client_for(member)
    for n in range(3):
        services.invite(by=member, email=f"p{n}@example.org", structure=structure, role=MembershipRole.STAFF)
    few, count = _count_queries(client)
    assert count == 3
    for n in range(3, 30):
        services.invite(by=member, email=f"p{n}@example.org", structure=structure, role=MembershipRole.STAFF)
    many, count = _count_queries(client)
    assert count == 30 and many == few
