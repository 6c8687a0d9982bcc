"""The people of a project through the API: the same rights as the pages, 4xx JSON in French, `abilities`."""

import json

import pytest
from django.core import mail

from fabrique.workspace.enums import ProjectRole
from fabrique.workspace.models import ProjectInvitation, ProjectMember
from tests.factories import PartnerFactory, UserFactory

from .factories import project_invitation

API = "/api/v1/projects/{}"


def post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_the_team_lists_the_people_with_their_abilities_and_the_pending_invitations(
    project, member, carrier, expert, client_for
):
    project_invitation(project, email="attente@example.org")
    answer = client_for(member).get(API.format(project.pk) + "/people").json()
    assert [p["user"]["email"] for p in answer["team"]] == ["membre@example.org"]
    people = {p["user"]["email"]: p for p in answer["people"]}
    assert people[carrier.email]["role"] == "carrier"
    assert people[expert.email]["abilities"] == {"remove": True, "change_observer": True}
    assert [i["email"] for i in answer["invitations"]] == ["attente@example.org"]
    assert answer["abilities"]["manage_people"] is True


def test_a_carrier_reads_the_people_but_no_invitation_and_may_leave(project, carrier, client_for):
    project_invitation(project, email="attente@example.org")
    answer = client_for(carrier).get(API.format(project.pk) + "/people").json()
    assert answer["invitations"] == []
    assert answer["abilities"]["leave"] is True and answer["abilities"]["manage_people"] is False
    assert answer["people"][0]["abilities"] == {"remove": False, "change_observer": False}
    # Names only: the addresses are the team's and the coordination's, as on the « Personnes » page.
    assert {p["user"]["email"] for p in answer["team"] + answer["people"]} == {None}


def test_whoever_is_not_on_the_project_gets_a_404(project, other_member, client_for):
    response = client_for(other_member).get(API.format(project.pk) + "/people")
    assert response.status_code == 404 and response.json() == {"detail": "Introuvable."}


def test_the_team_invites_and_the_e_mail_leaves_after_the_commit(
    project, member, client_for, django_capture_on_commit_callbacks
):
    partner = PartnerFactory(name="Mairie de Morlaix")
    body = {"email": " Elu@Example.org ", "role": "partner", "partner": partner.pk}
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client_for(member), API.format(project.pk) + "/invitations", body)
    assert response.status_code == 201, response.content
    answer = response.json()
    assert (answer["email"], answer["partner"], answer["abilities"]) == (
        "elu@example.org",
        "Mairie de Morlaix",
        {"revoke": True},
    )
    assert mail.outbox[-1].to == ["elu@example.org"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"email": "pas-une-adresse", "role": "carrier"}, 422, "Saisissez une adresse e-mail valide"),
        ({"email": "a@example.org", "role": "carrier", "observer": True}, 422, "Seul un expert peut être observateur."),
        ({"email": "a@example.org", "role": "expert", "partner": "PARTNER"}, 422, "Seul un partenaire est lié"),
        ({"email": "a@example.org", "role": "partner", "partner": 999999}, 422, "Partenaire du registre inconnu"),
        ({"email": "CARRIER", "role": "expert"}, 422, "est déjà sur ce projet."),
        ({"email": "attente@example.org", "role": "expert"}, 422, "Une invitation est déjà en attente"),
    ],
)
def test_a_bad_invitation_is_a_4xx_in_french_and_nothing_is_saved(
    project, member, carrier, client_for, body, status, message
):
    project_invitation(project, email="attente@example.org")
    body = {**body}
    if body["email"] == "CARRIER":
        body["email"] = carrier.email
    if body.get("partner") == "PARTNER":
        body["partner"] = PartnerFactory().pk
    response = post(client_for(member), API.format(project.pk) + "/invitations", body)
    assert response.status_code == status
    assert message in json.dumps(response.json(), ensure_ascii=False)
    assert ProjectInvitation.objects.count() == 1 and not mail.outbox


