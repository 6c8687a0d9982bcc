"""Helpers shared by the appellation's views: scoped look-ups and French messages for refusals."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ..models import AppellationRequest, CommitteeSession
from ..perms import readable_requests, readable_sessions, request_abilities, session_abilities
from ..selectors import with_agenda


def get_request(user, pk: int) -> tuple[AppellationRequest, dict]:
    """The request if `user` may read it (404 otherwise: its existence is not disclosed), with abilities."""
    request = get_object_or_404(with_agenda(AppellationRequest.objects.all()), pk=pk)
    abilities = request_abilities(user, request)
    if not abilities["view"]:
        raise_not_found()
    return request, abilities


def get_session(user, pk: int) -> tuple[CommitteeSession, dict]:
    session = get_object_or_404(CommitteeSession.objects.prefetch_related("voters"), pk=pk)
    abilities = session_abilities(user, session)
    if not abilities["view"]:
        raise_not_found()
    return session, abilities


def raise_not_found():
    from django.http import Http404

    raise Http404(_("Introuvable."))


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return " ".join(m for messages_ in exc.message_dict.values() for m in messages_)
        return " ".join(exc.messages)
    return str(exc)


def flash_error(http_request, exc: Exception) -> None:
    messages.error(http_request, error_text(exc))


__all__ = ["get_request", "get_session", "require", "readable_requests", "readable_sessions"]
