"""The committee's decision rules, in one place.

Configurable in settings (defaults between brackets):
- APPELLATION_QUORUM_RATIO [0.5]: the quorum is reached when strictly more than this share of the eligible
  (non-conflicted) voters have voted;
- APPELLATION_ABSTENTIONS_IN_QUORUM [True]: an abstention counts as having voted, for the quorum;
- APPELLATION_COLLECTIVE_CONFLICT [True]: a structure sharing a collective with the applicant may not vote.
With the quorum, the appellation is granted when `for` > `against`, refused when `against` > `for`; a tie or
a missing quorum defers the request to the next session.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings

from .enums import AutomaticConflict, Outcome, VoteChoice


@dataclass(frozen=True)
class RuleSettings:
    quorum_ratio: Fraction = Fraction(1, 2)
    abstentions_in_quorum: bool = True
    collective_conflict: bool = True


def rule_settings() -> RuleSettings:
    # "2/3", 0.6666666666666666 and "0.5" all mean what a person wrote (2/3, 1/2), not a binary approximation.
    ratio = Fraction(str(getattr(settings, "APPELLATION_QUORUM_RATIO", 0.5))).limit_denominator(1000)
    if not 0 <= ratio < 1:
        raise ValueError("APPELLATION_QUORUM_RATIO doit être compris entre 0 (inclus) et 1 (exclu).")
    return RuleSettings(
        quorum_ratio=ratio,
        abstentions_in_quorum=bool(getattr(settings, "APPELLATION_ABSTENTIONS_IN_QUORUM", True)),
        collective_conflict=bool(getattr(settings, "APPELLATION_COLLECTIVE_CONFLICT", True)),
    )


def automatic_conflicts(
    applicant_id: int,
    voter_ids: Iterable[int],
    collectives_of: Mapping[int, set],
    rules: RuleSettings | None = None,
) -> dict[int, str]:
    """Voters that may not vote on the applicant's request, with the reason: itself, or a shared collective."""
    rules = rules or rule_settings()
    applicant_collectives = collectives_of.get(applicant_id, set())
    found = {}
    for voter in voter_ids:
        if voter == applicant_id:
            found[voter] = AutomaticConflict.APPLICANT
        elif rules.collective_conflict and applicant_collectives & collectives_of.get(voter, set()):
            found[voter] = AutomaticConflict.COLLECTIVE
    return found


@dataclass(frozen=True)
class Tally:
    voters: int
    conflicted: int
    eligible: int
    votes_for: int
    votes_against: int
    votes_abstain: int
    quorum_needed: int
    quorum_reached: bool
    outcome: str

    @property
    def voted(self) -> int:
        return self.votes_for + self.votes_against + self.votes_abstain

    @property
    def missing(self) -> int:
        return self.eligible - self.voted


def quorum_needed(eligible: int, rules: RuleSettings) -> int:
    """The smallest number of voters strictly above `ratio × eligible` (at least one)."""
    threshold = rules.quorum_ratio * eligible
    return max(int(threshold) + 1, 1)


def decide(votes_for: int, votes_against: int, quorum_reached: bool) -> str:
    if not quorum_reached or votes_for == votes_against:
        return Outcome.DEFERRED
    return Outcome.GRANTED if votes_for > votes_against else Outcome.REFUSED


def tally(
    voter_ids: Iterable[int],
    conflicted_ids: Iterable[int],
    votes: Mapping[int, str],
    rules: RuleSettings | None = None,
) -> Tally:
    """Count the votes of the session's voters that are not in conflict; votes of anyone else are ignored."""
    rules = rules or rule_settings()
    voters = set(voter_ids)
    conflicted = set(conflicted_ids) & voters
    eligible = voters - conflicted
    counted = [choice for voter, choice in votes.items() if voter in eligible]
    n_for = counted.count(VoteChoice.FOR)
    n_against = counted.count(VoteChoice.AGAINST)
    n_abstain = counted.count(VoteChoice.ABSTAIN)
    participating = n_for + n_against + (n_abstain if rules.abstentions_in_quorum else 0)
    needed = quorum_needed(len(eligible), rules)
    reached = bool(eligible) and participating >= needed
    return Tally(
        voters=len(voters),
        conflicted=len(conflicted),
        eligible=len(eligible),
        votes_for=n_for,
        votes_against=n_against,
        votes_abstain=n_abstain,
        quorum_needed=needed,
        quorum_reached=reached,
        outcome=decide(n_for, n_against, reached),
    )
