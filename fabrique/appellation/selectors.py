"""Reading the procedure's data with a fixed number of queries, whatever the number of rows."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from fabrique.network.models import Collective
from fabrique.network.perms import administered_structure_ids, member_structure_ids

from . import rules
from .enums import ACTIVE_REQUEST_STATUSES, AWAITING_SESSION_STATUSES, AutomaticConflict, RequestStatus, SessionStatus
from .models import AgendaItem, AppellationRequest, CommitteeSession, Conflict, Vote
from .perms import item_abilities, readable_requests, voting_structures


def with_agenda(queryset: QuerySet) -> QuerySet:
    """Requests with what perms.py reads: their structure, agenda items, sessions and session voters."""
    items = AgendaItem.objects.select_related("session").prefetch_related("session__voters").order_by("pk")
    return queryset.select_related("structure").prefetch_related(Prefetch("agenda_items", queryset=items))


def current_item(request) -> AgendaItem | None:
    """The request's examination by an open session, else its latest one."""
    items = sorted(request.agenda_items.all(), key=lambda item: item.pk)
    open_items = [item for item in items if item.session.status == SessionStatus.OPEN]
    if open_items:
        return open_items[-1]
    return items[-1] if items else None


@dataclass
class ItemState:
    """An agenda item with its voters, conflicts (structure id → reason), votes and tally."""

    item: AgendaItem
    voter_ids: frozenset
    conflicts: dict = field(default_factory=dict)
    votes: dict = field(default_factory=dict)
    tally: rules.Tally | None = None

    @property
    def conflicted_ids(self) -> set:
        return set(self.conflicts)


def _collectives_of(structure_ids) -> tuple[dict, dict]:
    through = Collective.structures.through
    rows = through.objects.filter(structure_id__in=structure_ids).values_list(
        "structure_id", "collective_id", "collective__name"
    )
    memberships, names = {}, {}
    for structure_id, collective_id, name in rows:
        memberships.setdefault(structure_id, set()).add(collective_id)
        names[collective_id] = name
    return memberships, names


def _snapshot(item: AgendaItem, state: ItemState) -> rules.Tally:
    """A closed item keeps the tally computed when its session closed."""
    settings_ = rules.rule_settings()
    return rules.Tally(
        voters=len(state.voter_ids),
        conflicted=item.conflicted_count,
        eligible=item.eligible_count,
        votes_for=item.votes_for,
        votes_against=item.votes_against,
        votes_abstain=item.votes_abstain,
        quorum_needed=rules.quorum_needed(item.eligible_count, settings_),
        quorum_reached=bool(item.quorum_reached),
        outcome=item.outcome,
    )


def item_states(items: list[AgendaItem]) -> dict[int, ItemState]:
    """Items must come with `session` and `request` loaded. Five queries for any number of items."""
    if not items:
        return {}
    through = CommitteeSession.voters.through
    voters: dict[int, set] = {}
    for session_id, structure_id in through.objects.filter(
        committeesession_id__in={item.session_id for item in items}
    ).values_list("committeesession_id", "structure_id"):
        voters.setdefault(session_id, set()).add(structure_id)
    request_ids = {item.request_id for item in items}
    declared: dict[int, dict] = {}
    for conflict in Conflict.objects.filter(request_id__in=request_ids):
        declared.setdefault(conflict.request_id, {})[conflict.structure_id] = (
            f"{conflict.get_source_display()} : {conflict.reason}"
        )
    involved = set().union(*voters.values()) | {item.request.structure_id for item in items}
    memberships, collective_names = _collectives_of(involved)
    votes: dict[int, dict] = {}
    for vote in Vote.objects.filter(item__in=items).select_related("structure", "cast_by"):
        votes.setdefault(vote.item_id, {})[vote.structure_id] = vote
    settings_ = rules.rule_settings()
    states = {}
    for item in items:
        voter_ids = frozenset(voters.get(item.session_id, ()))
        applicant_id = item.request.structure_id
        automatic = rules.automatic_conflicts(applicant_id, voter_ids, memberships, settings_)
        conflicts = {}
        for structure_id, reason in automatic.items():
            if reason == AutomaticConflict.COLLECTIVE:
                shared = memberships.get(applicant_id, set()) & memberships.get(structure_id, set())
                names = ", ".join(sorted(collective_names[c] for c in shared))
                conflicts[structure_id] = f"{AutomaticConflict(reason).label} ({names})"
            else:
                conflicts[structure_id] = str(AutomaticConflict(reason).label)
        for structure_id, reason in declared.get(item.request_id, {}).items():
            conflicts.setdefault(structure_id, reason)
        state = ItemState(item=item, voter_ids=voter_ids, conflicts=conflicts, votes=votes.get(item.pk, {}))
        if item.session.status == SessionStatus.CLOSED:
            state.tally = _snapshot(item, state)
        else:
            choices = {sid: vote.choice for sid, vote in state.votes.items()}
            state.tally = rules.tally(voter_ids, state.conflicted_ids, choices, settings_)
        states[item.pk] = state
    return states


