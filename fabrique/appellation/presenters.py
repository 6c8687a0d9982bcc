"""Objects of the procedure → the API's answers, each field shown according to the caller's rights."""

from django.urls import reverse

from .enums import SessionStatus
from .models import AgendaItem
from .perms import item_abilities, request_abilities, session_abilities
from .selectors import item_states


def _structure(structure) -> dict:
    return {"slug": structure.slug, "name": structure.name}


def _tally(tally) -> dict:
    return {
        "votes_for": tally.votes_for,
        "votes_against": tally.votes_against,
        "votes_abstain": tally.votes_abstain,
        "eligible": tally.eligible,
        "conflicted": tally.conflicted,
        "quorum_needed": tally.quorum_needed,
        "quorum_reached": tally.quorum_reached,
    }


def request_item(request, appellation_request, abilities=None) -> dict:
    abilities = abilities or request_abilities(request.user, appellation_request)
    return {
        "id": appellation_request.pk,
        "structure": _structure(appellation_request.structure),
        "status": appellation_request.status,
        "status_label": str(appellation_request.get_status_display()),
        "usefulness": appellation_request.usefulness,
        "partnerships": appellation_request.partnerships,
        "know_how": appellation_request.know_how,
        "evidence": appellation_request.evidence,
        "submitted_at": appellation_request.submitted_at,
        "decided_at": appellation_request.decided_at,
        "version": appellation_request.version,
        "url": request.build_absolute_uri(appellation_request.get_absolute_url()),
        "abilities": abilities,
    }


def _examination(request, item, state) -> dict:
    abilities = item_abilities(request.user, item)
    counted = state.voter_ids - state.conflicted_ids
    votes = None
    if abilities["view_votes"]:
        votes = [
            {
                "structure": _structure(vote.structure),
                "choice": vote.choice,
                "comment": vote.comment,
                "cast_by": vote.cast_by.email if vote.cast_by else None,
                "counted": sid in counted,
                "updated_at": vote.updated_at,
            }
            for sid, vote in sorted(state.votes.items(), key=lambda pair: pair[1].structure.name)
        ]
    comments = None
    if abilities["view_comments"]:
        comments = sorted(v.comment for sid, v in state.votes.items() if sid in counted and v.comment.strip())
    return {
        "session_id": item.session_id,
        "held_on": item.session.held_on,
        "deadline": item.session.deadline,
        "session_status": item.session.status,
        "outcome": item.outcome or None if abilities["view_outcome"] else None,
        "tally": _tally(state.tally) if abilities["view_tally"] else None,
        "comments": comments,
        "votes": votes,
    }


def request_detail(request, appellation_request) -> dict:
    abilities = request_abilities(request.user, appellation_request)
    data = request_item(request, appellation_request, abilities)
    data["attachments"] = [
        {
            "id": a.pk,
            "title": a.title,
            "content_type": a.content_type,
            "size": a.size,
            "url": request.build_absolute_uri(a.get_absolute_url()),
        }
        for a in appellation_request.attachments.all()
    ]
    items = sorted(appellation_request.agenda_items.all(), key=lambda item: item.pk)
    for item in items:
        item.request = appellation_request
    states = item_states(items)
    data["examinations"] = [_examination(request, item, states[item.pk]) for item in items]
    return data


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
            {
                "request_id": item.request_id,
                "structure": _structure(item.request.structure),
                "outcome": (item.outcome or None) if abilities["view_outcome"] else None,
                "tally": _tally(states[item.pk].tally) if abilities["view_tally"] else None,
            }
        )
    return [
        {
            "id": s.pk,
            "held_on": s.held_on,
            "deadline": s.deadline,
            "status": s.status,
            "notes": s.notes,
            "closed_at": s.closed_at if s.status == SessionStatus.CLOSED else None,
            "voters": [_structure(v) for v in sorted(s.voters.all(), key=lambda v: v.name)],
            "items": grouped.get(s.pk, []),
            "url": request.build_absolute_uri(reverse("appellation:session_detail", args=[s.pk])),
            "abilities": session_abilities(request.user, s),
        }
        for s in sessions
    ]
