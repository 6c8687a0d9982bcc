"""The decision rules, as pure functions: quorum, abstentions, tie, conflicts, settings."""

from fractions import Fraction

import pytest

from fabrique.appellation import rules
from fabrique.appellation.enums import AutomaticConflict, Outcome

FOR, AGAINST, ABSTAIN = "for", "against", "abstain"
DEFAULTS = rules.RuleSettings()


def test_majority_for_with_quorum_grants_the_appellation():
    result = rules.tally([1, 2, 3, 4], [], {1: FOR, 2: FOR, 3: AGAINST}, DEFAULTS)
    assert (result.eligible, result.votes_for, result.votes_against) == (4, 2, 1)
    assert result.quorum_reached and result.outcome == Outcome.GRANTED


def test_majority_against_refuses():
    assert rules.tally([1, 2, 3], [], {1: AGAINST, 2: AGAINST, 3: FOR}, DEFAULTS).outcome == Outcome.REFUSED


def test_exactly_half_of_the_voters_is_not_a_quorum():
    result = rules.tally([1, 2, 3, 4], [], {1: FOR, 2: FOR}, DEFAULTS)
    assert result.quorum_needed == 3
    assert not result.quorum_reached and result.outcome == Outcome.DEFERRED


def test_a_tie_defers_the_request():
    result = rules.tally([1, 2, 3, 4], [], {1: FOR, 2: AGAINST, 3: ABSTAIN, 4: ABSTAIN}, DEFAULTS)
    assert result.quorum_reached and result.outcome == Outcome.DEFERRED


def test_abstentions_count_for_the_quorum_but_not_for_the_majority():
    result = rules.tally([1, 2, 3], [], {1: ABSTAIN, 2: ABSTAIN, 3: FOR}, DEFAULTS)
    assert result.quorum_reached and result.outcome == Outcome.GRANTED


def test_only_abstentions_is_a_tie_and_defers():
    assert rules.tally([1, 2], [], {1: ABSTAIN, 2: ABSTAIN}, DEFAULTS).outcome == Outcome.DEFERRED


def test_abstentions_can_be_left_out_of_the_quorum_by_settings(settings):
    settings.APPELLATION_ABSTENTIONS_IN_QUORUM = False
    result = rules.tally([1, 2, 3], [], {1: ABSTAIN, 2: ABSTAIN, 3: FOR})
    assert not result.quorum_reached and result.outcome == Outcome.DEFERRED


def test_the_quorum_ratio_comes_from_the_settings(settings):
    settings.APPELLATION_QUORUM_RATIO = 0.75
    assert rules.rule_settings().quorum_ratio == Fraction(3, 4)
    assert rules.tally([1, 2, 3, 4], [], {1: FOR, 2: FOR, 3: FOR}).quorum_reached is False
    assert rules.tally([1, 2, 3, 4], [], {1: FOR, 2: FOR, 3: FOR, 4: FOR}).quorum_reached is True


def test_a_two_thirds_quorum_written_as_a_float_or_a_fraction_means_two_thirds(settings):
    for written in (2 / 3, "2/3"):
        settings.APPELLATION_QUORUM_RATIO = written
        assert rules.rule_settings().quorum_ratio == Fraction(2, 3)
        assert not rules.tally([1, 2, 3], [], {1: FOR, 2: FOR}).quorum_reached


@pytest.mark.parametrize("ratio", [1, 1.5, -0.1])
def test_an_impossible_quorum_ratio_is_a_configuration_error(settings, ratio):
    settings.APPELLATION_QUORUM_RATIO = ratio
    with pytest.raises(
        ValueError, match=r"^APPELLATION_QUORUM_RATIO doit être compris entre 0 \(inclus\) et 1 \(exclu\)\.$"
    ):
        rules.rule_settings()


def test_a_zero_quorum_ratio_means_one_vote_is_enough(settings):
    settings.APPELLATION_QUORUM_RATIO = 0
    assert rules.rule_settings().quorum_ratio == 0
    assert rules.tally([1, 2, 3, 4], [], {1: FOR}).quorum_reached is True


def test_the_quorum_ratio_is_read_to_the_thousandth(settings):
    settings.APPELLATION_QUORUM_RATIO = "1/1001"
    assert rules.rule_settings().quorum_ratio == Fraction(1, 1000)


def test_conflicted_voters_leave_the_quorum_and_their_votes_are_ignored():
    result = rules.tally([1, 2, 3, 4, 5], [4, 5], {1: FOR, 2: FOR, 4: AGAINST, 5: AGAINST}, DEFAULTS)
    assert (result.voters, result.eligible, result.conflicted, result.votes_against) == (5, 3, 2, 0)
    assert (result.voted, result.missing) == (2, 1)
    assert result.quorum_needed == 2 and result.outcome == Outcome.GRANTED


def test_votes_of_structures_outside_the_session_are_ignored():
    result = rules.tally([1, 2], [], {1: FOR, 2: FOR, 99: AGAINST}, DEFAULTS)
    assert (result.votes_for, result.votes_against) == (2, 0)


def test_a_session_without_eligible_voter_defers():
    result = rules.tally([1], [1], {1: FOR}, DEFAULTS)
    assert result.eligible == 0 and not result.quorum_reached and result.outcome == Outcome.DEFERRED


def test_the_applicant_and_the_members_of_its_collectives_are_in_conflict():
    collectives = {10: {"gen"}, 1: {"gen", "other"}, 2: {"other"}, 3: set()}
    found = rules.automatic_conflicts(10, [1, 2, 3, 10], collectives, DEFAULTS)
    assert found == {1: AutomaticConflict.COLLECTIVE, 10: AutomaticConflict.APPLICANT}


def test_the_collective_conflict_can_be_turned_off_by_settings(settings):
    settings.APPELLATION_COLLECTIVE_CONFLICT = False
    assert rules.automatic_conflicts(10, [1], {10: {"gen"}, 1: {"gen"}}) == {}
