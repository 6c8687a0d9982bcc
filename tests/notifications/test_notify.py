"""notify: a row per recipient, and an e-mail by each one's preference for the kind, after the commit."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core import mail

from fabrique.notifications.enums import Delivery, NotificationKind
from fabrique.notifications.models import Notification
from fabrique.notifications.services import in_app_only, notify, send_digests, set_preferences
from tests.factories import UserFactory

KIND = NotificationKind.PROJECT_MOVED


def _notify(people, **kwargs):
    fields = {"kind": KIND, "subject": "Projet « Tiers-lieu » : étude", "body": "Le projet a avancé.", "url": "/m/"}
    return notify(people, **(fields | kwargs))


def test_each_recipient_gets_a_notification_and_an_e_mail_with_an_unsubscribe_link(
    db, django_capture_on_commit_callbacks
):
    people = UserFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(people) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    message = mail.outbox[0]
    assert "/notifications/desabonnement/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert all(n.emailed_at for n in Notification.objects.all())


def test_nothing_leaves_before_the_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        _notify([UserFactory()])
    assert mail.outbox == []


def test_a_key_already_used_for_a_person_notifies_them_once(db, django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify([person], key="rappel:1")
        assert _notify([person], key="rappel:1") == 0
    assert len(mail.outbox) == 1 and Notification.objects.count() == 1


def test_a_person_who_chose_the_site_only_gets_no_e_mail(db, django_capture_on_commit_callbacks):
    quiet, loud = UserFactory.create_batch(2)
    set_preferences(quiet, {KIND: Delivery.NONE})
    with django_capture_on_commit_callbacks(execute=True):
        _notify([quiet, loud])
    assert [m.to for m in mail.outbox] == [[loud.email]]
    assert Notification.objects.filter(recipient=quiet).exists()


def test_inside_in_app_only_the_notifications_stay_on_the_site_and_no_digest_takes_them(
    db, django_capture_on_commit_callbacks
):
    now, digest = UserFactory.create_batch(2)
    set_preferences(digest, {KIND: Delivery.DAILY})
    with django_capture_on_commit_callbacks(execute=True), in_app_only():
        assert _notify([now, digest]) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests(Delivery.DAILY) == 0
        _notify([now], key="after")
    assert [m.to for m in mail.outbox] == [[now.email]]  # the block is over: e-mails again
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


def test_an_inactive_account_is_not_notified(db):
    assert _notify([UserFactory(is_active=False)]) == 0


def test_a_daily_digest_gathers_the_day_once_per_person_and_day(db, django_capture_on_commit_callbacks):
    person, other = UserFactory.create_batch(2)
    set_preferences(person, {KIND: Delivery.DAILY, NotificationKind.EVENT_CHANGED: Delivery.DAILY})
    with django_capture_on_commit_callbacks(execute=True):
        _notify([person, other])
        _notify([person], kind=NotificationKind.EVENT_CHANGED, subject="Événement modifié : Rencontre")
    assert [m.to for m in mail.outbox] == [[other.email]]  # the other wants it now; the digest waits
    evening = datetime.now(ZoneInfo("Europe/Paris")) + timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests(Delivery.DAILY, evening) == 1
        assert send_digests(Delivery.DAILY, evening) == 0  # the scheduler ran twice
    digest = mail.outbox[-1]
    assert digest.to == [person.email]
    assert digest.subject == "Votre résumé du jour : 2 notifications"
    assert "Événement modifié : Rencontre" in digest.body and "Tiers-lieu" in digest.body
    assert "/notifications/desabonnement/" in digest.body
    assert len(mail.outbox) == 2


def test_a_weekly_digest_is_not_sent_for_a_daily_choice(db, django_capture_on_commit_callbacks):
    person = UserFactory()
    set_preferences(person, {KIND: Delivery.WEEKLY})
    with django_capture_on_commit_callbacks(execute=True):
        _notify([person])
        assert send_digests(Delivery.DAILY) == 0
        assert send_digests(Delivery.WEEKLY) == 1
    assert mail.outbox[0].subject == "Votre résumé de la semaine : 1 notification"
