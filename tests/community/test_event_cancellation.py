"""Cancelling an event: the service's rules, the e-mails after the commit, and what a cancelled event refuses or
says (registration, iCalendar, search)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from fabrique.community import services
from fabrique.community.enums import RegistrationStatus as S
from fabrique.community.perms import event_abilities
from fabrique.community.services import registrations
from fabrique.community.services.registrations import RegistrationError
from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.search.query import SearchRequest, search
from fabrique.search.visibility import Visibility

from .factories import EventFactory

REASON = "L'intervenante est souffrante ; la séance sera reprogrammée."


@pytest.fixture
def full_event(event, member, other_member, colleague, third_member):
    """Two places taken, one person waiting, one registration cancelled."""
    registrations.register(event, member)
    registrations.register(event, other_member)
    registrations.register(event, colleague)
    registrations.cancel(registrations.register(event, third_member), third_member)
    event.refresh_from_db()
    return event


def test_cancelling_records_when_why_and_who_in_the_history(event, coordinator):
    cancelled = services.cancel_event(event, coordinator, f"  {REASON}  ", expected_version=event.version)
    event.refresh_from_db()
    assert event.cancelled_at is not None and event.cancel_reason == REASON
    assert cancelled.version == event.version == 2
    last = event.history.first()
    assert (last.cancel_reason, last.history_user) == (REASON, coordinator)


def test_everyone_registered_or_waiting_is_told_by_email_after_the_commit(
    full_event, member, other_member, colleague, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        services.cancel_event(full_event, member, REASON, expected_version=full_event.version)
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [member.email, other_member.email, colleague.email]
    )
    message = mail.outbox[0]
    assert message.subject == f"Événement annulé : {full_event.title}"
    assert REASON in message.body
    assert timezone.localtime(full_event.starts_at).strftime("%d/%m/%Y %H:%M") in message.body
    assert f"/evenements/{full_event.slug}/" in message.body


def test_registrations_stay_as_they_were(full_event, member):
    before = dict(full_event.registrations.values_list("user_id", "status"))
    services.cancel_event(full_event, member, REASON, expected_version=None)
    assert dict(full_event.registrations.values_list("user_id", "status")) == before


def test_an_event_is_cancelled_once(event, member, django_capture_on_commit_callbacks):
    services.cancel_event(event, member, REASON, expected_version=event.version)
    event.refresh_from_db()
    with pytest.raises(DomainError, match="déjà annulé"), django_capture_on_commit_callbacks() as callbacks:
        services.cancel_event(event, member, "Une autre raison", expected_version=event.version)
    event.refresh_from_db()
    assert event.cancel_reason == REASON and callbacks == []


def test_an_event_already_over_cannot_be_cancelled(structure, member):
    event = EventFactory(organiser=structure, past=True)
    with pytest.raises(DomainError, match="terminé"):
        services.cancel_event(event, member, REASON, expected_version=event.version)
    event.refresh_from_db()
    assert event.cancelled_at is None


def test_a_stale_version_is_refused_and_nobody_is_told(full_event, member, django_capture_on_commit_callbacks):
    stale = full_event.version
    services.update_event(full_event, member, {"title": "Nouveau titre"}, expected_version=stale)
    with (
        pytest.raises(VersionConflict, match=r"modifiée par quelqu'un d'autre"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.cancel_event(full_event, member, REASON, expected_version=stale)
    full_event.refresh_from_db()
    assert full_event.cancelled_at is None and mail.outbox == []


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_the_reason_is_required(event, member, reason):
    with pytest.raises(ValidationError, match="Indiquez le motif de l'annulation") as raised:
        services.cancel_event(event, member, reason, expected_version=event.version)
    assert "motif" in raised.value.message_dict["reason"][0]


def test_only_the_organisers_cancel(event, other_member):
    with pytest.raises(PermissionDenied, match="Seuls les organisateurs annulent"):
        services.cancel_event(event, other_member, REASON, expected_version=event.version)


def test_a_cancelled_event_refuses_registration_in_french(event, member, other_member):
    services.cancel_event(event, member, REASON, expected_version=event.version)
    event.refresh_from_db()
    assert not event.registration_is_open()
    assert not event_abilities(other_member, event)["register"]
    with pytest.raises(RegistrationError, match="annulé"):
        registrations.register(event, other_member)
    assert not event.registrations.exists()


def test_nobody_is_promoted_to_a_cancelled_event(full_event, member, colleague, django_capture_on_commit_callbacks):
    services.cancel_event(full_event, member, REASON, expected_version=full_event.version)
    full_event.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError, match="ne se modifie plus"):
        services.update_event(full_event, member, {"capacity": 10}, expected_version=full_event.version)
    with django_capture_on_commit_callbacks(execute=True):
        registrations.promote_waiting(full_event)
    assert full_event.registrations.get(user=colleague).status == S.WAITLISTED
    assert mail.outbox == []


def test_abilities_of_a_cancelled_event(event, member):
    assert event_abilities(member, event)["cancel"]
    services.cancel_event(event, member, REASON, expected_version=event.version)
    event.refresh_from_db()
    abilities = event_abilities(member, event)
    assert (abilities["view"], abilities["manage"], abilities["cancel"], abilities["register"]) == (
        True,
        True,
        False,
        False,
    )


def test_the_calendar_says_cancelled_in_the_feed_and_the_single_event(structure, member, client):
    event = EventFactory(organiser=structure, visibility=Visibility.PUBLIC, title="Webinaire mobilité")
    EventFactory(organiser=structure, visibility=Visibility.PUBLIC, title="Formation maintenue")
    services.cancel_event(event, member, REASON, expected_version=event.version)
    for url in ("/evenements/agenda.ics", f"/evenements/{event.slug}.ics"):
        body = client.get(url).content.decode().replace("\r\n ", "")
        cancelled = next(block for block in body.split("BEGIN:VEVENT")[1:] if "Webinaire mobilité" in block)
        assert "STATUS:CANCELLED" in cancelled
        assert "SUMMARY:Annulé : Webinaire mobilité" in cancelled
        assert "Événement annulé : L'intervenante est souffrante \\; la séance" in cancelled
    feed = client.get("/evenements/agenda.ics").content.decode()
    assert feed.count("STATUS:CONFIRMED") == 1


def test_a_cancelled_event_stays_findable_and_says_so(structure, member):
    event = EventFactory(organiser=structure, title="Rencontre régionale des Fabriques")
    services.cancel_event(event, member, "Salle indisponible", expected_version=event.version)
    results = search(member, SearchRequest(text="rencontre régionale")).results
    assert [result.title for result in results] == ["Rencontre régionale des Fabriques"]
    assert results[0].document.summary.startswith("Événement annulé (motif : Salle indisponible).")


def test_attendance_of_a_cancelled_event_is_refused_for_that_reason(structure, member):
    started = EventFactory(organiser=structure, starts_at=timezone.now() - timezone.timedelta(hours=1))
    services.cancel_event(started, member, REASON, expected_version=started.version)
    started.refresh_from_db()
    assert not event_abilities(member, started)["change"]
    with pytest.raises(RegistrationError, match="annulé"):
        registrations.record_attendance(started, member, [])
