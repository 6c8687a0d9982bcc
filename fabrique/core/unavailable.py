"""When the database cannot be reached: a 503 with `Retry-After`, never a traceback, and no restart needed.

The connection is tried before the request goes further, so the answer needs no query (no session, no user):
a static French page, or `{"detail": ...}` under /api/. A connection lost during the request (the database
stopped meanwhile, a kept connection cut) gives the same answer and is dropped at once; the next request connects
again, so the site serves as soon as the database is back.
"""

import logging

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext

from .middleware import API_PREFIX

logger = logging.getLogger(__name__)
DATABASE_ERRORS = (OperationalError, InterfaceError)


def unavailable_response(request) -> HttpResponse:
    """The 503 answer, built without the database: no request context, so no context processor runs."""
    message = gettext("La plateforme est momentanément indisponible\u00a0: sa base de données ne répond pas.")
    if request.path.startswith(API_PREFIX):
        response = JsonResponse({"detail": message}, status=503)
    else:
        response = HttpResponse(_page(message), status=503)
    response["Retry-After"] = str(settings.DATABASE_UNAVAILABLE_RETRY_AFTER)
    return response


def _page(message: str) -> str:
    try:
        return render_to_string("503.html", {"message": message, "NETWORK_NAME": settings.NETWORK_NAME})
    except Exception:  # a broken template or static manifest must not turn the 503 into a 500
        logger.exception("La page 503 n'a pas pu être rendue.")
        return str(message)


def database_answers() -> bool:
    """True when the default database accepts a connection and answers on it."""
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        if connection.connection is None:
            connection.ensure_connection()
            return True
    except DATABASE_ERRORS:
        return False
    return connection.is_usable()


class DatabaseUnavailableMiddleware:
    """Answers 503 when the default database refuses the connection, before or during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            connections[DEFAULT_DB_ALIAS].ensure_connection()
        except DATABASE_ERRORS as exc:
            logger.warning("Base de données injoignable : %s", exc)
            return unavailable_response(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS) or database_answers():
            return None  # not the connection: a faulty query is a bug, Django's 500 reports it
        logger.warning("Base de données perdue pendant la requête : %s", exception)
        _forget_connection()
        return unavailable_response(request)


def _forget_connection() -> None:
    """Drop the broken connection now, so that the next request connects again (whatever the server does)."""
    try:
        connections[DEFAULT_DB_ALIAS].close()
    except DATABASE_ERRORS:
        pass  # already broken: close() forgets it all the same