def item_state(item: AgendaItem) -> ItemState:
    return item_states([item])[item.pk]


def awaiting_requests() -> QuerySet:
    """Submitted or deferred requests that no open session examines yet: the next agenda."""
    on_open = AgendaItem.objects.filter(session__status=SessionStatus.OPEN).values("request_id")
    return (
        AppellationRequest.objects.filter(status__in=(RequestStatus.SUBMITTED, RequestStatus.DEFERRED))
        .exclude(pk__in=on_open)
        .select_related("structure")
        .order_by("submitted_at", "pk")
    )


@dataclass(frozen=True)
class Ballot:
    """An open session's agenda item on which structures this person administers have not voted yet."""

    item: AgendaItem
    structure_ids: tuple[int, ...]

    @property
    def deadline(self):
        return self.item.session.deadline


def ballots_to_cast(user) -> list[Ballot]:
    """The votes `user` may cast and has not (for any of the voter structures they administer, without conflict),
    the nearest deadline first. Seven queries for any number of items."""
    administered = administered_structure_ids(user)
    if not administered:
        return []
    items = list(
        AgendaItem.objects.filter(session__status=SessionStatus.OPEN, session__voters__in=administered)
        .exclude(request__status=RequestStatus.WITHDRAWN)
        .select_related("session", "request__structure")
        .prefetch_related("session__voters")
        .distinct()
        .order_by("session__deadline", "pk")
    )
    states = item_states(items)
    ballots = []
    for item in items:
        state = states[item.pk]
        pending = tuple(sid for sid in voting_structures(user, item, state.conflicted_ids) if sid not in state.votes)
        if pending:
            ballots.append(Ballot(item, pending))
    return ballots


@dataclass(frozen=True)
class RequestProgress:
    """Where a request stands: its open examination, if any, and how many voters have voted (a count, no names)."""

    request: AppellationRequest
    item: AgendaItem | None = None
    tally: rules.Tally | None = None

    @property
    def awaiting_session(self) -> bool:
        return self.item is None and self.request.status in AWAITING_SESSION_STATUSES


def requests_under_way(user) -> list[RequestProgress]:
    """The active requests of `user`'s structures with their examination by an open session. Fixed queries."""
    own = member_structure_ids(user)
    if not own:
        return []
    requests = list(
        with_agenda(readable_requests(user).filter(structure_id__in=own, status__in=ACTIVE_REQUEST_STATUSES))
        .select_related("structure")
        .order_by("structure__name", "pk")
    )
    open_items = {}
    for appellation_request in requests:
        item = current_item(appellation_request)
        if item is not None and item.session.status == SessionStatus.OPEN:
            open_items[appellation_request.pk] = item
    states = item_states(list(open_items.values()))
    progress = []
    for appellation_request in requests:
        item = open_items.get(appellation_request.pk)
        tally = None
        if item is not None and item_abilities(user, item)["view_progress"]:
            tally = states[item.pk].tally
        progress.append(RequestProgress(appellation_request, item, tally))
    return progress
