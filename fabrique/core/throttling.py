"""Rate limits of the API: django-ninja's throttles, counted per client address (core.client_ip).

ninja keeps, in Django's default cache, the times of the recent requests of each address and answers 429 with
`Retry-After` past the rate. The rates are settings written as ninja writes them (`30/h`, `20/10m`), read at
each request. The counters are shared by all the processes only when the default cache is (CACHE_URL, see
docs/operations.md); in each process's memory otherwise.
"""

import math

from django.conf import settings
from django.core.checks import Tags, register
from django.core.checks import Warning as CheckWarning
from django.utils.translation import ngettext
from ninja.errors import Throttled
from ninja.throttling import SimpleRateThrottle

from .client_ip import client_ip

# Caches whose counters each process keeps for itself: N processes would allow N times each rate.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
TOO_MANY = {
    429: {"description": "Trop de requêtes depuis cette adresse\u00a0: l'en-tête `Retry-After` dit quand réessayer."}
}


class ClientRateThrottle(SimpleRateThrottle):
    """At most the rate named by the setting `rate_setting`, per client address."""

    def __init__(self, rate_setting: str):
        self.rate_setting = rate_setting
        self.scope = rate_setting.lower()
        super().__init__(rate=getattr(settings, rate_setting))

    def allow_request(self, request) -> bool:
        self._read_rate()
        return super().allow_request(request)

    def get_ident(self, request) -> str:
        return client_ip(request) or "inconnue"

    def get_cache_key(self, request) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def _read_rate(self) -> None:
        self.rate = getattr(settings, self.rate_setting)
        self.num_requests, self.duration = self.parse_rate(self.rate)


class FailureThrottle(ClientRateThrottle):
    """Counts failures only (a wrong token): `refuse_if_over()` before an attempt, `failed()` after a failure."""

    def refuse_if_over(self, request) -> None:
        """Raises Throttled when this address already failed `rate` times: it is refused before any lookup."""
        self._read_rate()
        now = self.timer()
        recent = [t for t in self.cache.get(self.get_cache_key(request), []) if t > now - self.duration]
        if len(recent) >= self.num_requests:
            # newest first: the refusal ends when the oldest failure that counts leaves the window
            raise Throttled(wait=recent[self.num_requests - 1] + self.duration - now)

    def failed(self, request) -> None:
        self.allow_request(request)  # ninja records the attempt in its history


def retry_after(exc: Throttled) -> int:
    return max(1, math.ceil(exc.wait)) if exc.wait is not None else 60


def throttled_detail(seconds: int) -> str:
    return ngettext(
        "Trop de requêtes depuis votre adresse\u00a0: réessayez dans %(seconds)d seconde.",
        "Trop de requêtes depuis votre adresse\u00a0: réessayez dans %(seconds)d secondes.",
        seconds,
    ) % {"seconds": seconds}


@register(Tags.security, Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    """`check --deploy`: the rate limits need a cache shared by the processes (CACHE_URL)."""
    if settings.CACHES["default"]["BACKEND"] not in PER_PROCESS_CACHES:
        return []
    return [
        CheckWarning(
            "Le cache par défaut est propre à chaque processus : chacun compterait ses propres limites de débit "
            "de l'API.",
            hint="Réglez CACHE_URL (db:// ou redis://…), voir docs/operations.md.",
            id="fabrique.W001",
        )
    ]
