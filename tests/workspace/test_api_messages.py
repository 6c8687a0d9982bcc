"""The conversation through the API: the same rights, rules and notifications as the « Conversation » tab."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification
from fabrique.workspace.models import Message
from fabrique.workspace.services import messages as services

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.APPELLATION_PRIVATE_ROOT = tmp_path / "private"


def _url(project, message=None):
    base = f"/api/v1/projects/{project.pk}/messages"
    return base if message is None else f"{base}/{message.pk}"


def _send(client, method, url, body):
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def test_the_list_gives_internal_notes_to_the_team_only(project, member, carrier, client_for):
    services.post_message(project, by=member, body="Pour tous", upload=SimpleUploadedFile("plan.pdf", PDF))
    services.post_message(project, by=member, body="Entre nous", internal=True, mentions=[])
    team = client_for(member).get(_url(project)).json()
    assert [row["body"] for row in team["results"]] == ["Entre nous", "Pour tous"]
    assert team["results"][0]["abilities"] == {"view": True, "change": True, "delete": True}
    assert team["results"][1]["attachments"][0]["filename"] == "plan.pdf"
    guest = client_for(carrier).get(_url(project)).json()
    assert guest["count"] == 1
    assert [row["body"] for row in guest["results"]] == ["Pour tous"]
    assert guest["results"][0]["abilities"] == {"view": True, "change": False, "delete": False}
    assert "Entre nous" not in json.dumps(guest)


def test_whoever_is_not_on_the_project_gets_a_404(project, other_member, client_for):
    client = client_for(other_member)
    assert client.get(_url(project)).status_code == 404
    assert _send(client, "post", _url(project), {"body": "Bonjour"}).status_code == 404
    assert not Message.objects.exists()


def test_the_carrier_posts_mentions_and_the_team_is_told(project, member, staff_member, carrier, client_for):
    response = _send(
        client_for(carrier), "post", _url(project), {"body": "Le local est trouvé", "mentions": [member.pk]}
    )
    assert response.status_code == 201
    answer = response.json()
    assert (answer["author"]["id"], answer["internal"], answer["mentions"][0]["id"]) == (carrier.pk, False, member.pk)
    kinds = dict(Notification.objects.values_list("recipient__email", "kind"))
    assert kinds == {member.email: NotificationKind.MENTION, staff_member.email: NotificationKind.PROJECT_MESSAGE}


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"body": "Entre nous", "internal": True}, 403, "Seule l'équipe de la structure écrit des notes internes."),
        ({"body": "a" * 10_001}, 422, "Le message compte 10\u202f001\u00a0caractères"),
        ({"body": "   "}, 422, "Écrivez votre message."),
    ],
)
def test_a_refused_post_says_why_in_french_and_saves_nothing(project, carrier, client_for, body, status, detail):
    response = _send(client_for(carrier), "post", _url(project), body)
    assert response.status_code == status
    assert detail in json.dumps(response.json(), ensure_ascii=False)
    assert not Message.objects.exists()


def test_a_mention_of_someone_off_the_project_is_refused(project, member, other_member, client_for):
    response = _send(client_for(member), "post", _url(project), {"body": "Bonjour", "mentions": [other_member.pk]})
    assert response.status_code == 422
    assert "On ne mentionne que les personnes du projet." in response.json()["detail"][0]["msg"]
    assert not Message.objects.exists()


@pytest.mark.parametrize("who", ["observer", "coordinator"])
def test_the_observer_and_the_coordination_cannot_post(project, observer, coordinator, client_for, who):
    user = {"observer": observer, "coordinator": coordinator}[who]
    assert client_for(user).get(_url(project)).status_code == 200
    assert _send(client_for(user), "post", _url(project), {"body": "Bonjour"}).status_code == 403
    assert not Message.objects.exists()


def test_the_author_alone_edits_with_the_version_read(project, member, carrier, client_for):
    message = services.post_message(project, by=carrier, body="Première version")
    assert _send(client_for(member), "patch", _url(project, message), {"body": "Non", "version": 1}).status_code == 403
    response = _send(client_for(carrier), "patch", _url(project, message), {"body": "Seconde version", "version": 1})
    assert response.status_code == 200
    assert (response.json()["body"], response.json()["version"]) == ("Seconde version", 2)
    stale = _send(client_for(carrier), "patch", _url(project, message), {"body": "Trop tard", "version": 1})
    assert stale.status_code == 409
    assert "modifiée par quelqu'un d'autre" in stale.json()["detail"]
    message.refresh_from_db()
    assert message.body == "Seconde version"


def test_the_author_deletes_and_the_message_stays_as_deleted(project, member, carrier, client_for):
    message = services.post_message(project, by=carrier, body="À retirer", upload=SimpleUploadedFile("a.pdf", PDF))
    assert client_for(member).delete(_url(project, message)).status_code == 403
    assert client_for(carrier).delete(_url(project, message)).status_code == 204
    row = client_for(member).get(_url(project)).json()["results"][0]
    assert (row["deleted"], row["body"], row["attachments"]) == (True, "", [])
    assert message.history.earliest("history_date").body == "À retirer"
    assert client_for(carrier).delete(_url(project, message)).status_code == 403


def test_an_internal_note_is_404_for_the_carrier(project, member, carrier, client_for):
    note = services.post_message(project, by=member, body="Entre nous", internal=True)
    assert _send(client_for(carrier), "patch", _url(project, note), {"body": "x", "version": 1}).status_code == 404
    assert client_for(carrier).delete(_url(project, note)).status_code == 404
