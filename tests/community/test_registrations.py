"""Registration: places, waiting list, cancellation and promotion, attendance, participation per structure."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from fabrique.community.enums import RegistrationStatus as S
from fabrique.community.services import registrations
from fabrique.community.services.registrations import RegistrationError
from fabrique.network.roles import forget_roles
from tests.factories import MembershipFactory, UserFactory

from .factories import EventFactory, in_days


def test_places_are_confirmed_then_the_waiting_list_begins(event, member, other_member, colleague):
    assert registrations.register(event, member).status == S.CONFIRMED
    assert registrations.register(event, other_member).status == S.CONFIRMED
    waiting = registrations.register(event, colleague)
    assert waiting.status == S.WAITLISTED
    assert registrations.confirmed_count(event) == 2


def test_a_registration_is_made_for_the_person_s_structure(event, member, structure):
    registration = registrations.register(event, member)
    assert registration.structure == structure
    assert registration.history.first().history_user == member


def test_a_person_of_several_structures_chooses_only_among_theirs(event, member, other_structure):
    with pytest.raises(ValidationError, match="l'une de vos structures"):
        registrations.register(event, member, structure=other_structure)
    MembershipFactory(user=member, structure=other_structure)
    forget_roles(member)
    assert registrations.register(event, member, structure=other_structure).structure == other_structure


def test_registering_twice_is_refused_in_french(event, member):
    registrations.register(event, member)
    with pytest.raises(RegistrationError, match="déjà inscrit·e"):
        registrations.register(event, member)


def test_a_cancelled_place_goes_to_the_first_person_waiting_who_gets_an_email(
    event, member, other_member, colleague, third_member, django_capture_on_commit_callbacks
):
    first = registrations.register(event, member)
    registrations.register(event, other_member)
    waiting_first = registrations.register(event, colleague)
    waiting_second = registrations.register(event, third_member)
    with django_capture_on_commit_callbacks(execute=True):
        registrations.cancel(first, member)
    waiting_first.refresh_from_db()
    waiting_second.refresh_from_db()
    assert (waiting_first.status, waiting_second.status) == (S.CONFIRMED, S.WAITLISTED)
    assert [message.to for message in mail.outbox] == [[colleague.email]]
    assert "Une place s'est libérée" in mail.outbox[0].subject


def test_cancelling_a_waiting_place_promotes_nobody(event, member, other_member, colleague, third_member):
    registrations.register(event, member)
    registrations.register(event, other_member)
    waiting = registrations.register(event, colleague)
    registrations.register(event, third_member)
    registrations.cancel(waiting, colleague)
    assert registrations.confirmed_count(event) == 2
    assert event.registrations.filter(status=S.WAITLISTED).count() == 1


def test_a_cancelled_person_may_register_again_at_the_end_of_the_line(event, member, other_member, colleague):
    mine = registrations.register(event, member)
    registrations.cancel(mine, member)
    registrations.register(event, other_member)
    registrations.register(event, colleague)
    assert registrations.register(event, member).status == S.WAITLISTED


def test_someone_else_cannot_cancel_my_registration(event, member, other_member):
    mine = registrations.register(event, member)
    with pytest.raises(PermissionDenied, match="Vous ne pouvez annuler que votre propre inscription"):
        registrations.cancel(mine, other_member)


def test_registrations_close_with_the_event(structure, member):
    past = EventFactory(organiser=structure, past=True)
    with pytest.raises(RegistrationError, match="closes"):
        registrations.register(past, member)
    assert not past.registrations.exists()


def test_an_anonymous_or_partner_user_cannot_register(event, db):
    partner = UserFactory()
    with pytest.raises(PermissionDenied, match="Cet événement est réservé aux membres du réseau"):
        registrations.register(event, partner)


def test_attendance_is_recorded_by_the_organisers_once_the_event_began(structure, member, other_member, colleague):
    event = EventFactory(organiser=structure, starts_at=in_days(5))
    registrations.register(event, other_member)
    registrations.register(event, colleague)
    with pytest.raises(RegistrationError, match="une fois l'événement commencé"):
        registrations.record_attendance(event, member, [other_member.pk])
    type(event).objects.filter(pk=event.pk).update(starts_at=in_days(-1), ends_at=in_days(-1, 18))
    event.refresh_from_db()
    with pytest.raises(PermissionDenied, match="Seuls les organisateurs notent les présences"):
        registrations.record_attendance(event, other_member, [other_member.pk])
    assert registrations.record_attendance(event, member, [other_member.pk]) == 1
    attended = dict(event.registrations.values_list("user_id", "attended"))
    assert attended == {other_member.pk: True, colleague.pk: False}


def test_attendance_of_someone_not_registered_is_refused(structure, member, other_member):
    event = EventFactory(organiser=structure, past=True)
    with pytest.raises(ValidationError, match="pas inscrites"):
        registrations.record_attendance(event, member, [other_member.pk])


def test_participation_counts_the_events_a_structure_attended(structure, other_structure, member, other_member):
    attended = EventFactory(organiser=structure, starts_at=in_days(3), title="Formation modélisation")
    missed = EventFactory(organiser=structure, starts_at=in_days(3))
    for event in (attended, missed):
        registrations.register(event, other_member)
    type(attended).objects.update(starts_at=in_days(-2), ends_at=in_days(-2, 18))
    attended.refresh_from_db()
    missed.refresh_from_db()
    registrations.record_attendance(attended, member, [other_member.pk])
    registrations.record_attendance(missed, member, [])
    summary = registrations.participation(other_structure, member)
    assert [(event.title, count) for event, count in summary.events] == [("Formation modélisation", 1)]
    assert summary.people == 1 and summary.by_kind == {"practice_exchange": 1}
