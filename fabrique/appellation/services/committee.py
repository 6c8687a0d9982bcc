"""Committee sessions: opening (voters frozen), votes and conflicts while open, closing (every decision at
once, in one transaction, idempotent)."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import TransitionError
from fabrique.core.french import de
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure
from fabrique.network.perms import administered_structure_ids
from fabrique.network.services import grant_appellation

from ..enums import (
    ConflictSource,
    NotificationKind,
    Outcome,
    RequestStatus,
    SessionStatus,
    VoteChoice,
)
from ..exceptions import NotOnAgenda, SessionClosed
from ..models import AgendaItem, AppellationRequest, CommitteeSession, Conflict, Vote
from ..notifications import admins_of, members_of, notify
from ..perms import can_open_session, can_run_committee
from ..selectors import item_state, item_states
from ..transitions import DECISIONS, REQUEST_TABLE, Attempt, agenda_transition
from .announcement import draft_announcement
from .log import change_status, log_transition


def _day(value: date) -> str:
    return formats.date_format(value, "j F Y")


def _moment(value: datetime) -> str:
    return formats.date_format(timezone.localtime(value), "j F Y à H\\hi")


def open_session(*, by, held_on: date, deadline: datetime, requests, notes: str = "") -> CommitteeSession:
    """The coordinator opens a session: the labelled structures of today become its voters, for good."""
    if not can_open_session(by):
        raise PermissionDenied(_("Seule la coordination du réseau ouvre une séance du comité."))
    errors = {}
    if deadline <= timezone.now():
        errors["deadline"] = "La date limite des votes doit être dans le futur."
    requests = list(requests)
    if not requests:
        errors["requests"] = "Inscrivez au moins une demande à l'ordre du jour."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = list(
            AppellationRequest.objects.select_for_update()
            .filter(pk__in=[r.pk for r in requests])
            .select_related("structure")
            .prefetch_related(Prefetch("agenda_items", AgendaItem.objects.select_related("session")))
            .order_by("pk")
        )
        transitions, refused = _agenda_transitions(locked, by)
        if refused or len(locked) != len(requests):
            raise ValidationError(
                {"requests": ["Ces demandes ne peuvent pas être inscrites à l'ordre du jour.", *refused]}
            )
        session = CommitteeSession(held_on=held_on, deadline=deadline, notes=notes, opened_by=by)
        session._history_user = by
        session.save()
        voters = list(Structure.objects.filter(status=StructureStatus.LABELLED).order_by("pk"))
        session.voters.set(voters)
        for request in locked:
            AgendaItem.objects.create(session=session, request=request)
            log_transition(
                request,
                transitions[request.pk],
                from_status=request.status,
                by=by,
                session=session,
                note=f"Inscrite à l'ordre du jour du {session}",
            )
        names = "\n".join(f"- {r.structure.name}" for r in locked)
        notify(
            admins_of(v.pk for v in voters),
            kind=NotificationKind.SESSION_OPENED,
            subject=f"{session} : votes ouverts jusqu'au {_moment(deadline)}",
            body=f"Le comité de pairs examine {len(locked)} demande(s) d'appellation :\n{names}\n\n"
            f"Votre structure peut voter jusqu'au {_moment(deadline)}, ou déclarer un conflit d'intérêts.",
            url="/appellation/votes/",
        )
    return session


def _agenda_transitions(requests, by) -> tuple[dict, list[str]]:
    """Each request's way onto an agenda (REQUEST_TABLE), and the refusals (« name — why »)."""
    transitions, refused = {}, []
    for request in requests:
        transition = agenda_transition(request.status)
        try:
            REQUEST_TABLE.check(transition.name, request.status, subject=Attempt(request, by))
        except TransitionError as refusal:
            refused.append(f"{request.structure.name} — {refusal}")
        else:
            transitions[request.pk] = transition
    return transitions, refused


def _open_item_for(request, *, lock: bool) -> AgendaItem:
    """The request's item in an open session (session row locked), else its latest item (closed)."""
    items = AgendaItem.objects.filter(request=request).select_related("session", "request").order_by("-pk")
    item = items.filter(session__status=SessionStatus.OPEN).first() or items.first()
    if item is None:
        raise NotOnAgenda()
    if lock:
        item.session = CommitteeSession.objects.select_for_update().get(pk=item.session_id)
    return item


