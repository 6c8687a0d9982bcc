"""Reads on a PostgreSQL replica, when one is configured (`DATABASE_REPLICA_URL`), without reading stale data.

A streaming replica lags the primary by a few milliseconds. Reading there right after a write could show the
state from before it (a project just moved, a session just created at login). So only these reads go to the
replica: those of a safe request (GET, HEAD, OPTIONS) outside any transaction, from a client that has not
written anything for `DATABASE_REPLICA_PIN_SECONDS`. Everything else stays on the primary: a request with an
unsafe method (POST, PUT, PATCH, DELETE), the following requests of the same browser for a few seconds (a cookie
says when it last wrote), any read inside `transaction.atomic`, and all code run outside a request (commands,
jobs). A safe request that writes (a login lock-out, a token's last use) reads the replica around its write; an
API client that keeps no cookie may read the replica just after its own write (docs/operations.md).
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import connections

REPLICA = "replica"
PRIMARY = "default"
PIN_COOKIE = "fabrique_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CACHE_TABLE_APP = "django_cache"  # the app label of Django's database cache entries

_reads_on_replica: ContextVar[bool] = ContextVar("fabrique_reads_on_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class PrimaryReplicaRouter:
    """Writes and migrations on the primary; reads on the replica when `ReplicaMiddleware` allowed it."""

    def db_for_read(self, model, **hints):
        if model is not None and model._meta.app_label == CACHE_TABLE_APP:
            return PRIMARY  # a counter of the rate limits (CACHE_URL=db://) is read where it was just written
        if _reads_on_replica.get() and not connections[PRIMARY].in_atomic_block:
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class ReplicaMiddleware:
    """Chooses, per request, whether its reads may go to the replica, and remembers a client that wrote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_configured():
            return self.get_response(request)
        safe = request.method in SAFE_METHODS
        token = _reads_on_replica.set(safe and PIN_COOKIE not in request.COOKIES)
        try:
            response = self.get_response(request)
        finally:
            _reads_on_replica.reset(token)
        if not safe:
            seconds = settings.DATABASE_REPLICA_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE, "1", max_age=seconds, secure=request.is_secure(), httponly=True, samesite="Lax"
            )
        return response
