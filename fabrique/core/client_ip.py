"""The address of the client of a request, as the login throttling (django-axes) and the API rate limits see it.

Without a proxy it is `REMOTE_ADDR`. Behind `TRUSTED_PROXY_COUNT` reverse proxies, each of which appends the
address it received the request from to `X-Forwarded-For`, it is the entry that count places from the right:
what the outermost proxy saw. Entries further left were written by the client and are never trusted, so a
client cannot pick a fresh address for each attempt.
"""

import ipaddress

from django.conf import settings


def _valid(raw: str | None) -> str | None:
    """The address if it is one (the throttling stores it in an IP column), else None."""
    try:
        return str(ipaddress.ip_address((raw or "").strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    remote = _valid(request.META.get("REMOTE_ADDR"))
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded.strip():
        return remote
    hops = [hop.strip() for hop in forwarded.split(",")]
    # Fewer entries than proxies: the leftmost is the one the first proxy reached by the client wrote.
    return _valid(hops[-min(proxies, len(hops))]) or remote
