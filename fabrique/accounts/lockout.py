"""Login throttling with django-axes: who is refused, until when, and the page that says so.

The rule. Failed logins are counted per (e-mail, client address) and per client address alone; a failure
counts while the last failure of its (e-mail, address, browser) row is less than AXES_COOLOFF_TIME old. An
e-mail is refused from one address after AXES_FAILURE_LIMIT failures there; an address is refused for every
e-mail after LOGIN_IP_FAILURE_LIMIT failures (higher: an office behind one address holds many people). Every
attempt while refused is counted too, so the refusal lasts as long as someone keeps trying and ends one
cool-off after they stop: the persistent guesser is held back for good, a person who mistyped waits once.
Nobody can lock an account from another address: its owner's usual address has counters of its own.
A successful login clears the failures of that e-mail from that address only.

Every login goes through `django.contrib.auth.authenticate`, so the site's form and the admin's share it.
"""

import math
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import ngettext

ADDRESS_ALONE = "ip_address"
# Set on the request by a login form that already shows the refusal on its own page.
SHOWN_ON_PAGE = "fabrique_lockout_shown"


def tried_email(request, credentials) -> str | None:
    """The e-mail tried, whatever its case and surrounding spaces: one counter per address (AXES_USERNAME_CALLABLE)."""
    credentials = credentials or {}
    raw = credentials.get("username") or credentials.get("email")
    if raw is None and request is not None and hasattr(request, "POST"):
        raw = request.POST.get("username")
    return raw.strip().lower()[:255] if isinstance(raw, str) else None


def _limit_of(parameter, request, credentials) -> int:
    return settings.LOGIN_IP_FAILURE_LIMIT if parameter == ADDRESS_ALONE else get_failure_limit(request, credentials)


class LoginThrottleHandler(AxesDatabaseHandler):
    """django-axes' database handler with a limit of its own for the address alone (axes has one limit)."""

    def get_failures(self, request, credentials=None) -> int:
        """The failures of each counter, the address's scaled to the pair's limit: axes compares the largest
        with AXES_FAILURE_LIMIT, so an address is refused exactly from its own LOGIN_IP_FAILURE_LIMIT."""
        limit = get_failure_limit(request, credentials)
        counts = [0]
        for parameter, attempts in self._counters(request, credentials):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            counts.append(failures * limit // _limit_of(parameter, request, credentials))
        return max(counts)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a success, only that e-mail from that address: logging into one's own account must not wipe
        the failures an address piled up on other accounts."""
        deleted, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials), ip_address=request.axes_ip_address
        ).delete()
        return deleted

    def locked_until(self, request, credentials=None) -> datetime | None:
        """When this request's refusal ends (the latest end among its counters over their limit), or None."""
        cool_off = get_cool_off(request)
        ends = []
        for parameter, attempts in self._counters(request, credentials):
            limit, total = _limit_of(parameter, request, credentials), 0
            rows = attempts.order_by("-attempt_time").values_list("failures_since_start", "attempt_time")
            for failures, last in rows:
                total += failures
                if total >= limit:  # the refusal lasts until this row leaves the window
                    ends.append(last + cool_off)
                    break
        return max(ends, default=None)

    def _counters(self, request, credentials):
        return zip(
            get_lockout_parameters(request, credentials), self.get_user_attempts(request, credentials), strict=True
        )


def _handler() -> LoginThrottleHandler:
    return AxesProxyHandler.get_implementation()


def locked_until(request, credentials=None) -> datetime | None:
    AxesProxyHandler.update_request(request)
    return _handler().locked_until(request, credentials)


def attempts_left(request) -> int | None:
    """Failures still allowed before a refusal, after the failure this request just recorded; None if unknown."""
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is None:
        return None
    return max(get_failure_limit(request, None) - failures, 0)


def seconds_to_wait(until: datetime | None) -> int:
    if until is None:
        return 0
    return max(1, math.ceil((until - timezone.now()).total_seconds()))


def lockout_message(until: datetime | None) -> str:
    minutes = max(1, math.ceil(seconds_to_wait(until) / 60))
    time = f"{timezone.localtime(until or timezone.now()):%H:%M}"
    return ngettext(
        "Trop d'échecs de connexion depuis votre adresse réseau\u00a0: par sécurité, les essais sont suspendus. "
        "Réessayez dans %(minutes)d minute (à partir de %(time)s).",
        "Trop d'échecs de connexion depuis votre adresse réseau\u00a0: par sécurité, les essais sont suspendus. "
        "Réessayez dans %(minutes)d minutes (à partir de %(time)s).",
        minutes,
    ) % {"minutes": minutes, "time": time}


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a refused login (AXES_LOCKOUT_CALLABLE): the login page, site or admin, whose form
    already says why and until when; else the site's own refusal page. 429 with Retry-After either way."""
    until = locked_until(request, credentials)
    if original_response is not None and getattr(request, SHOWN_ON_PAGE, False):
        response = original_response
    else:
        response = render(request, "accounts/locked_out.html", {"message": lockout_message(until)})
    response.status_code = 429  # Too Many Requests
    response["Retry-After"] = str(seconds_to_wait(until) or int(get_cool_off(request).total_seconds()))
    return response