def test_people_of_the_project_and_the_coordination_do_not_invite(project, carrier, coordinator, client_for):
    body = {"email": "a@example.org", "role": "expert"}
    for user in (carrier, coordinator):
        response = post(client_for(user), API.format(project.pk) + "/invitations", body)
        assert response.status_code == 403
        assert response.json()["detail"] == "Votre place sur ce projet ne permet pas de faire cela."
    assert not ProjectInvitation.objects.exists()


def test_the_team_revokes_an_invitation_and_the_link_stops_working(project, member, client_for, client):
    invitation, raw = project_invitation(project)
    url = API.format(project.pk) + f"/invitations/{invitation.pk}/revoke"
    answer = post(client_for(member), url).json()
    assert answer["revoked_at"] is not None and answer["abilities"] == {"revoke": False}
    assert client.get(f"/espace-projet/invitation/{raw}/").status_code == 410
    invitation.accepted_at, invitation.revoked_at = invitation.created_at, None
    invitation.save()
    response = post(client_for(member), url)
    assert response.status_code == 409 and "déjà été acceptée" in response.json()["detail"]


def test_the_team_removes_a_person_whose_access_ends_at_once(project, member, carrier, client_for):
    row = ProjectMember.objects.get(user=carrier)
    carrier_client = client_for(carrier)
    assert carrier_client.delete(API.format(project.pk) + f"/people/{row.pk}").status_code == 403
    assert client_for(member).delete(API.format(project.pk) + f"/people/{row.pk}").status_code == 204
    assert carrier_client.get(API.format(project.pk) + "/people").status_code == 404
    assert ProjectMember.history.filter(history_type="-").get().history_user == member


def test_a_person_leaves_and_the_team_cannot(project, member, expert, client_for):
    url = API.format(project.pk) + "/leave"
    response = post(client_for(member), url)
    assert response.status_code == 403 and response.json()["detail"]
    assert post(client_for(expert), url).status_code == 204
    assert client_for(expert).get(API.format(project.pk) + "/people").status_code == 404


def test_the_team_changes_an_expert_s_observer_flag_with_the_version_read(project, member, expert, carrier, client_for):
    client = client_for(member)
    row = ProjectMember.objects.get(user=expert)
    url = API.format(project.pk) + f"/people/{row.pk}"
    response = client.patch(url, json.dumps({"observer": True, "version": 1}), content_type="application/json")
    assert response.status_code == 200 and response.json()["observer"] is True and response.json()["version"] == 2
    stale = client.patch(url, json.dumps({"observer": False, "version": 1}), content_type="application/json")
    assert stale.status_code == 409 and "modifiée par quelqu'un d'autre" in stale.json()["detail"]
    carrier_row = ProjectMember.objects.get(user=carrier)
    refused = client.patch(
        API.format(project.pk) + f"/people/{carrier_row.pk}",
        json.dumps({"observer": True, "version": 1}),
        content_type="application/json",
    )
    assert refused.status_code == 422 and "Seul un expert peut être observateur." in json.dumps(
        refused.json(), ensure_ascii=False
    )
    row.refresh_from_db()
    carrier_row.refresh_from_db()
    assert row.observer and not carrier_row.observer


def test_an_invited_person_accepts_then_reads_the_project_through_the_api(
    project, member, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(
            client_for(member),
            API.format(project.pk) + "/invitations",
            {"email": "porteur@example.org", "role": "carrier"},
        )
    invitation = ProjectInvitation.objects.get()
    carrier = UserFactory(email="porteur@example.org")
    client = client_for(carrier)
    assert client.get(API.format(project.pk) + "/people").status_code == 404
    raw = mail.outbox[-1].body.split("/espace-projet/invitation/")[1].split("/")[0]
    assert client.post(f"/espace-projet/invitation/{raw}/").status_code == 302
    people = client.get(API.format(project.pk) + "/people").json()["people"]
    # The carrier reads themself by name: addresses are the team's.
    assert [(p["user"]["full_name"], p["user"]["email"], p["role"]) for p in people] == [
        (carrier.get_full_name(), None, ProjectRole.CARRIER)
    ]
    invitation.refresh_from_db()
    assert invitation.accepted_by == carrier
