"""`reverse()` for addresses asked for once per row of a long page (a board, the map, an API list).

Django's `reverse` resolves the pattern at each call, a few dozen microseconds: a page of a thousand links spent
a third of its time there. `reverse_one(name, value)` reverses the address once for a placeholder, per URLconf and
script prefix, and puts each value in its place.
"""

import re
from functools import lru_cache

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = "987654321"  # accepted by the int, slug and str converters
_SAFE = re.compile(r"[-a-zA-Z0-9_]+")  # what needs no quoting in a path


@lru_cache(maxsize=256)
def _pattern(name: str, prefix: str, urlconf: str | None) -> str:
    address = reverse(name, args=[_PLACEHOLDER], urlconf=urlconf)
    if address.count(_PLACEHOLDER) != 1:
        raise ValueError(f"{name} : l'adresse doit prendre un seul argument.")
    return address


def reverse_one(name: str, value) -> str:
    """`reverse(name, args=[value])`, for a view taking one argument (an id or a slug)."""
    text = str(value)
    if not _SAFE.fullmatch(text):
        return reverse(name, args=[value])
    return _pattern(name, get_script_prefix(), get_urlconf()).replace(_PLACEHOLDER, text)


def _forget_patterns(setting, **kwargs) -> None:
    if setting == "ROOT_URLCONF":  # override_settings(ROOT_URLCONF=…) leaves get_urlconf() at None
        _pattern.cache_clear()


setting_changed.connect(_forget_patterns, dispatch_uid="fabrique-reverse-one")
