"""For any voters, conflicts and votes, the decision matches a plain re-computation of the rules."""

import datetime
from fractions import Fraction

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fabrique.accounts.models import User
from fabrique.appellation import rules
from fabrique.appellation.enums import ConflictSource, RequestStatus, SessionStatus
from fabrique.appellation.models import AgendaItem, AppellationRequest, CommitteeSession, Conflict, Vote
from fabrique.appellation.selectors import item_state
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure

CHOICES = ["for", "against", "abstain"]


def plain_decision(voters, conflicted, votes, ratio=Fraction(1, 2), abstentions=True):
    """The rules of the issue, written the obvious way."""
    eligible = [v for v in voters if v not in conflicted]
    counted = {v: c for v, c in votes.items() if v in eligible}
    n_for = sum(1 for c in counted.values() if c == "for")
    n_against = sum(1 for c in counted.values() if c == "against")
    participated = sum(1 for c in counted.values() if abstentions or c != "abstain")
    quorum = len(eligible) > 0 and participated > ratio * len(eligible)
    if not quorum or n_for == n_against:
        return "deferred"
    return "granted" if n_for > n_against else "refused"


ballots = st.integers(min_value=0, max_value=12).flatmap(
    lambda n: st.tuples(
        st.just(list(range(1, n + 1))),
        st.sets(st.integers(min_value=1, max_value=max(n, 1)), max_size=n),
        st.dictionaries(st.integers(min_value=1, max_value=n + 2), st.sampled_from(CHOICES), max_size=n + 2),
    )
)


@given(ballots, st.sampled_from([Fraction(1, 2), Fraction(3, 5), Fraction(2, 3), Fraction(1, 4)]), st.booleans())
def test_the_tally_matches_a_plain_recomputation(ballot, ratio, abstentions):
    voters, conflicted, votes = ballot
    setup = rules.RuleSettings(quorum_ratio=ratio, abstentions_in_quorum=abstentions)
    result = rules.tally(voters, conflicted, votes, setup)
    assert result.outcome == plain_decision(voters, conflicted, votes, ratio, abstentions)
    assert result.eligible + result.conflicted == len(voters)


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    n_voters=st.integers(min_value=1, max_value=6),
    data=st.data(),
)
def test_the_stored_votes_and_conflicts_give_the_plain_decision(n_voters, data):
    """Same property through the database: stored votes, declared conflicts and a shared collective."""
    with transaction.atomic():
        applicant = Structure.objects.create(name="Demandeuse", slug="demandeuse", status=StructureStatus.EXPERIMENTING)
        voters = [
            Structure.objects.create(name=f"Votante {i}", slug=f"votante-{i}", status=StructureStatus.LABELLED)
            for i in range(n_voters)
        ]
        request = AppellationRequest.objects.create(structure=applicant, status=RequestStatus.SUBMITTED)
        session = CommitteeSession.objects.create(
            held_on=datetime.date(2026, 1, 5), deadline=timezone.now(), status=SessionStatus.OPEN
        )
        session.voters.set(voters)
        item = AgendaItem.objects.create(session=session, request=request)
        declared = data.draw(st.sets(st.sampled_from(voters), max_size=n_voters), label="declared")
        colleagues = data.draw(st.sets(st.sampled_from(voters), max_size=n_voters), label="collective")
        if colleagues:
            from fabrique.network.models import Collective

            collective = Collective.objects.create(name="Collectif", slug="collectif")
            collective.structures.set([applicant, *colleagues])
        author = User.objects.create_user("auteur@example.org")
        for structure in declared:
            Conflict.objects.create(request=request, structure=structure, source=ConflictSource.DECLARED, reason="x")
        votes = data.draw(st.dictionaries(st.sampled_from(voters), st.sampled_from(CHOICES)), label="votes")
        for structure, choice in votes.items():
            Vote.objects.create(item=item, structure=structure, choice=choice, cast_by=author)
        state = item_state(AgendaItem.objects.select_related("session", "request").get(pk=item.pk))
        conflicted = {s.pk for s in declared | colleagues}
        expected = plain_decision([v.pk for v in voters], conflicted, {s.pk: c for s, c in votes.items()})
        assert state.tally.outcome == expected
        assert state.conflicted_ids == conflicted
        transaction.set_rollback(True)
