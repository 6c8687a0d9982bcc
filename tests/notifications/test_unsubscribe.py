"""The one-click unsubscribe link: works without login, GET asks, POST switches the e-mails of the kind off."""

from django.core import signing
from django.test import Client
from django.urls import reverse

from fabrique.notifications.enums import Delivery, NotificationKind
from fabrique.notifications.services import deliveries
from fabrique.notifications.tokens import SALT, unsubscribe_token
from tests.factories import UserFactory

KIND = NotificationKind.EVENT_CANCELLED


def _url(user, kinds=(KIND,)):
    return reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kinds)])


def test_get_asks_for_a_confirmation_and_changes_nothing(db, client):
    person = UserFactory()
    response = client.get(_url(person))
    assert response.status_code == 200
    page = response.content.decode()
    assert "événement annulé" in page.lower() and person.email in page and '<form method="post"' in page
    assert deliveries(person)[KIND] == Delivery.NOW


def test_post_unsubscribes_without_login_and_keeps_the_other_kinds(db, client):
    person = UserFactory()
    response = client.post(_url(person))
    assert response.status_code == 200
    assert "Désabonnement enregistré" in response.content.decode()
    chosen = deliveries(person)
    assert chosen[KIND] == Delivery.NONE and chosen[NotificationKind.PROJECT_MOVED] == Delivery.NOW


def test_a_mail_client_posts_without_csrf_token(db):
    person = UserFactory()
    assert Client(enforce_csrf_checks=True).post(_url(person), {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert deliveries(person)[KIND] == Delivery.NONE


def test_an_altered_link_is_refused_and_changes_nothing(db, client):
    person = UserFactory()
    forged = signing.dumps({"u": person.pk, "k": [KIND]}, salt="autre chose")
    for token in (forged, unsubscribe_token(person, [KIND])[:-3] + "abc"):
        response = client.post(reverse("notifications:unsubscribe", args=[token]))
        assert response.status_code == 404
        assert "Lien de désabonnement invalide" in response.content.decode()
    assert deliveries(person)[KIND] == Delivery.NOW


def test_a_link_naming_an_unknown_kind_is_refused(db, client):
    person = UserFactory()
    token = signing.dumps({"u": person.pk, "k": ["inconnu"]}, salt=SALT, compress=True)
    assert client.get(reverse("notifications:unsubscribe", args=[token])).status_code == 404
