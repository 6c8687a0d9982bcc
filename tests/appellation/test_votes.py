"""Votes and conflicts: who votes, for which structure, until when; conflicts by collective and declared."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from fabrique.appellation import services
from fabrique.appellation.exceptions import NotOnAgenda, SessionClosed
from fabrique.appellation.models import Conflict, Vote
from fabrique.appellation.selectors import item_state
from fabrique.network.enums import MembershipRole
from tests.factories import CollectiveFactory, MembershipFactory, StructureFactory


def test_an_admin_of_a_labelled_structure_votes_and_changes_the_vote_before_closing(session, submitted, voter):
    services.cast_vote(submitted, by=voter, choice="against", comment="Trop tôt")
    vote = services.cast_vote(submitted, by=voter, choice="for", comment="Après relecture, oui")
    assert Vote.objects.count() == 1
    vote.refresh_from_db()
    assert (vote.choice, vote.comment, vote.cast_by) == ("for", "Après relecture, oui", voter)
    assert [h.choice for h in vote.history.order_by("history_date")] == ["against", "for"]
    assert vote.history.first().history_user == voter


def test_any_admin_of_the_voter_structure_may_change_its_single_vote(session, submitted, voter, voter_structures):
    colleague = MembershipFactory(structure=voter_structures[0], role=MembershipRole.ADMIN).user
    services.cast_vote(submitted, by=voter, choice="for")
    services.cast_vote(submitted, by=colleague, choice="abstain")
    vote = Vote.objects.get()
    assert (vote.choice, vote.cast_by) == ("abstain", colleague)


def test_a_staff_member_of_a_voter_structure_cannot_vote(session, submitted, voter_structures):
    staff = MembershipFactory(structure=voter_structures[0], role=MembershipRole.STAFF).user
    with pytest.raises(
        PermissionDenied, match="Seules les structures avec appellation à l'ouverture de la séance votent"
    ):
        services.cast_vote(submitted, by=staff, choice="for")


def test_a_structure_labelled_after_the_opening_does_not_vote(session, submitted):
    late = StructureFactory(labelled=True)
    admin = MembershipFactory(structure=late, role=MembershipRole.ADMIN).user
    with pytest.raises(
        PermissionDenied, match="Seules les structures avec appellation à l'ouverture de la séance votent"
    ):
        services.cast_vote(submitted, by=admin, choice="for")


@pytest.mark.parametrize("who", ["member", "other_member", "coordinator"])
def test_people_outside_the_voter_structures_cannot_vote(session, submitted, request, who):
    with pytest.raises(
        PermissionDenied, match="Seules les structures avec appellation à l'ouverture de la séance votent"
    ):
        services.cast_vote(submitted, by=request.getfixturevalue(who), choice="for")


def test_a_vote_after_closing_is_refused_and_changes_nothing(session, submitted, voters, coordinator):
    services.cast_vote(submitted, by=voters[0], choice="for")
    services.close_session(session, by=coordinator)
    with pytest.raises(SessionClosed, match="La séance est close"):
        services.cast_vote(submitted, by=voters[0], choice="against")
    assert Vote.objects.get().choice == "for"


def test_a_request_on_no_agenda_cannot_be_voted(submitted, voter):
    with pytest.raises(NotOnAgenda, match="n'est à l'ordre du jour d'aucune séance"):
        services.cast_vote(submitted, by=voter, choice="for")


def test_an_unknown_choice_is_refused_in_french(session, submitted, voter):
    with pytest.raises(ValidationError, match="favorable"):
        services.cast_vote(submitted, by=voter, choice="maybe")


def test_a_structure_sharing_a_collective_with_the_applicant_cannot_vote(
    applicant, submitted, coordinator, voters, voter_structures
):
    collective = CollectiveFactory()
    collective.structures.set([applicant, voter_structures[1]])
    from .conftest import open_session_with

    session = open_session_with(coordinator, [submitted])
    with pytest.raises(PermissionDenied, match="collectif"):
        services.cast_vote(submitted, by=voters[1], choice="for")
    state = item_state(session.items.select_related("session", "request").get())
    assert state.tally.eligible == 2 and state.tally.conflicted == 1


def test_a_declared_conflict_needs_a_reason_and_then_forbids_the_vote(session, submitted, voter):
    with pytest.raises(ValidationError, match="Indiquez le motif du conflit d'intérêts"):
        services.declare_conflict(submitted, by=voter, reason="  ")
    services.declare_conflict(submitted, by=voter, reason="Notre directrice siège au bureau de la demandeuse.")
    with pytest.raises(PermissionDenied, match="déclaré"):
        services.cast_vote(submitted, by=voter, choice="for")
    state = item_state(session.items.select_related("session", "request").get())
    assert state.tally.eligible == 2


def test_a_conflict_is_declared_before_voting(session, submitted, voter):
    services.cast_vote(submitted, by=voter, choice="for")
    with pytest.raises(ValidationError, match="avant de voter"):
        services.declare_conflict(submitted, by=voter, reason="Oubli")


def test_no_conflict_is_declared_once_the_session_is_closed(session, submitted, voter, coordinator):
    services.close_session(session, by=coordinator)
    with pytest.raises(SessionClosed, match="La séance est close"):
        services.declare_conflict(submitted, by=voter, reason="Découvert après la séance")
    assert not Conflict.objects.filter(request=submitted).exists()


def test_the_coordinator_records_no_conflict_once_the_session_is_closed(
    session, submitted, voter_structures, coordinator
):
    services.close_session(session, by=coordinator)
    with pytest.raises(SessionClosed, match="La séance est close"):
        services.record_conflict(submitted, by=coordinator, structure=voter_structures[0], reason="Trop tard")
    assert not Conflict.objects.filter(request=submitted).exists()


def test_the_coordinator_records_a_conflict_and_the_vote_already_cast_no_longer_counts(
    session, submitted, voters, voter_structures, coordinator
):
    services.cast_vote(submitted, by=voters[0], choice="against")
    services.record_conflict(submitted, by=coordinator, structure=voter_structures[0], reason="Salarié commun")
    state = item_state(session.items.select_related("session", "request").get())
    assert (state.tally.votes_against, state.tally.eligible) == (0, 2)
    with pytest.raises(PermissionDenied, match="Seule la coordination enregistre un conflit pour une autre structure"):
        services.record_conflict(submitted, by=voters[1], structure=voter_structures[2], reason="x")


def test_a_person_administering_two_voter_structures_says_which_one_votes(session, submitted, voter, voter_structures):
    MembershipFactory(structure=voter_structures[1], user=voter, role=MembershipRole.ADMIN)
    from fabrique.network.roles import forget_roles

    forget_roles(voter)
    with pytest.raises(ValidationError, match="précisez"):
        services.cast_vote(submitted, by=voter, choice="for")
    services.cast_vote(submitted, by=voter, choice="for", structure=voter_structures[1])
    assert Vote.objects.get().structure == voter_structures[1]


def test_a_vote_racing_with_another_of_the_same_structure_is_stored_once(session, submitted, voter, monkeypatch):
    """The second writer finds no row when it looks, then hits the unique constraint: it updates instead."""
    services.cast_vote(submitted, by=voter, choice="for")
    from fabrique.appellation.services import committee

    real = committee.Vote.objects.select_for_update

    class Blind:
        def filter(self, **kwargs):
            return self

        def first(self):
            return None

    calls = {"n": 0}

    def select_for_update():
        calls["n"] += 1
        return Blind() if calls["n"] == 1 else real()

    monkeypatch.setattr(committee.Vote.objects, "select_for_update", select_for_update)
    services.cast_vote(submitted, by=voter, choice="against")
    assert list(Vote.objects.values_list("choice", flat=True)) == ["against"]


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_votes_of_the_same_structure_store_exactly_one(
    applicant, member, coordinator, voter_structures, voters
):
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers need a server database (SQLite's in-memory test database is single-writer).")
    from .conftest import NARRATIVES, open_session_with

    request = services.submit_request(services.create_request(applicant, by=member, data=NARRATIVES), by=member)
    open_session_with(coordinator, [request])
    colleague = MembershipFactory(structure=voter_structures[0], role=MembershipRole.ADMIN).user
    barrier = threading.Barrier(2)
    errors = []

    def vote(user, choice):
        try:
            barrier.wait()
            services.cast_vote(request, by=user, choice=choice)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=vote, args=(u, c)) for u, c in ((voters[0], "for"), (colleague, "against"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Vote.objects.filter(structure=voter_structures[0]).count() == 1