def _voter_structure(by, state, structure) -> int:
    """Which voter structure `by` acts for: the one given, or the only one they administer."""
    candidates = sorted(state.voter_ids & administered_structure_ids(by))
    if structure is not None:
        if structure.pk not in candidates:
            raise PermissionDenied(
                _(
                    "Votre structure ne fait pas partie des votants de cette séance, "
                    "ou vous n'en êtes pas administrateur·rice."
                )
            )
        return structure.pk
    if not candidates:
        raise PermissionDenied(
            _(
                "Seules les structures avec appellation à l'ouverture de la séance votent, "
                "par une personne qui les administre."
            )
        )
    if len(candidates) > 1:
        raise ValidationError({"structure": "Vous administrez plusieurs structures votantes : précisez laquelle."})
    return candidates[0]


def cast_vote(request, *, by, choice: str, comment: str = "", structure=None) -> Vote:
    """One vote per voter structure and request, cast by one of its admins, changeable until closing.
    A conflicted structure may not vote; after closing nothing changes."""
    if choice not in VoteChoice.values:
        raise ValidationError({"choice": "Choisissez « favorable », « défavorable » ou « abstention »."})
    with transaction.atomic():
        item = _open_item_for(request, lock=True)
        state = item_state(item)
        voter_id = _voter_structure(by, state, structure)
        if voter_id in state.conflicts:
            raise PermissionDenied(
                _("Votre structure ne peut pas voter sur cette demande : %s.") % state.conflicts[voter_id]
            )
        if item.session.status != SessionStatus.OPEN:
            raise SessionClosed()
        vote = Vote.objects.select_for_update().filter(item=item, structure_id=voter_id).first()
        if vote is None:
            vote = Vote(item=item, structure_id=voter_id, choice=choice, comment=comment, cast_by=by)
            vote._history_user = by
            try:
                with transaction.atomic():
                    vote.save()
                    return vote
            except IntegrityError:
                vote = Vote.objects.select_for_update().get(item=item, structure_id=voter_id)
        vote.choice, vote.comment, vote.cast_by = choice, comment, by
        vote._history_user = by
        vote.version += 1
        vote.save(update_fields=["choice", "comment", "cast_by", "updated_at", "version"])
    return vote


def declare_conflict(request, *, by, reason: str, structure=None) -> Conflict:
    """A voter declares a conflict of interest, with a reason, before voting; it no longer counts in the quorum."""
    if not reason.strip():
        raise ValidationError({"reason": "Indiquez le motif du conflit d'intérêts."})
    with transaction.atomic():
        item = _open_item_for(request, lock=True)
        state = item_state(item)
        voter_id = _voter_structure(by, state, structure)
        if item.session.status != SessionStatus.OPEN:
            raise SessionClosed()
        if voter_id in state.conflicts:
            raise ValidationError({"reason": f"Un conflit est déjà noté : {state.conflicts[voter_id]}."})
        if voter_id in state.votes:
            raise ValidationError(
                {
                    "reason": "Votre structure a déjà voté : un conflit se déclare avant de voter. "
                    "Contactez la coordination."
                }
            )
        return _create_conflict(request, voter_id, ConflictSource.DECLARED, reason, by)


def record_conflict(request, *, by, structure, reason: str) -> Conflict:
    """The coordinator records a conflict for a voter structure; a vote it cast no longer counts."""
    if not can_run_committee(by):
        raise PermissionDenied(_("Seule la coordination enregistre un conflit pour une autre structure."))
    if not reason.strip():
        raise ValidationError({"reason": "Indiquez le motif du conflit d'intérêts."})
    with transaction.atomic():
        item = _open_item_for(request, lock=True)
        if item.session.status != SessionStatus.OPEN:
            raise SessionClosed()
        state = item_state(item)
        if structure.pk not in state.voter_ids:
            raise ValidationError({"structure": "Cette structure ne vote pas dans cette séance."})
        if structure.pk in state.conflicts:
            raise ValidationError({"structure": f"Un conflit est déjà noté : {state.conflicts[structure.pk]}."})
        conflict = _create_conflict(request, structure.pk, ConflictSource.RECORDED, reason, by)
        notify(
            admins_of([structure.pk]),
            kind=NotificationKind.CONFLICT_RECORDED,
            subject=f"Conflit d'intérêts enregistré : demande {de(item.request.structure.name)}",
            body=f"La coordination a enregistré un conflit d'intérêts pour votre structure sur cette demande "
            f"(« {reason.strip()} ») : votre structure ne vote pas sur cette demande.",
            url="/appellation/votes/",
        )
    return conflict


