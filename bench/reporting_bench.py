"""Reporting benchmark: the network dashboard at 100,000 projects, and the import of 10,000 rows.

Runs in a scratch database (a new SQLite file in a temporary directory, or `--database-url` for an empty
PostgreSQL database), bulk-filled with an invented network: 30 structures, 100,000 projects over ten years
with their stage logs and outcomes, as many needs, creativity sessions and 4,300 partners.

    .venv/bin/python bench/reporting_bench.py                 # 100,000 projects, 10,000 import rows
    .venv/bin/python bench/reporting_bench.py --projects 5000 --rows 1000 --runs 10
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup(database_url: str | None) -> Path:
    scratch = Path(tempfile.mkdtemp(prefix="fabrique-bench-"))
    os.environ["FABRIQUE_DATA_DIR"] = str(scratch)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fabrique.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    settings.DEBUG = False  # no query log in the measured requests
    return scratch


def fill(projects: int, seed: int = 7) -> dict:
    """Bulk-create the invented network; returns counts."""
    from django.db import transaction

    from fabrique.accounts.models import User
    from fabrique.core.vocabulary import Theme
    from fabrique.method import services
    from fabrique.method.enums import STAGE_ORDER, LegalForm, NeedSource, Stage
    from fabrique.method.models import CreativitySession, Need, Outcome, Project, ProjectStageLog
    from fabrique.network.enums import PartnerKind, StructureStatus
    from fabrique.network.models import Partner, Partnership, Structure
    from fabrique.territories.models import Departement

    rng = random.Random(seed)
    codes = list(Departement.objects.values_list("code", flat=True))
    first = date(2016, 1, 1)
    span = (date(2025, 12, 31) - first).days

    def day() -> date:
        return first + timedelta(days=rng.randrange(span))

    def noon(d: date) -> datetime:
        return datetime(d.year, d.month, d.day, 11, tzinfo=UTC)

    with transaction.atomic():
        User.objects.create_user("coordination@bench.example", "bench-password-1234", is_coordinator=True)
        structures = Structure.objects.bulk_create(
            Structure(name=f"Fabrique {i} (fictif)", slug=f"fabrique-{i}", status=StructureStatus.LABELLED)
            for i in range(30)
        )
        homes = {s.pk: rng.sample(codes, 3) for s in structures}
        Structure.departements.through.objects.bulk_create(
            Structure.departements.through(structure_id=s.pk, departement_id=c) for s in structures for c in homes[s.pk]
        )
        partners = Partner.objects.bulk_create(
            Partner(name=f"Partenaire {i} (fictif)", kind=rng.choice(PartnerKind.values)) for i in range(4300)
        )
        Partnership.objects.bulk_create(
            Partnership(structure=rng.choice(structures), partner=p, since=day()) for p in partners
        )
        CreativitySession.objects.bulk_create(
            (
                CreativitySession(
                    structure=(s := rng.choice(structures)),
                    title=f"Séance {i}",
                    held_on=day(),
                    place="Salle des fêtes",
                    departement_id=rng.choice(homes[s.pk]),
                    participants_count=rng.randint(8, 60),
                )
                for i in range(3000)
            ),
            batch_size=2000,
        )
        Need.objects.bulk_create(
            (
                Need(
                    structure=(s := rng.choice(structures)),
                    title=f"Besoin {i}",
                    theme=rng.choice(Theme.values),
                    departement_id=rng.choice(homes[s.pk]),
                    source=rng.choice(NeedSource.values),
                    detected_on=day(),
                )
                for i in range(projects)
            ),
            batch_size=2000,
        )
        batch, logs, links, outcomes = [], [], [], []
        for i in range(projects):
            structure = rng.choice(structures)
            detected = day()
            depth = rng.choices(range(1, 7), weights=[30, 30, 15, 10, 7, 8])[0]
            path = list(STAGE_ORDER[:depth])
            stopped = depth < 6 and rng.random() < 0.25
            dates, current = [], detected
            for _stage in path:
                dates.append(current)
                current = current + timedelta(days=rng.randint(20, 200))
            stage = Stage.ABANDONED if stopped else path[-1]
            batch.append(
                Project(
                    structure=structure,
                    title=f"Projet {i} (fictif)",
                    slug=f"projet-{i}",
                    theme=rng.choice(Theme.values),
                    detected_on=detected,
                    stage=stage,
                    stopped_at=path[-1] if stopped else "",
                    stage_changed_at=noon(current if stopped else dates[-1]),
                    is_public=rng.random() < 0.5,
                )
            )
            entries = [("", path[0], dates[0])] + [
                (a, b, d) for a, b, d in zip(path, path[1:], dates[1:], strict=False)
            ]
            if stopped:
                entries.append((path[-1], Stage.ABANDONED, current))
            logs.append(entries)
            links.append(rng.choice(homes[structure.pk]))
            outcomes.append(dates[-1] if path[-1] == Stage.CREATED else None)
        created = Project.objects.bulk_create(batch, batch_size=2000)
        Project.departements.through.objects.bulk_create(
            (
                Project.departements.through(project_id=p.pk, departement_id=c)
                for p, c in zip(created, links, strict=True)
            ),
            batch_size=5000,
        )
        # through the method's bulk path: each chain checked against the stage table, each row named
        services.write_stage_history(
            [
                row
                for p, entries in zip(created, logs, strict=True)
                for row in services.stage_history(
                    p.pk,
                    [
                        {"from_status": a, "to_status": b, "changed_at": noon(d), "via": "generator"}
                        for a, b, d in entries
                    ],
                    start="",
                )
            ],
            batch_size=5000,
        )
        Outcome.objects.bulk_create(
            (
                Outcome(
                    project_id=p.pk,
                    created_on=d,
                    legal_form=rng.choice(LegalForm.values),
                    jobs_fte=Decimal(rng.randint(1, 12)) / 2,
                )
                for p, d in zip(created, outcomes, strict=True)
                if d is not None
            ),
            batch_size=5000,
        )
    return {
        "projects": Project.objects.count(),
        "stage_log": ProjectStageLog.objects.count(),
        "needs": Need.objects.count(),
        "created": Outcome.objects.count(),
    }


def timed(fn, runs: int, before=None) -> list[float]:
    durations = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        fn()
        durations.append((time.perf_counter() - start) * 1000)
    return durations


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def measure_pages(runs: int) -> list[tuple[str, float, float, float, float]]:
    """(page, cold median, cold p95, warm median, warm p95): cold = computed (cache emptied before each
    request), warm = served from the cache of computed figures."""
    from django.core.cache import cache
    from django.test import Client

    from fabrique.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email="coordination@bench.example"))
    results = []
    for label, url in (
        ("network dashboard, 2025", "/indicateurs/reseau/?annee=2025"),
        ("network dashboard, 2025, one région", "/indicateurs/reseau/?annee=2025&region=84"),
        ("structure dashboard, 2025", "/indicateurs/structures/fabrique-1/?annee=2025"),
        ("public dashboard, 2025", "/indicateurs/?annee=2025"),
        ("GET /api/v1/indicators?year=2025", "/api/v1/indicators?year=2025"),
    ):

        def get(url=url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        get()  # warm-up: template loading, the map's shapes
        cold = timed(get, runs, before=cache.clear)
        warm = timed(get, runs)
        results.append(
            (label, statistics.median(cold), percentile(cold, 95), statistics.median(warm), percentile(warm, 95))
        )
    return results


def measure_import(rows: int) -> list[tuple[str, float]]:
    from fabrique.core.vocabulary import Theme
    from fabrique.method.enums import NeedSource
    from fabrique.reporting.imports import run_import

    lines = ["Structure;Intitulé;Thème;Département;Origine;Détecté le;Commune"]
    rng = random.Random(3)
    structure = "fabrique-2"
    from fabrique.network.models import Structure

    codes = list(Structure.objects.get(slug=structure).departements.values_list("code", flat=True))
    for i in range(rows):
        lines.append(
            f"{structure};Besoin importé {i};{rng.choice(Theme.labels)};{rng.choice(codes)};"
            f"{rng.choice(NeedSource.labels)};{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024;Commune {i % 97}"
        )
    content = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    results = []
    for label, dry_run in (("dry run", True), ("import", False), ("same file again (no change)", False)):
        start = time.perf_counter()
        report = run_import("needs", content, "besoins.csv", dry_run=dry_run)
        elapsed = time.perf_counter() - start
        assert report.ok, report.problems[:5]
        results.append((f"{rows:,} needs (CSV), {label}".replace(",", " "), elapsed))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--database-url", help="An EMPTY scratch database (default: a temporary SQLite file).")
    args = parser.parse_args()
    setup(args.database_url)
    from django.db import connection

    start = time.perf_counter()
    counts = fill(args.projects)
    print(f"Database: {connection.vendor}; filled in {time.perf_counter() - start:.1f} s: {counts}")
    print()
    print(f"| page ({args.runs} runs each) | computed: median (ms) | computed: p95 | cached: median | cached: p95 |")
    print("|---|---|---|---|---|")
    for label, cold_median, cold_p95, warm_median, warm_p95 in measure_pages(args.runs):
        print(f"| {label} | {cold_median:.0f} | {cold_p95:.0f} | {warm_median:.0f} | {warm_p95:.0f} |")
    print()
    print("| import | seconds |")
    print("|---|---|")
    for label, seconds in measure_import(args.rows):
        print(f"| {label} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
