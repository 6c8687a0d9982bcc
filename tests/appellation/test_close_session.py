"""Closing a session: every decision at once, the status log, deferral to the next session, idempotence."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from fabrique.appellation import services
from fabrique.appellation.enums import Outcome, RequestStatus, SessionStatus
from fabrique.appellation.models import AgendaItem, AnnouncementDraft
from fabrique.network.enums import StructureStatus
from fabrique.network.models import StructureStatusLog
from fabrique.notifications.models import Notification

from .conftest import open_session_with


def test_a_granted_request_makes_the_structure_labelled_through_the_status_log(
    session, submitted, applicant, voters, coordinator
):
    services.cast_vote(submitted, by=voters[0], choice="for")
    services.cast_vote(submitted, by=voters[1], choice="abstain")
    report = services.close_session(session, by=coordinator)
    assert report.outcomes == {submitted.pk: Outcome.GRANTED}
    applicant.refresh_from_db()
    assert applicant.status == StructureStatus.LABELLED and applicant.labelled_on
    log = StructureStatusLog.objects.get(structure=applicant, to_status=StructureStatus.LABELLED)
    assert (log.via, log.changed_by) == ("committee", coordinator)
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.GRANTED and submitted.decided_at
    entry = submitted.log.last()
    assert (entry.to_status, entry.changed_by, entry.session) == ("granted", coordinator, session)
    item = AgendaItem.objects.get(session=session)
    assert (item.votes_for, item.votes_abstain, item.eligible_count, item.quorum_reached) == (1, 1, 3, True)


def test_without_quorum_the_request_is_deferred_and_goes_on_the_next_agenda(session, submitted, voters, coordinator):
    services.cast_vote(submitted, by=voters[0], choice="for")
    services.close_session(session, by=coordinator)
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.DEFERRED
    from fabrique.appellation.selectors import awaiting_requests

    assert list(awaiting_requests()) == [submitted]
    following = open_session_with(coordinator, [submitted])
    services.cast_vote(submitted, by=voters[1], choice="for")
    services.cast_vote(submitted, by=voters[2], choice="for")
    services.close_session(following, by=coordinator)
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.GRANTED
    assert AgendaItem.objects.get(session=session).outcome == Outcome.DEFERRED


def test_a_tie_defers_the_request(session, submitted, voters, coordinator, applicant):
    services.cast_vote(submitted, by=voters[0], choice="for")
    services.cast_vote(submitted, by=voters[1], choice="against")
    services.close_session(session, by=coordinator)
    submitted.refresh_from_db()
    applicant.refresh_from_db()
    assert submitted.status == RequestStatus.DEFERRED and applicant.status == StructureStatus.EXPERIMENTING


def test_closing_twice_has_no_double_effect(session, submitted, voters, coordinator, applicant):
    for user in voters:
        services.cast_vote(submitted, by=user, choice="for")
    services.close_session(session, by=coordinator)
    counts = (
        StructureStatusLog.objects.count(),
        submitted.log.count(),
        Notification.objects.count(),
        AnnouncementDraft.objects.count(),
        len(mail.outbox),
    )
    report = services.close_session(session, by=coordinator)
    assert report.already_closed
    assert counts == (
        StructureStatusLog.objects.count(),
        submitted.log.count(),
        Notification.objects.count(),
        AnnouncementDraft.objects.count(),
        len(mail.outbox),
    )


def test_a_withdrawn_request_is_not_decided(session, submitted, voters, coordinator, member, applicant):
    services.cast_vote(submitted, by=voters[0], choice="for")
    services.cast_vote(submitted, by=voters[1], choice="for")
    services.withdraw_request(submitted, by=member, reason="Retrait")
    report = services.close_session(session, by=coordinator)
    assert report.outcomes[submitted.pk] == Outcome.WITHDRAWN
    applicant.refresh_from_db()
    assert applicant.status == StructureStatus.EXPERIMENTING


def test_only_the_coordinator_closes_a_session(session, voter, member):
    for user in (voter, member):
        with pytest.raises(PermissionDenied, match="Seule la coordination du réseau clôt une séance"):
            services.close_session(session, by=user)
    session.refresh_from_db()
    assert session.status == SessionStatus.OPEN


def test_a_failing_decision_rolls_the_whole_closing_back(session, submitted, voters, coordinator, applicant):
    for user in voters:
        services.cast_vote(submitted, by=user, choice="for")
    from fabrique.network import services as network_services

    network_services.withdraw(applicant, by=coordinator, reason="Départ du réseau")
    from fabrique.core.exceptions import TransitionError

    with pytest.raises(TransitionError, match=r"Impossible d'accorder l'appellation\W+la structure est\W+retirée"):
        services.close_session(session, by=coordinator)
    session.refresh_from_db()
    submitted.refresh_from_db()
    assert session.status == SessionStatus.OPEN and submitted.status == RequestStatus.SUBMITTED
    assert not AgendaItem.objects.filter(session=session).exclude(outcome="").exists()


def test_closing_drafts_the_announcement_naming_the_new_structures(session, submitted, voters, coordinator, applicant):
    for user in voters:
        services.cast_vote(submitted, by=user, choice="for")
    services.close_session(session, by=coordinator)
    draft = AnnouncementDraft.objects.get(session=session)
    assert draft.title == "Une nouvelle structure rejoint la Fabrique à initiatives"
    assert "**TAg Test**" in draft.body and "Finistère" in draft.body


def test_the_announcement_counts_the_structures_in_french(settings):
    from fabrique.appellation.services.announcement import announcement_title

    settings.NETWORK_NAME = "Fabrique à initiatives"
    assert announcement_title(9) == "9 nouvelles structures rejoignent la Fabrique à initiatives"


def test_a_request_cannot_be_on_two_open_sessions(session, submitted, coordinator):
    with pytest.raises(ValidationError, match="Ces demandes ne peuvent pas être inscrites"):
        open_session_with(coordinator, [submitted])


def test_a_draft_cannot_be_put_on_the_agenda(draft, coordinator, voters):
    with pytest.raises(ValidationError, match="Ces demandes ne peuvent pas être inscrites"):
        open_session_with(coordinator, [draft])


def test_voters_are_frozen_at_opening(session, voter_structures):
    assert set(session.voters.all()) == set(voter_structures)
