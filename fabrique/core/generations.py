"""Generation numbers that invalidate a cache: keys carry the generation, a change of the data bumps it.

A change is bumped twice: at once, and again after its transaction commits. In between, another request may
rebuild the value from the data as it was before the commit and store it under the new generation; the second
bump leaves that stale value behind.
"""

from django.core.cache import cache
from django.db import transaction


def _incr(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, None)


def bump(key: str) -> None:
    _incr(key)
    transaction.on_commit(lambda: _incr(key))
