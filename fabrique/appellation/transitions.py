"""The life of an appellation request, in one table (REQUEST_TABLE): each change of its status, the statuses it
starts from, and what else it needs (its guards, in order: the right of the person, then the request's own
conditions).

- create: an admin of a structure in experimentation opens a draft, when the structure has no request in
  progress (draft, submitted or deferred);
- submit: an admin submits a draft whose three criteria are argued; the request becomes read-only;
- withdraw: an admin withdraws a request in progress, at any time before a session decides on it;
- schedule, reschedule: the coordination puts a submitted request (or a deferred one, again) on the agenda of
  the session it opens; the status stays, the log row names the session; one open session at a time;
- grant, refuse, defer: closing the session decides on each request of its agenda (rules.py says which).

The services ask the table before they write (`REQUEST_TABLE.check`), and the bulk path
(`services.request_history`) checks a request's past against it.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from fabrique.core.exceptions import TransitionError
from fabrique.core.transitions import Transition, TransitionTable

from .enums import ACTIVE_REQUEST_STATUSES, Outcome, SessionStatus
from .enums import RequestStatus as R
from .exceptions import RequestLocked
from .models import AppellationRequest
from .perms import can_create_request, request_abilities


@dataclass(frozen=True)
class Attempt:
    """What the guards read: the request (locked; not yet saved for `create`) and the person who tries."""

    request: AppellationRequest
    by: Any = None


def _may(ability: str, message: str):
    def guard(attempt: Attempt) -> None:
        if not request_abilities(attempt.by, attempt.request)[ability]:
            raise PermissionDenied(str(message))

    return guard


def _may_create(attempt: Attempt) -> None:
    if not can_create_request(attempt.by, attempt.request.structure):
        raise PermissionDenied(
            gettext(
                "Seule une personne administratrice d'une structure en expérimentation peut demander l'appellation."
            )
        )


def _none_in_progress(attempt: Attempt) -> None:
    others = AppellationRequest.objects.filter(
        structure_id=attempt.request.structure_id, status__in=ACTIVE_REQUEST_STATUSES
    )
    if others.exclude(pk=attempt.request.pk).exists():
        raise TransitionError(gettext("Cette structure a déjà une demande d'appellation en cours."))


def _criteria_argued(attempt: Attempt) -> None:
    missing = [name for name in AppellationRequest.NARRATIVE_FIELDS if not getattr(attempt.request, name).strip()]
    if missing:
        raise ValidationError({name: gettext("Ce critère doit être argumenté avant le dépôt.") for name in missing})


def _on_no_open_agenda(attempt: Attempt) -> None:
    """Reads the request's agenda items with their sessions (prefetched by the caller for a list)."""
    if any(item.session.status == SessionStatus.OPEN for item in attempt.request.agenda_items.all()):
        raise TransitionError(gettext("La demande est déjà à l'ordre du jour d'une séance ouverte."))


def _transition(name, sources, target, label, refusal, guards=(), error=TransitionError) -> Transition:
    return Transition(name, sources, target, label, refusal, guards=guards, error=error)


# The refusals read « La demande est « <status> » : … »; the submission of a request already submitted says so.
_NOT_ON_AGENDA = _("La demande est « %(status)s » : elle ne peut pas être inscrite à l'ordre du jour.")
_NOT_DECIDED = _("La demande est « %(status)s » : le comité ne peut pas en décider.")
AWAITING = (R.SUBMITTED, R.DEFERRED)

CREATE = _transition(
    "create",
    ("",),
    R.DRAFT,
    _("ouvrir la demande"),
    _("La demande est « %(status)s » : elle existe déjà."),
    guards=(_may_create, _none_in_progress),
)
SUBMIT = _transition(
    "submit",
    (R.DRAFT,),
    R.SUBMITTED,
    _("déposer la demande"),
    _("La demande est « %(status)s » : elle ne peut plus être déposée."),
    guards=(
        _may("submit", _("Seule une personne administratrice de la structure dépose la demande.")),
        _criteria_argued,
    ),
    error=RequestLocked,
)
WITHDRAW = _transition(
    "withdraw",
    ACTIVE_REQUEST_STATUSES,
    R.WITHDRAWN,
    _("retirer la demande"),
    _("La demande est « %(status)s » : elle ne peut plus être retirée."),
    guards=(_may("withdraw", _("Seule une personne administratrice de la structure retire la demande.")),),
)
SCHEDULE = _transition(
    "schedule", (R.SUBMITTED,), R.SUBMITTED, _("inscrire à l'ordre du jour"), _NOT_ON_AGENDA, (_on_no_open_agenda,)
)
RESCHEDULE = _transition(
    "reschedule", (R.DEFERRED,), R.DEFERRED, _("réinscrire à l'ordre du jour"), _NOT_ON_AGENDA, (_on_no_open_agenda,)
)
GRANT = _transition("grant", AWAITING, R.GRANTED, _("accorder l'appellation"), _NOT_DECIDED)
REFUSE = _transition("refuse", AWAITING, R.REFUSED, _("refuser l'appellation"), _NOT_DECIDED)
DEFER = _transition("defer", AWAITING, R.DEFERRED, _("reporter à la prochaine séance"), _NOT_DECIDED)


def status_label(status: str) -> str:
    return str(R(status).label) if status in R.values else gettext("aucune")


def _refuse(transition: Transition, from_status: str, subject: Any) -> str:
    if transition is SUBMIT and from_status in (R.SUBMITTED, R.DEFERRED, R.GRANTED, R.REFUSED):
        return gettext("La demande a déjà été déposée.")
    return transition.refusal % {"status": status_label(from_status)}


# Order matters where two transitions join the same statuses (deferred → deferred): `between` names the first,
# the agenda; a decision row names its transition.
REQUEST_TABLE = TransitionTable(
    (CREATE, SUBMIT, WITHDRAW, SCHEDULE, RESCHEDULE, GRANT, REFUSE, DEFER), labels=status_label, refuse=_refuse
)
# The transitions that put a request on an agenda, and the decisions of a session by its outcome.
AGENDA = (SCHEDULE, RESCHEDULE)
DECISIONS = {Outcome.GRANTED: GRANT, Outcome.REFUSED: REFUSE, Outcome.DEFERRED: DEFER}


def agenda_transition(status: str) -> Transition:
    """The transition that puts a request in `status` on an agenda (the first one's, refused, otherwise)."""
    return next((t for t in AGENDA if REQUEST_TABLE.allowed(t.name, status)), SCHEDULE)
