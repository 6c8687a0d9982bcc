"""Computed figures are kept in Django's cache until the data they are computed from changes.

Every save or deletion of a model the indicators read bumps a generation number; cache keys carry it, so a
change shows at once. Bulk writes that send no signal (imports call `bump()` themselves, generators may not)
show after REPORTING_CACHE_SECONDS at most. With several processes, configure a shared cache (CACHES) for
the generation to be shared too; with the default per-process cache each process may lag by that delay.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from fabrique.core import generations

GENERATION_KEY = "reporting:generation"


def timeout() -> int:
    return int(getattr(settings, "REPORTING_CACHE_SECONDS", 300))


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, None)
    return value


def bump(*args, **kwargs) -> None:
    """A signal receiver too: any save or deletion of the data behind the figures."""
    generations.bump(GENERATION_KEY)


def cached(parts: tuple, build):
    """`build()` once per generation and `parts` (anything with a stable repr), within the timeout."""
    seconds = timeout()
    if seconds <= 0:
        return build()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"reporting:{generation()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value


def connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from fabrique.method.models import CreativitySession, Need, Outcome, Project, ProjectStageLog
    from fabrique.network.models import Partner, Partnership, Structure
    from fabrique.territories.models import Departement

    for model in (
        CreativitySession,
        Need,
        Outcome,
        Project,
        ProjectStageLog,
        Partner,
        Partnership,
        Structure,
        Departement,
    ):
        post_save.connect(bump, sender=model, dispatch_uid=f"reporting-save-{model.__name__}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"reporting-delete-{model.__name__}")
    for through in (Project.departements.through, Structure.departements.through):
        m2m_changed.connect(bump, sender=through, dispatch_uid=f"reporting-m2m-{through.__name__}")
