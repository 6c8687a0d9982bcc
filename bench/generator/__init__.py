"""A generated network at the scale of a whole country, for benchmarks and load tests (bench side: not part of
the installed `fabrique` package).

`python -m bench.generate --scale large [--seed N]` fills an empty database with 1,000 structures and all that
goes with them (see SCALES), written with bulk inserts. The same seed gives the same data, whatever the day of
the run. Apps that are not installed are skipped. Everything written is invented and marked "(fictif)"; the
accounts use the demo password, so this runs only where `fabrique demo` does.

Generated rows have no history rows (simple_history writes them on `save()`, not on bulk inserts); the status
and stage logs are complete.
"""

from collections.abc import Callable

from django.db import connection, transaction

from fabrique.network.models import Structure

from . import life, method
from .network import (
    SCALES,
    GenerationReport,
    Plan,
    Scale,
    explicit_timestamps,
    generate_accounts,
    generate_collectives,
    generate_coordinator,
    generate_partners,
    generate_partnerships,
    generate_structures,
    load_geography,
    timed,
    timestamped_models,
)

__all__ = ["SCALES", "generate"]


def generate(scale: Scale | str, seed: int = 1, *, progress: Callable[[str], None] | None = None) -> GenerationReport:
    """Fill an empty database with a generated network of the given scale; all or nothing."""
    scale = SCALES[scale] if isinstance(scale, str) else scale
    if Structure.objects.exists():
        raise RuntimeError(
            "La base contient déjà des structures : le réseau généré s'écrit dans une base vide "
            "(par exemple FABRIQUE_DATA_DIR=var/bench)."
        )
    plan = Plan(scale=scale, seed=seed)
    steps: list[tuple[str, Callable[[Plan], None]]] = [
        ("référentiel", load_geography),
        ("coordination", lambda p: generate_coordinator(p, "!")),
        ("structures", generate_structures),
        ("collectifs", generate_collectives),
        ("partenaires", generate_partners),
        ("partenariats", generate_partnerships),
        ("comptes", generate_accounts),
        ("méthode", method.generate_method),
        ("vie du réseau", life.generate_life),
        ("index de recherche", life.rebuild_search_index),
    ]
    with transaction.atomic(), explicit_timestamps(timestamped_models()):
        for step, function in steps:
            if progress:
                progress(step)
            timed(plan, step, function)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's statistics, before the first page is asked for
    return GenerationReport(scale=scale.name, seed=seed, counts=plan.counts, timings=plan.timings)
