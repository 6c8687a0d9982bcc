"""The « Conversation » tab: who writes, who reads, who is told; mentions, attachments, edits and deletions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification
from fabrique.workspace.enums import ProjectRole
from fabrique.workspace.models import Message, MessageAttachment, MessageMention
from fabrique.workspace.services import messages as services
from tests.factories import UserFactory

from .factories import MessageFactory, ProjectMemberFactory

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.APPELLATION_PRIVATE_ROOT = tmp_path / "private"


def _url(project, name="conversation", *args):
    return reverse(f"workspace:{name}", args=[project.pk, *args])


def _told(kind=None) -> set[tuple[str, str]]:
    rows = Notification.objects.all() if kind is None else Notification.objects.filter(kind=kind)
    return {(row.recipient.email, row.kind) for row in rows.select_related("recipient")}


def test_the_carrier_posts_and_the_project_s_people_are_told(
    project, member, staff_member, carrier, expert, client_for
):
    response = client_for(carrier).post(_url(project), {"body": "Le local est **trouvé**."})
    message = Message.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url(project) + f"#message-{message.pk}"
    assert (message.author, message.internal, message.body) == (carrier, False, "Le local est **trouvé**.")
    assert _told() == {
        (member.email, NotificationKind.PROJECT_MESSAGE),
        (staff_member.email, NotificationKind.PROJECT_MESSAGE),
        (expert.email, NotificationKind.PROJECT_MESSAGE),
    }
    page = client_for(expert).get(_url(project)).content.decode()
    assert "Le local est <strong>trouvé</strong>." in page


def test_a_mention_by_the_list_or_by_address_tells_the_person_mentioned(
    project, member, staff_member, carrier, expert, client_for
):
    body = f"Merci @{expert.email} pour l'étude."
    response = client_for(member).post(_url(project), {"body": body, "audience": "all", "mentions": [carrier.pk]})
    assert response.status_code == 302
    message = Message.objects.get()
    assert set(message.mentions.values_list("user", flat=True)) == {carrier.pk, expert.pk}
    assert _told() == {
        (carrier.email, NotificationKind.MENTION),
        (expert.email, NotificationKind.MENTION),
        (staff_member.email, NotificationKind.PROJECT_MESSAGE),
    }
    mention = Notification.objects.get(recipient=carrier)
    assert mention.url == _url(project) + f"#message-{message.pk}"


def test_the_two_audiences_are_offered_to_the_team_only(project, member, carrier, client_for):
    team_page = client_for(member).get(_url(project)).content.decode()
    assert "À toutes les personnes du projet" in team_page
    assert "Note interne à l’équipe de la structure" in team_page
    carrier_page = client_for(carrier).get(_url(project)).content.decode()
    assert "Note interne à l’équipe de la structure" not in carrier_page
    assert "Votre message sera lu par toutes les personnes du projet" in carrier_page


def test_the_carrier_never_sees_an_internal_note(project, member, staff_member, carrier, expert, client_for):
    upload = SimpleUploadedFile("budget.pdf", PDF, content_type="application/pdf")
    body = f"Le porteur hésite, @{carrier.email} ne doit pas le lire."
    response = client_for(member).post(_url(project), {"body": body, "audience": "team", "attachment": upload})
    assert response.status_code == 302
    note = Message.objects.get()
    attachment = MessageAttachment.objects.get()
    assert note.internal and not note.mentions.exists()
    # Told: the team only, never the carrier whose address is in the note.
    assert _told() == {(staff_member.email, NotificationKind.PROJECT_MESSAGE)}
    for guest in (carrier, expert):
        page = client_for(guest).get(_url(project)).content.decode()
        assert "Le porteur hésite" not in page
        assert "budget.pdf" not in page
        assert client_for(guest).get(_url(project, "message_attachment", attachment.pk)).status_code == 404
        assert client_for(guest).get(_url(project, "message_edit", note.pk)).status_code == 404
    team_page = client_for(staff_member).get(_url(project)).content.decode()
    assert "Le porteur hésite" in team_page
    assert "Note interne</span>" in team_page
    assert "lue par l’équipe de la structure et la coordination seulement" in team_page
    download = client_for(staff_member).get(_url(project, "message_attachment", attachment.pk))
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="budget.pdf"'
    # As a project's documents: never kept by a shared cache, never sniffed nor run.
    assert (download["Cache-Control"], download["X-Content-Type-Options"]) == ("private, no-store", "nosniff")
    assert download["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(download.streaming_content) == PDF


def test_an_internal_note_cannot_mention_the_carrier_and_nothing_is_saved(project, member, carrier, client_for):
    response = client_for(member).post(_url(project), {"body": "Point", "audience": "team", "mentions": [carrier.pk]})
    assert response.status_code == 200
    assert "Une note interne n&#x27;est lue que par l&#x27;équipe de la structure" in response.content.decode()
    assert not Message.objects.exists()
    assert not Notification.objects.exists()


def test_a_carrier_cannot_write_an_internal_note(project, carrier):
    with pytest.raises(services.PermissionDenied, match="Seule l'équipe de la structure écrit des notes internes."):
        services.post_message(project, by=carrier, body="Entre nous", internal=True)
    assert not Message.objects.exists()


@pytest.mark.parametrize("who", ["observer", "coordinator"])
def test_the_observer_and_the_coordination_read_without_writing(project, observer, coordinator, client_for, who):
    user = {"observer": observer, "coordinator": coordinator}[who]
    MessageFactory(project=project, body="Premier compte rendu")
    client = client_for(user)
    page = client.get(_url(project)).content.decode()
    assert "Premier compte rendu" in page
    assert 'name="body"' not in page
    assert client.post(_url(project), {"body": "Je voudrais écrire"}).status_code == 403
    assert Message.objects.count() == 1


def test_whoever_is_not_on_the_project_gets_a_404(project, other_member, client_for):
    message = MessageFactory(project=project)
    client = client_for(other_member)
    assert client.get(_url(project)).status_code == 404
    assert client.post(_url(project), {"body": "Bonjour"}).status_code == 404
    assert client.post(_url(project, "message_delete", message.pk)).status_code == 404


def test_a_message_too_long_is_refused_in_french_and_nothing_is_saved(project, member, client_for):
    response = client_for(member).post(_url(project), {"body": "a" * 10_001, "audience": "all"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Le message compte 10\u202f001\u00a0caractères\u00a0: la limite est de 10\u202f000\u00a0caractères." in page
    assert "<title>Erreur\u00a0: " in page
    assert not Message.objects.exists()


def test_a_refused_attachment_gets_the_checks_message_and_nothing_is_saved(project, member, client_for, settings):
    upload = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for(member).post(
        _url(project), {"body": "Voici le rapport", "audience": "all", "attachment": upload}
    )
    assert response.status_code == 200
    assert "n&#x27;est pas d&#x27;un type accepté" in response.content.decode()
    assert not Message.objects.exists()
    assert not MessageAttachment.objects.exists()
    assert not Notification.objects.exists()
    stored = settings.APPELLATION_PRIVATE_ROOT / "workspace"
    assert not stored.exists() or not any(stored.rglob("*.*"))


def test_markdown_is_sanitised(project, member, client_for):
    services.post_message(project, by=member, body="<script>alert(1)</script> [lien](javascript:alert(1)) *ok*")
    page = client_for(member).get(_url(project)).content.decode()
    assert "<script>alert(1)" not in page
    assert "javascript:" not in page
    assert "<em>ok</em>" in page


def test_the_author_edits_and_deletes_and_the_history_keeps_every_version(
    project, member, staff_member, carrier, client_for
):
    message = services.post_message(project, by=carrier, body="Première version")
    client = client_for(carrier)
    assert client_for(staff_member).get(_url(project, "message_edit", message.pk)).status_code == 403
    assert client_for(staff_member).post(_url(project, "message_delete", message.pk)).status_code == 403
    response = client.post(_url(project, "message_edit", message.pk), {"body": "Seconde version", "version": 1})
    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.body, message.version) == ("Seconde version", 2)
    assert message.edited_at is not None
    response = client.post(_url(project, "message_delete", message.pk), {"version": 2})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.deleted_at is not None and message.body == ""
    page = client_for(member).get(_url(project)).content.decode()
    assert "Message supprimé." in page
    assert "Seconde version" not in page
    history = list(message.history.order_by("history_date", "history_id").values_list("body", "history_user"))
    assert history == [("Première version", carrier.pk), ("Seconde version", carrier.pk), ("", carrier.pk)]
    # A deleted message is no longer editable.
    assert client.get(_url(project, "message_edit", message.pk)).status_code == 403


def test_a_stale_edit_is_refused_and_nothing_is_saved(project, carrier, client_for):
    message = services.post_message(project, by=carrier, body="Première version")
    services.edit_message(message, by=carrier, body="Modifiée ailleurs", expected_version=1)
    response = client_for(carrier).post(_url(project, "message_edit", message.pk), {"body": "Trop tard", "version": 1})
    assert response.status_code == 200
    assert "a été modifiée par quelqu&#x27;un d&#x27;autre" in response.content.decode()
    message.refresh_from_db()
    assert message.body == "Modifiée ailleurs"


def test_a_deleted_message_s_attachment_is_no_longer_served(project, member, client_for):
    upload = SimpleUploadedFile("plan.pdf", PDF)
    message = services.post_message(project, by=member, body="Le plan", upload=upload)
    attachment = message.attachments.get()
    services.delete_message(message, by=member)
    assert client_for(member).get(_url(project, "message_attachment", attachment.pk)).status_code == 404


def test_the_activity_feed_tells_the_carrier_of_messages_but_never_of_an_internal_note(
    project, member, carrier, client_for
):
    services.post_message(project, by=member, body="À tous : le local est trouvé")
    services.post_message(project, by=member, body="Entre nous : le budget", internal=True)
    url = reverse("audit:project_activity", args=[project.pk])
    message, note = "a écrit un message", "a écrit une note interne"
    team_page = client_for(member).get(url).content.decode()
    carrier_page = client_for(carrier).get(url).content.decode()
    assert (team_page.count(message), team_page.count(note)) == (1, 1)
    assert (carrier_page.count(message), carrier_page.count(note)) == (1, 0)
    assert "le budget" not in carrier_page


@pytest.mark.parametrize("count", [3, 30])
def test_the_conversation_costs_the_same_queries_for_3_and_30_messages(project, member, carrier, client_for, count):
    for number in range(count):
        message = MessageFactory(project=project, author=carrier, internal=number % 3 == 0)
        MessageMention.objects.create(message=message, user=member)
        MessageAttachment.objects.create(
            message=message, filename=f"annexe-{number}.pdf", file="x.pdf", content_type="application/pdf", size=3
        )
    ProjectMemberFactory(project=project, role=ProjectRole.PARTNER, user=UserFactory())
    client = client_for(member)
    client.get(_url(project))
    with CaptureQueriesContext(connection) as queries:
        page = client.get(_url(project)).content.decode()
    assert page.count('class="card mb-3') == min(count, 20)
    assert len(queries) == CONVERSATION_QUERIES


CONVERSATION_QUERIES = 11
