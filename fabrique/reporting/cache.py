"""Computed figures are kept in Django's cache until the data they are computed from changes.

Any write to a table the indicators read bumps a generation number (core/generations.py: saves, deletions,
bulk inserts and updates, imports and the generator alike); cache keys carry it, so a change shows at once.
With several processes, configure a shared cache (CACHES) for the generation to be shared too; with the default
per-process cache each process may lag by REPORTING_CACHE_SECONDS at most.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from fabrique.core import generations
from fabrique.method.models import CreativitySession, Need, Outcome, Project, ProjectStageLog
from fabrique.network.models import Partner, Partnership, Structure
from fabrique.territories.models import Departement

GENERATION_KEY = "reporting:generation"
GENERATION = generations.Generation(GENERATION_KEY)


def timeout() -> int:
    return int(getattr(settings, "REPORTING_CACHE_SECONDS", 300))


def cached(parts: tuple, build):
    """`build()` once per generation and `parts` (anything with a stable repr), within the timeout."""
    seconds = timeout()
    if seconds <= 0:
        return build()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"reporting:{GENERATION.current()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value


def watch_tables() -> None:
    """The tables the indicators read: a write to any of them bumps the generation."""
    generations.watch(
        GENERATION_KEY,
        CreativitySession,
        Need,
        Outcome,
        Project,
        ProjectStageLog,
        Partner,
        Partnership,
        Structure,
        Departement,
        Project.departements.through,
        Structure.departements.through,
    )
