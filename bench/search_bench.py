"""Search latency on a large network: 10,000 resources and 100,000 projects in a scratch database.

    .venv/bin/python -m bench.search_bench            # SQLite (a temporary file), and PostgreSQL too when
                                                       # DATABASE_URL points to a server
    .venv/bin/python -m bench.search_bench --no-write  # print only, leave bench/README.md alone

Each database runs in its own process: migrate a scratch database, bulk-create the rows, build the search
index, then time the whole search service (count, page of 20 with snippets, facets) for a set of French queries,
as an anonymous visitor, a member of a structure and the coordinator. Reports the median and the 95th percentile
and writes them into bench/README.md between the search-bench markers. Not a test: figures depend on the machine.
"""

import argparse
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "bench" / "README.md"
START, END = "<!-- search-bench:start -->", "<!-- search-bench:end -->"
RESOURCES, PROJECTS, STRUCTURES = 10_000, 100_000, 30
REPEAT, WARMUP = 10, 1
TARGET_P95_MS = 50.0

NOUNS = (
    "épicerie",
    "garage",
    "conciergerie",
    "recyclerie",
    "tiers-lieu",
    "crèche",
    "cantine",
    "ressourcerie",
    "plateforme de mobilité",
    "maison de santé",
    "café associatif",
    "atelier vélo",
    "jardin partagé",
    "chantier d'insertion",
    "transport à la demande",
    "laverie",
    "boulangerie",
    "librairie",
    "auto-école",
    "halte-garderie",
    "légumerie",
    "conserverie",
    "friperie",
    "bricothèque",
    "fablab",
    "habitat partagé",
    "service d'aide à domicile",
    "cuisine centrale",
    "marché de producteurs",
    "point numérique",
)
QUALIFIERS = (
    "solidaire",
    "itinérante",
    "coopérative",
    "associative",
    "rurale",
    "de quartier",
    "partagée",
    "intergénérationnelle",
    "inclusive",
    "mobile",
    "participative",
    "éphémère",
    "de proximité",
    "durable",
)
PLACES = (
    "Morlaix",
    "Quimper",
    "Brest",
    "Lons-le-Saunier",
    "Dijon",
    "Auxerre",
    "Nevers",
    "Mâcon",
    "Besançon",
    "Vesoul",
    "Belfort",
    "Strasbourg",
    "Limoges",
    "Guéret",
    "Tulle",
    "Saint-Brieuc",
    "Lannion",
    "Dinan",
    "Autun",
    "Sens",
)
# Words of summaries and bodies, most frequent first; drawn with Zipf-like weights, as in real text.
WORDS = tuple(
    """
    territoire habitants projet besoin partenaires commune association activité emploi service étude élus
    village quartier public financement modèle économique bénévoles salariés familles jeunes aînés accompagnement
    insertion collectif mobilité alimentation santé culture numérique réemploi circuit court local solidarité
    coopération tiers-lieu logement énergie transition agriculture producteurs commerce artisan atelier formation
    diagnostic séance créativité opportunité faisabilité porteur comité pilotage subvention mécénat prêt emprunt
    chiffre affaires clientèle tarif adhésion cotisation convention collectivité département région intercommunalité
    bailleur entreprise réseau fédération coopérative société statut gouvernance sociétaire bénévolat volontariat
    garde enfance handicap isolement vieillissement autonomie domicile aidants transport covoiturage autopartage
    vélo réparation recyclage déchets compost jardin cuisine cantine restauration épicerie marché vente livraison
    conciergerie laverie repassage couture bricolage informatique médiation inclusion accès droits démarches
    permanence accueil écoute orientation animation événement fête rencontre échange savoir patrimoine tourisme
    """.split()
)
QUERIES = (
    ("épiceries solidaires", {}),
    ("mobilite", {}),
    ("garage solidaire", {}),
    ("conciergerie quartier", {}),
    ("concier", {}),
    ("tiers-lieu numérique", {}),
    ("recyclerie", {"types": ["resource"]}),
    ("maison de santé rurale", {}),
    ("cantine", {"theme": "food"}),
    ("transport à la demande", {"region": "53"}),
    ("insertion emploi", {}),
    ("solidaire", {}),
    ("", {"types": ["resource"], "theme": "mobility"}),
)


WEIGHTS = tuple(1 / (rank + 1) for rank in range(len(WORDS)))


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS, WEIGHTS, k=words)).capitalize() + "."


def _title(rng: random.Random) -> str:
    return f"{rng.choice(NOUNS).capitalize()} {rng.choice(QUALIFIERS)} à {rng.choice(PLACES)}"


