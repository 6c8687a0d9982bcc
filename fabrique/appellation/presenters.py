"""Objects of the procedure → the API's answers, each field shown according to the caller's rights.

Each answer is its schema's fields (fabrique/core/api_answers.py): a function names only what it computes."""

from django.urls import reverse

from fabrique.core.api_answers import answer
from fabrique.core.api_refs import StructureRef

from .enums import SessionStatus
from .models import AgendaItem
from .perms import item_abilities, request_abilities, session_abilities
from .schemas import (
    AgendaItemOut,
    AttachmentOut,
    CommitteeSessionOut,
    ConflictOut,
    ExaminationOut,
    RequestDetailOut,
    RequestOut,
    TallyOut,
    VoteOut,
)
from .selectors import item_states


def _structure(structure) -> dict:
    return answer(StructureRef, structure)


def _tally(tally) -> dict:
    return answer(TallyOut, tally)


def _request(request, appellation_request, schema, abilities, **values) -> dict:
    return answer(
        schema,
        appellation_request,
        structure=_structure(appellation_request.structure),
        status_label=str(appellation_request.get_status_display()),
        url=request.build_absolute_uri(appellation_request.get_absolute_url()),
        abilities=abilities,
        **values,
    )


def request_item(request, appellation_request) -> dict:
    return _request(request, appellation_request, RequestOut, request_abilities(request.user, appellation_request))


def vote_item(vote, cast_by: str | None, counted: bool) -> dict:
    return answer(VoteOut, vote, structure=_structure(vote.structure), cast_by=cast_by, counted=counted)


def conflict_item(appellation_request, conflict) -> dict:
    return answer(ConflictOut, conflict, request_id=appellation_request.pk, structure=_structure(conflict.structure))


def _examination(request, item, state) -> dict:
    abilities = item_abilities(request.user, item)
    counted = state.voter_ids - state.conflicted_ids
    votes = None
    if abilities["view_votes"]:
        votes = [
            vote_item(vote, vote.cast_by.email if vote.cast_by else None, sid in counted)
            for sid, vote in sorted(state.votes.items(), key=lambda pair: pair[1].structure.name)
        ]
    comments = None
    if abilities["view_comments"]:
        comments = sorted(v.comment for sid, v in state.votes.items() if sid in counted and v.comment.strip())
    return answer(
        ExaminationOut,
        session_id=item.session_id,
        held_on=item.session.held_on,
        deadline=item.session.deadline,
        session_status=item.session.status,
        outcome=item.outcome or None if abilities["view_outcome"] else None,
        tally=_tally(state.tally) if abilities["view_tally"] else None,
        comments=comments,
        votes=votes,
    )


def request_detail(request, appellation_request) -> dict:
    abilities = request_abilities(request.user, appellation_request)
    attachments = [
        answer(AttachmentOut, a, url=request.build_absolute_uri(a.get_absolute_url()))
        for a in appellation_request.attachments.all()
    ]
    items = sorted(appellation_request.agenda_items.all(), key=lambda item: item.pk)
    for item in items:
        item.request = appellation_request
    states = item_states(items)
    return _request(
        request,
        appellation_request,
        RequestDetailOut,
        abilities,
        attachments=attachments,
        examinations=[_examination(request, item, states[item.pk]) for item in items],
    )


def sessions_out(request, sessions) -> list[dict]:
    """Sessions (voters prefetched) with their agenda; the tallies of all of them in one batch."""
    by_pk = {s.pk: s for s in sessions}
    items = list(AgendaItem.objects.filter(session__in=sessions).select_related("request__structure").order_by("pk"))
    for item in items:
        item.session = by_pk[item.session_id]
    states = item_states(items)
    grouped: dict[int, list] = {}
    for item in items:
        abilities = item_abilities(request.user, item)
        grouped.setdefault(item.session_id, []).append(
            answer(
                AgendaItemOut,
                item,
                structure=_structure(item.request.structure),
                outcome=(item.outcome or None) if abilities["view_outcome"] else None,
                tally=_tally(states[item.pk].tally) if abilities["view_tally"] else None,
            )
        )
    return [
        answer(
            CommitteeSessionOut,
            s,
            closed_at=s.closed_at if s.status == SessionStatus.CLOSED else None,
            voters=[_structure(v) for v in sorted(s.voters.all(), key=lambda v: v.name)],
            items=grouped.get(s.pk, []),
            url=request.build_absolute_uri(reverse("appellation:session_detail", args=[s.pk])),
            abilities=session_abilities(request.user, s),
        )
        for s in sessions
    ]
