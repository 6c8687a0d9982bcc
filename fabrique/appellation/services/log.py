"""A request's change of status and its log row (transitions.REQUEST_TABLE), and the bulk path that writes a
request's past."""

from django.utils.translation import gettext as _

from fabrique.core.exceptions import TransitionError
from fabrique.core.transitions import Transition
from fabrique.core.versioning import save_with_version

from ..models import AppellationRequest, RequestLog
from ..transitions import REQUEST_TABLE, status_label


def log_transition(request, transition: Transition, *, from_status: str, by, note="", session=None, via="service"):
    return RequestLog.objects.create(
        request=request,
        from_status=from_status,
        to_status=transition.target,
        transition=transition.name,
        changed_by=by,
        note=note,
        session=session,
        via=via,
    )


def change_status(
    locked: AppellationRequest,
    transition: Transition,
    *,
    by,
    reason: str,
    note: str = "",
    session=None,
    via: str = "service",
    fields=(),
    expected_version: int | None = None,
) -> RequestLog:
    """Write a transition the verb has checked with REQUEST_TABLE on the locked request: its status (and the
    verb's `fields`), the history's short `reason`, and the log row, in the verb's transaction."""
    previous = locked.status
    locked.status = transition.target
    locked._change_reason = reason[:100]
    save_with_version(locked, expected_version, ["status", *fields], by=by)
    return log_transition(locked, transition, from_status=previous, by=by, note=note, session=session, via=via)


def request_history(request: AppellationRequest, rows, *, start: str | None = None) -> list[RequestLog]:
    """The bulk path (the demo; an import of requests would take it too): write the log rows of a request's
    past, given as dicts of the log's fields (from_status, to_status, changed_at, changed_by, note, via,
    session). The chain must follow REQUEST_TABLE from `start` (default: the first row's `from_status`) and end
    at the request's status; a row may name its transition (deferred → deferred is an agenda or a deferral),
    which must lead from its `from_status` to its `to_status`. Otherwise TransitionError, and nothing is
    written. Rights and guards are not evaluated: they read today's data, not the past."""
    rows = [dict(row) for row in rows]
    given = [row.pop("transition", "") for row in rows]
    named = REQUEST_TABLE.named(rows, start)
    for row, name in zip(named, given, strict=True):
        if name:
            _check_name(name, row["from_status"], row["to_status"])
            row["transition"] = name
    if named and named[-1]["to_status"] != request.status:
        raise TransitionError(
            _("Le journal finit à « %(end)s » mais la demande est « %(status)s ».")
            % {"end": status_label(named[-1]["to_status"]), "status": status_label(request.status)}
        )
    logs = [RequestLog(request=request, **row) for row in named]
    RequestLog.objects.bulk_create(logs)
    return logs


def _check_name(name: str, from_status: str, to_status: str) -> None:
    transition = REQUEST_TABLE.transitions.get(name)
    if transition is None or transition.target != to_status or not REQUEST_TABLE.allowed(name, from_status):
        raise TransitionError(
            _("La transition « %(name)s » ne mène pas de « %(from)s » à « %(to)s ».")
            % {"name": name, "from": status_label(from_status), "to": status_label(to_status)}
        )
