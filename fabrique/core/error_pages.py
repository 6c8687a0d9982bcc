"""Error pages in French, in the site's layout, with the reason the application gave and a way back.

`fabrique/urls.py` points Django's handlers here; `CSRF_FAILURE_VIEW` names `csrf_failure`; the middleware below
turns the bare 405 of `require_POST` into a page. Under /api/ these pages become JSON (`ApiJsonErrorsMiddleware`).
The 500 page is rendered without the request: no context processor, so no query on a failing database.
"""

import logging
import re

from django.conf import settings
from django.core.exceptions import BadRequest, DisallowedHost
from django.http import HttpResponse
from django.middleware import csrf
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from .middleware import API_PREFIX

logger = logging.getLogger(__name__)

# Django's own 404 reasons are English and name internals (a model, the URL patterns tried): never shown.
DJANGO_404_REASON = re.compile(r"^No .* matches the given query\.$")


def back_url(request) -> str | None:
    """The previous page (the Referer), when it is a page of this site; None otherwise."""
    referer = request.headers.get("Referer", "")
    if not referer:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the 400 of a forged Host header: no link to build from it
    return referer if url_has_allowed_host_and_scheme(referer, {host}, require_https=request.is_secure()) else None


def _reason(exception) -> str:
    """The message the application put in the exception, if it wrote one."""
    if exception is None or not exception.args:
        return ""
    message = exception.args[0]
    return str(message) if isinstance(message, str | Promise) else ""


def error_page(request, status: int, *, reason: str = "", template: str = "") -> HttpResponse:
    """One error page (`<status>.html`): what it means, the application's reason (escaped), links back."""
    context = {"status": status, "reason": reason, "back_url": back_url(request)}
    return render(request, template or f"{status}.html", context, status=status)


def bad_request(request, exception=None):
    # Only the application's own BadRequest speaks to the user; Django's SuspiciousOperation text is internal.
    return error_page(request, 400, reason=_reason(exception) if type(exception) is BadRequest else "")


def permission_denied(request, exception=None):
    return error_page(request, 403, reason=_reason(exception))


def page_not_found(request, exception=None):
    reason = _reason(exception)
    return error_page(request, 404, reason="" if DJANGO_404_REASON.match(reason) else reason)


CSRF_REASONS = {
    csrf.REASON_NO_CSRF_COOKIE: lambda: gettext(
        "Votre navigateur n'a pas envoyé le cookie de sécurité de la plateforme\u00a0: autorisez les cookies pour ce "
        "site, puis rechargez la page du formulaire."
    ),
    csrf.REASON_NO_REFERER: lambda: gettext(
        "Votre navigateur n'a pas indiqué de quelle page venait le formulaire (en-tête «\u00a0Referer\u00a0»)\u00a0: "
        "autorisez-le pour ce site."
    ),
}


def csrf_failure(request, reason=""):
    """The form's security check failed (page open too long, cookies refused): say what to do, in French."""
    explain = CSRF_REASONS.get(reason)
    return error_page(request, 403, reason=explain() if explain else "", template="403_csrf.html")


def server_error(request):
    """The 500 page: a static template, rendered without the request (no context processor, no query)."""
    try:
        html = render_to_string("500.html", {"NETWORK_NAME": settings.NETWORK_NAME})
    except Exception:  # the page must be served even if a template or a static file is broken
        logger.exception("La page d'erreur 500 n'a pas pu être rendue.")
        html = gettext("Erreur interne du serveur. Réessayez dans quelques instants.")  # plain text
        return HttpResponse(html, status=500, content_type="text/plain; charset=utf-8")
    return HttpResponse(html, status=500)


class MethodNotAllowedPageMiddleware:
    """`require_POST` and its kin answer a bare, empty 405: give it the French page (keeping `Allow`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or request.path.startswith(API_PREFIX):
            return response
        if response.streaming or response.content:
            return response  # a view that wrote its own 405 page
        page = error_page(request, 405)
        if "Allow" in response:
            page["Allow"] = response["Allow"]
        return page