def _create_conflict(request, structure_id: int, source: str, reason: str, by) -> Conflict:
    conflict = Conflict(
        request_id=request.pk, structure_id=structure_id, source=source, reason=reason.strip(), created_by=by
    )
    conflict._history_user = by
    conflict.save()
    return conflict


@dataclass
class ClosingReport:
    session: CommitteeSession
    already_closed: bool = False
    outcomes: dict = field(default_factory=dict)  # request pk → outcome


def close_session(session, *, by, on: date | None = None) -> ClosingReport:
    """Apply every decision of the session at once. Granted requests make their structure `labelled` through
    the registry's status service; deferred ones wait for the next session. Closing twice changes nothing."""
    if not can_run_committee(by):
        raise PermissionDenied(_("Seule la coordination du réseau clôt une séance."))
    day = on or timezone.localdate()
    with transaction.atomic():
        locked = CommitteeSession.objects.select_for_update().get(pk=session.pk)
        if locked.status == SessionStatus.CLOSED:
            return ClosingReport(session=locked, already_closed=True)
        report = ClosingReport(session=locked)
        items = list(locked.items.select_related("session", "request__structure").order_by("pk"))
        states = item_states(items)
        granted = []
        now = timezone.now()
        for item in items:
            request = AppellationRequest.objects.select_for_update().select_related("structure").get(pk=item.request_id)
            outcome = _decide(item, states[item.pk], request, by=by, day=day, session=locked)
            item.outcome, item.decided_at = outcome, now
            item.save()
            report.outcomes[request.pk] = outcome
            if outcome == Outcome.GRANTED:
                granted.append(request.structure)
        locked.status, locked.closed_by, locked.closed_at = SessionStatus.CLOSED, by, now
        locked._history_user = by
        locked.version += 1
        locked.save(update_fields=["status", "closed_by", "closed_at", "version"])
        if granted:
            draft_announcement(locked, granted, by=by)
        _notify_decisions(locked, items)
    return report


def _decide(item, state, request, *, by, day, session) -> str:
    if request.status == RequestStatus.WITHDRAWN:
        return Outcome.WITHDRAWN
    tally = state.tally
    item.votes_for, item.votes_against, item.votes_abstain = tally.votes_for, tally.votes_against, tally.votes_abstain
    item.eligible_count, item.conflicted_count, item.quorum_reached = (
        tally.eligible,
        tally.conflicted,
        tally.quorum_reached,
    )
    outcome = tally.outcome
    transition = DECISIONS[outcome]
    REQUEST_TABLE.check(transition.name, request.status, subject=Attempt(request, by))
    note = (
        f"{session} : {tally.votes_for} favorable(s), {tally.votes_against} défavorable(s), "
        f"{tally.votes_abstain} abstention(s) ; {tally.eligible} votant(s) sans conflit, quorum "
        f"{'atteint' if tally.quorum_reached else 'non atteint'}."
    )
    if outcome == Outcome.GRANTED:
        grant_appellation(
            request.structure,
            by=by,
            on=day,
            via="committee",
            reason=f"Décision du comité de pairs du {_day(session.held_on)}",
        )
    request.decided_at = timezone.now() if transition.target != RequestStatus.DEFERRED else None
    reason = f"Décision du {session}"  # the history keeps a short reason
    change_status(
        request, transition, by=by, reason=reason, note=note, session=session, via="committee", fields=["decided_at"]
    )
    return outcome


DECISION_TEXT = {
    Outcome.GRANTED: "Le comité de pairs vous accorde l'appellation. Félicitations ! Pour finaliser votre "
    "engagement, une personne administratrice de votre structure accepte la charte du réseau.",
    Outcome.REFUSED: "Le comité de pairs n'a pas accordé l'appellation. Les commentaires des votants sont "
    "consultables sur la page de votre demande.",
    Outcome.DEFERRED: "Le comité de pairs n'a pas pu décider (quorum non atteint ou égalité) : votre demande est "
    "reportée à la prochaine séance.",
}


def _notify_decisions(session, items) -> None:
    for item in items:
        if item.outcome not in DECISION_TEXT:
            continue
        structure = item.request.structure
        notify(
            members_of([structure.pk]),
            kind=NotificationKind.DECISION,
            subject=f"Appellation : décision du {session} — {item.get_outcome_display()}",
            body=DECISION_TEXT[item.outcome],
            url=item.request.get_absolute_url(),
        )