def generate(rng: random.Random) -> dict:
    """Structures, users, resources and projects, written with bulk_create; then the search index."""
    from django.contrib.auth import get_user_model

    from fabrique.core.vocabulary import Theme
    from fabrique.library.enums import ResourceKind
    from fabrique.library.models import Resource
    from fabrique.method.enums import Stage
    from fabrique.method.models import Project
    from fabrique.network.models import Membership, Structure
    from fabrique.search.indexing import rebuild
    from fabrique.territories.models import Departement

    departements = list(Departement.objects.values_list("code", flat=True))
    structures = Structure.objects.bulk_create(
        Structure(name=f"Structure {n} (banc d'essai)", slug=f"banc-{n}", status="labelled") for n in range(STRUCTURES)
    )
    through = Structure.departements.through
    through.objects.bulk_create(through(structure_id=s.pk, departement_id=rng.choice(departements)) for s in structures)
    User = get_user_model()
    member = User.objects.create_user("membre@banc.example.org", "banc-d-essai-42")
    Membership.objects.create(user=member, structure=structures[0], role="admin")
    coordinator = User.objects.create_user("coordination@banc.example.org", "banc-d-essai-42", is_coordinator=True)

    started = time.perf_counter()
    kinds, themes = ResourceKind.values, Theme.values
    Resource.objects.bulk_create(
        (
            Resource(
                title=_title(rng),
                slug=f"ressource-{n}",
                kind=rng.choice(kinds),
                summary=_text(rng, 18),
                body=_text(rng, 80),
                themes=rng.sample(themes, 2),
                author_structure=rng.choice(structures),
                visibility=rng.choice(("public", "network", "network", "structure")),
            )
            for n in range(RESOURCES)
        ),
        batch_size=2000,
    )
    stages = Stage.values
    day = date(2024, 1, 1)
    Project.objects.bulk_create(
        (
            Project(
                structure=rng.choice(structures),
                title=_title(rng),
                slug=f"projet-{n}",
                summary=_text(rng, 25),
                theme=rng.choice(themes),
                stage=(stage := rng.choice(stages)),
                is_public=stage == Stage.CREATED and rng.random() < 0.6,
                detected_on=day - timedelta(days=rng.randrange(3000)),
            )
            for n in range(PROJECTS)
        ),
        batch_size=5000,
    )
    through = Project.departements.through
    through.objects.bulk_create(
        (
            through(project_id=pk, departement_id=rng.choice(departements))
            for pk in Project.objects.values_list("pk", flat=True)
        ),
        batch_size=10000,
    )
    rows = time.perf_counter() - started
    started = time.perf_counter()
    counts = rebuild()
    return {
        "users": {"anonyme": None, "membre": member, "coordination": coordinator},
        "rows_seconds": rows,
        "index_seconds": time.perf_counter() - started,
        "indexed": counts,
    }


def time_queries(users: dict) -> dict:
    from fabrique.network.roles import roles_of
    from fabrique.search.query import SearchRequest, search

    timings, per_query = [], []
    for user in users.values():
        roles_of(user)  # memberships are read once per request, as in a view
    # as fabrique.wsgi does in each server process: what is loaded is kept out of the garbage collector's walks
    # (here also the 110,000 objects just created), or a full collection lands inside a timed search
    gc.collect()
    gc.freeze()
    for text, filters in QUERIES:
        mine, counts = [], {}
        for name, user in users.items():
            request = SearchRequest(text=text, **filters)
            for attempt in range(WARMUP + REPEAT):
                started = time.perf_counter()
                found = search(user, request, page=1, page_size=20)
                elapsed = (time.perf_counter() - started) * 1000
                if attempt >= WARMUP:
                    mine.append(elapsed)
            counts[name] = found.count if found.exact else f"> {found.count}"
        timings += mine
        shown = {k: ",".join(v) if isinstance(v, list) else v for k, v in filters.items()}
        label = " ".join([text, *(f"{k}={v}" for k, v in shown.items())]).strip()
        per_query.append({"query": label, "counts": counts, **_figures(mine)})
    return {**_figures(timings), "samples": len(timings), "queries": per_query}


def _figures(timings: list[float]) -> dict:
    timings = sorted(timings)
    return {
        "min_ms": timings[0],
        "median_ms": statistics.median(timings),
        "p95_ms": timings[int(0.95 * (len(timings) - 1))],
        "max_ms": timings[-1],
    }


def _database_label(connection) -> str:
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    version = connection.pg_version
    return f"PostgreSQL {version // 10000}.{version % 10000}"


