"""« Mes notifications », mark-as-read, preferences, and the header's badge."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.notifications.enums import Delivery, NotificationKind
from fabrique.notifications.services import deliveries
from tests.factories import UserFactory

LIST = reverse("notifications:list")


def test_the_list_shows_only_my_notifications_and_the_badge_counts_the_unread(
    member, other_member, client_for, notifications_of
):
    notifications_of(member, 2)
    notifications_of(other_member, 1)
    page = client_for(member).get(LIST).content.decode()
    assert page.count('class="notification card') == 2
    assert "2 notifications non lues." in page
    assert 'badge rounded-pill text-bg-danger">2<span class="visually-hidden"> non lues' in page


def test_marking_one_read_then_all(member, client_for, notifications_of):
    first, second, third = notifications_of(member, 3)
    client = client_for(member)
    response = client.post(reverse("notifications:read", args=[first.pk]), follow=True)
    assert "Notification marquée comme lue." in response.content.decode()
    first.refresh_from_db()
    assert first.read_at is not None
    response = client.post(reverse("notifications:read_all"), follow=True)
    assert "2 notifications marquées comme lues." in response.content.decode()
    assert "Aucune notification non lue." in response.content.decode()


def test_nobody_marks_another_persons_notification(member, other_member, client_for, notifications_of):
    (theirs,) = notifications_of(other_member, 1)
    assert client_for(member).post(reverse("notifications:read", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_read_without_post_is_refused(member, client_for, notifications_of):
    (mine,) = notifications_of(member, 1)
    assert client_for(member).get(reverse("notifications:read", args=[mine.pk])).status_code == 405


def test_preferences_are_saved_per_kind(member, client_for):
    data = {kind: Delivery.NOW for kind in NotificationKind.values} | {NotificationKind.DECISION: Delivery.WEEKLY}
    response = client_for(member).post(reverse("notifications:preferences"), data, follow=True)
    assert "Vos préférences de notification sont enregistrées." in response.content.decode()
    assert deliveries(member)[NotificationKind.DECISION] == Delivery.WEEKLY


def test_a_bad_choice_is_refused_in_french_and_nothing_is_saved(member, client_for):
    data = {kind: Delivery.DAILY for kind in NotificationKind.values} | {NotificationKind.DECISION: "jamais"}
    response = client_for(member).post(reverse("notifications:preferences"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Erreur\xa0:" in page and "Sélectionnez un choix valide" in page
    assert 'href="#id_decision"' in page and 'id="id_decision" tabindex="-1"' in page
    assert set(deliveries(member).values()) == {Delivery.NOW}


def test_the_list_costs_the_same_for_3_and_30_notifications(db, client_for, notifications_of):
    person = UserFactory()
    client = client_for(person)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    notifications_of(person, 3)
    small = count()
    notifications_of(person, 27)
    assert count() == small
