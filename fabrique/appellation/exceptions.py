"""Refusals of the procedure, in French. The API answers 409 for these (the state forbids the action)."""

from fabrique.core.exceptions import DomainError, TransitionError


class RequestLocked(TransitionError):
    """A submitted request is read-only."""

    def __init__(self, message: str | None = None):
        super().__init__(message or "La demande a été déposée : elle ne peut plus être modifiée.")


class SessionClosed(TransitionError):
    def __init__(self, message: str | None = None):
        super().__init__(message or "La séance est close : les votes et les conflits ne peuvent plus changer.")


class NotOnAgenda(DomainError):
    def __init__(self, message: str | None = None):
        super().__init__(message or "Cette demande n'est à l'ordre du jour d'aucune séance du comité.")