def run_one(database_url: str) -> dict:
    """In a child process: point Django at the scratch database, fill it, time it."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fabrique.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    generated = generate(random.Random(20240601))
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk load: statistics and the visibility map.
        connection.ensure_connection()
        connection.connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    figures = time_queries(generated["users"])
    return {
        "measured_on": date.today().isoformat(),
        "load_average": round(os.getloadavg()[1], 1),
        "database": _database_label(connection),
        "rows_seconds": round(generated["rows_seconds"], 1),
        "index_seconds": round(generated["index_seconds"], 1),
        "indexed": generated["indexed"],
        **figures,
    }


def _postgres_scratch(base_url: str) -> tuple[str, str]:
    parts = urlsplit(base_url)
    name = f"fabrique_bench_{os.getpid()}"
    return urlunsplit(parts._replace(path=f"/{name}")), name


def _psql(base_url: str, sql: str) -> None:
    import psycopg

    parts = urlsplit(base_url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(sql)


def _child(database_url: str) -> dict:
    env = dict(os.environ, DATABASE_URL=database_url)
    with tempfile.TemporaryDirectory() as data_dir:
        env["FABRIQUE_DATA_DIR"] = data_dir
        out = subprocess.run(
            [sys.executable, "-m", "bench.search_bench", "--child", database_url],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if out.returncode != 0:
        raise SystemExit(f"Le banc d'essai a échoué sur {database_url.split('@')[-1]} :\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_all(only: str | None = None) -> list[dict]:
    results = []
    if only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            results.append(_child(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"))
    base = os.environ.get("DATABASE_URL", "")
    if only in (None, "postgresql") and base.startswith(("postgres://", "postgresql://")):
        url, name = _postgres_scratch(base)
        _psql(base, f'CREATE DATABASE "{name}"')
        try:
            results.append(_child(url))
        finally:
            _psql(base, f'DROP DATABASE IF EXISTS "{name}"')
    return results


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def report(results: list[dict]) -> str:
    lines = [
        START,
        "## Recherche (`bench/search_bench.py`)",
        "",
        f"{_thousands(RESOURCES)} ressources et {_thousands(PROJECTS)} projets (plus {STRUCTURES} structures) créés "
        "en masse dans une "
        "base jetable, index construit, puis le service de recherche complet (comptage, page de 20 résultats "
        f"avec extraits, facettes) chronométré : {len(QUERIES)} requêtes × 3 lecteurs (anonyme, membre, "
        f"coordination) × {REPEAT} répétitions après {WARMUP} d'échauffement. Objectif : p95 < {TARGET_P95_MS:.0f} ms.",
        "",
        "| base | médiane | p95 | max | mesures | création des lignes | index |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['database']} | {r['median_ms']:.1f} ms | {r['p95_ms']:.1f} ms | {r['max_ms']:.1f} ms | "
            f"{r['samples']} | {r['rows_seconds']} s | {r['index_seconds']} s |"
        )
    for r in results:
        fast = [q for q in r["queries"] if q["p95_ms"] < TARGET_P95_MS]
        broad = [q for q in r["queries"] if q["p95_ms"] >= TARGET_P95_MS]
        lines += ["", f"{r['database']} : {len(fast)} requêtes sur {len(r['queries'])} ont leur p95 sous l'objectif."]
        if broad:
            many = sum(any(str(c).startswith(">") for c in q["counts"].values()) for q in broad)
            lines.append(
                f"Les {len(broad)} autres sont des requêtes larges ({many} d'entre elles trouvent plus de 1 000 "
                "documents pour au moins un lecteur) : le classement par pertinence lit chaque document trouvé, le "
                "comptage et les facettes s'arrêtent à 1 001."
            )
    for r in results:
        lines += [
            "",
            f"Par requête, {r['database']} (résultats vus par l'anonyme / le membre / la coordination) :",
            "",
            "| requête | résultats | meilleur | médiane | p95 |",
            "|---|---|---|---|---|",
        ]
        for q in r["queries"]:
            counts = " / ".join(str(c) for c in q["counts"].values())
            lines.append(
                f"| {q['query'] or '(filtres seuls)'} | {counts} | {q['min_ms']:.1f} ms | {q['median_ms']:.1f} ms "
                f"| {q['p95_ms']:.1f} ms |"
            )
    lines += [
        "",
        f"Mesuré le {date.fromisoformat(results[0]['measured_on']):%d/%m/%Y} sur {platform.machine()}, "
        f"{os.cpu_count()} processeurs partagés avec d'autres travaux (charge moyenne sur 5 minutes à la fin des "
        f"mesures : {' puis '.join(str(r['load_average']) for r in results)}), Python {platform.python_version()}.",
        "Relancer : `.venv/bin/python -m bench.search_bench` (avec `DATABASE_URL` pour PostgreSQL).",
        END,
    ]
    return "\n".join(lines) + "\n"


def write_readme(section: str) -> None:
    text = README.read_text() if README.exists() else "# Bancs d'essai\n\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        text = before + section + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    README.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help="Afficher sans écrire bench/README.md.")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="Une seule des deux bases.")
    parser.add_argument(
        "--report-only", action="store_true", help="Réécrire la section de bench/README.md depuis la dernière mesure."
    )
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child)))
        return
    saved = ROOT / "var" / "search_bench.json"
    if args.report_only:
        results = json.loads(saved.read_text())
    else:
        results = run_all(args.only)
        saved.parent.mkdir(exist_ok=True)
        saved.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    for r in results:
        print(f"{r['database']}: médiane {r['median_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, max {r['max_ms']:.1f} ms")
    section = report(results)
    if not args.no_write:
        write_readme(section)
        print(f"Écrit dans {README.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
