"""E-mails sent on commit, each also listed on the recipient's notification page; reminders run once."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from fabrique.appellation import services
from fabrique.appellation.enums import NotificationKind
from fabrique.notifications.models import Notification

from .conftest import open_session_with


def test_opening_a_session_tells_every_voter_admin_after_commit(
    submitted, coordinator, voters, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        open_session_with(coordinator, [submitted])
    assert sorted(m.to[0] for m in mail.outbox) == sorted(v.email for v in voters)
    assert Notification.objects.filter(kind=NotificationKind.SESSION_OPENED).count() == 3
    assert "TAg Test" in mail.outbox[0].body


def test_nothing_is_sent_when_the_transaction_fails(submitted, coordinator, voters, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        open_session_with(coordinator, [submitted])
    assert mail.outbox == [] and len(callbacks) == 3


def test_the_decision_is_sent_to_the_applicant(
    session, submitted, voters, coordinator, member, django_capture_on_commit_callbacks
):
    for user in voters:
        services.cast_vote(submitted, by=user, choice="for")
    with django_capture_on_commit_callbacks(execute=True):
        services.close_session(session, by=coordinator)
    decision = Notification.objects.get(kind=NotificationKind.DECISION)
    assert decision.recipient == member and "accordée" in decision.subject
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_reminders_go_two_days_before_the_deadline_to_voters_who_have_not_voted_and_only_once(
    submitted, coordinator, voters, django_capture_on_commit_callbacks
):
    session = open_session_with(coordinator, [submitted], deadline=timezone.now() + datetime.timedelta(days=5))
    services.cast_vote(submitted, by=voters[0], choice="for")
    assert services.send_deadline_reminders() == 0  # too early
    later = session.deadline - datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_deadline_reminders(now=later) == 2
        assert services.send_deadline_reminders(now=later) == 0
    reminded = set(
        Notification.objects.filter(kind=NotificationKind.DEADLINE_REMINDER).values_list("recipient", flat=True)
    )
    assert reminded == {voters[1].pk, voters[2].pk}
    assert len(mail.outbox) == 2


def test_the_reminder_command_is_idempotent(session, voters, capsys, settings):
    session.deadline = timezone.now() + datetime.timedelta(hours=20)
    session.save()
    call_command("appellation_reminders")
    call_command("appellation_reminders")
    out = capsys.readouterr().out
    assert "3 rappel(s) envoyé(s)." in out and "0 rappel(s) envoyé(s)." in out
