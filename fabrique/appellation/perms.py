"""Who may do what in the appellation procedure. Read by views, the API (`abilities`) and templates.

Requests and items given here should come with their agenda items, sessions and session voters prefetched
(see selectors.with_agenda): checking a whole list then costs no query per row.
"""

from django.db.models import Q, QuerySet

from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure
from fabrique.network.roles import is_coordination, roles_of

from .enums import ACTIVE_REQUEST_STATUSES, RequestStatus, SessionStatus
from .models import AgendaItem, AppellationRequest, CommitteeSession


def session_voter_ids(session) -> frozenset[int]:
    return frozenset(structure.pk for structure in session.voters.all())


def _items(request) -> list:
    return list(request.agenda_items.all())


def request_abilities(user, request) -> dict[str, bool]:
    """view, change, submit, withdraw, download, view_votes, record_conflict, delete_attachment."""
    roles = roles_of(user)
    coordinator = roles.coordinator
    applicant = roles.is_member(request.structure_id)
    admin = roles.is_admin(request.structure_id)
    sessions = [item.session for item in _items(request)]
    voter_ids = frozenset().union(*(session_voter_ids(s) for s in sessions)) if sessions else frozenset()
    peer_reader = bool(voter_ids & roles.member_of)
    draft = request.status == RequestStatus.DRAFT
    on_open_session = any(s.status == SessionStatus.OPEN for s in sessions)
    view = coordinator or applicant or peer_reader
    return {
        "view": view,
        "change": admin and draft,
        "submit": admin and draft,
        "withdraw": admin and request.status in ACTIVE_REQUEST_STATUSES,
        "download": view,
        "view_votes": coordinator,
        "record_conflict": coordinator and on_open_session,
    }


def readable_requests(user, queryset: QuerySet | None = None) -> QuerySet:
    """Coordinator: all. Others: their structures' requests, and those examined by a session they vote in."""
    roles = roles_of(user)
    queryset = AppellationRequest.objects.all() if queryset is None else queryset
    if roles.coordinator:
        return queryset
    if not roles.member_of:
        return queryset.none()
    peers = AgendaItem.objects.filter(session__voters__in=roles.member_of).values("request_id")
    return queryset.filter(Q(structure_id__in=roles.member_of) | Q(pk__in=peers))


def item_abilities(user, item) -> dict[str, bool]:
    """What a person sees of one request's examination by one session. Progress (how many of the voters without
    conflict have voted, of how many) is the applicant's while the session is open: a count, never who nor how;
    a voter does not see it (the secret of the vote)."""
    roles = roles_of(user)
    closed = item.session.status == SessionStatus.CLOSED
    applicant = roles.is_member(item.request.structure_id)
    voter = bool(session_voter_ids(item.session) & roles.member_of)
    return {
        "view_progress": roles.coordinator or applicant,
        "view_votes": roles.coordinator,
        "view_tally": roles.coordinator or (closed and (applicant or voter)),
        "view_comments": roles.coordinator or (closed and applicant),
        "view_outcome": roles.coordinator or (closed and (applicant or voter)),
    }


def voting_structures(user, item, conflicted_ids) -> list[int]:
    """The voter structures this person may vote for on this item (admin of them, no conflict, session open)."""
    if item.session.status != SessionStatus.OPEN:
        return []
    roles = roles_of(user)
    return sorted((session_voter_ids(item.session) & roles.admin_of) - set(conflicted_ids))


def session_abilities(user, session) -> dict[str, bool]:
    roles = roles_of(user)
    voter = bool(session_voter_ids(session) & roles.member_of)
    is_open = session.status == SessionStatus.OPEN
    return {
        "view": roles.coordinator or voter,
        "close": roles.coordinator and is_open,
        "view_votes": roles.coordinator,
        "record_conflict": roles.coordinator and is_open,
    }


def readable_sessions(user, queryset: QuerySet | None = None) -> QuerySet:
    """Coordinator: all. Others: the sessions in which one of their structures votes (with their voters, which
    `session_abilities` reads)."""
    roles = roles_of(user)
    queryset = CommitteeSession.objects.prefetch_related("voters") if queryset is None else queryset
    if roles.coordinator:
        return queryset
    if not roles.member_of:
        return queryset.none()
    voting = CommitteeSession.voters.through.objects.filter(structure_id__in=roles.member_of)
    return queryset.filter(pk__in=voting.values("committeesession_id"))


def can_open_session(user) -> bool:
    return can_run_committee(user)


def can_run_committee(user) -> bool:
    """The coordination opens and closes the sessions and records conflicts for the voter structures."""
    return roles_of(user).coordinator


def can_create_request(user, structure) -> bool:
    """An admin member of a structure in experimentation."""
    return roles_of(user).is_admin(structure.pk) and structure.status == StructureStatus.EXPERIMENTING


def requesting_structures(user, queryset: QuerySet | None = None) -> QuerySet:
    """`can_create_request` as a filter: the structures in experimentation `user` administers."""
    queryset = Structure.objects.all() if queryset is None else queryset
    return queryset.filter(pk__in=roles_of(user).admin_of, status=StructureStatus.EXPERIMENTING)


def can_edit_charter(user) -> bool:
    return roles_of(user).coordinator


def can_accept_charter(user, structure) -> bool:
    return roles_of(user).is_admin(structure.pk) and structure.status == StructureStatus.LABELLED


def charter_signing_structures(user, queryset: QuerySet | None = None) -> QuerySet:
    """`can_accept_charter` as a filter: the labelled structures `user` administers."""
    queryset = Structure.objects.all() if queryset is None else queryset
    return queryset.filter(pk__in=roles_of(user).admin_of, status=StructureStatus.LABELLED)


def can_edit_announcement(user) -> bool:
    return is_coordination(user)
