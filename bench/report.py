"""The targets of the benchmark, checked against bench/results.json, and the tables written into
bench/README.md between its markers (the rest of the README is left as it is)."""

from .common import BENCH_DIR

BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"
PAGE_P95_MS, DASHBOARD_P95_MS, MAX_QUERIES = 50, 150, 12
RATIO_BARE, RATIO_DATASETTE, RSS_MB = 0.5, 1.0, 150
LOAD_P95_MS = 250


def _mark(met: bool | None) -> str:
    return "—" if met is None else ("atteint" if met else "**non atteint**")


def evaluate(results: dict) -> list[dict]:
    """One row per target and database: what was measured, and whether the target is met."""
    rows = []
    for vendor, db in results["databases"].items():
        for name, page in db["pages"].items():
            limit = DASHBOARD_P95_MS if name == "dashboard" else PAGE_P95_MS
            rows.append(
                {
                    "target": f"{page['label']} : p95 < {limit} ms",
                    "db": vendor,
                    "measured": f"{page['p95_ms']} ms",
                    "met": page["p95_ms"] < limit and page["errors"] == 0,
                }
            )
        counts = {name: (page["queries"], page["queries_small"]) for name, page in db["pages"].items()}
        worst = max(count for count, _small in counts.values())
        varying = [name for name, (count, small) in counts.items() if small is not None and small != count]
        rows.append(
            {
                "target": f"requêtes SQL par page ≤ {MAX_QUERIES}, indépendantes de la taille des données",
                "db": vendor,
                "measured": f"au plus {worst}" + (f" ; varient : {', '.join(varying)}" if varying else " ; constantes"),
                "met": worst <= MAX_QUERIES and not varying,
            }
        )
        for name, minimum in (("bare", RATIO_BARE), ("datasette", RATIO_DATASETTE)):
            if name in db["ratios"]:
                rows.append(
                    {
                        "target": f"débit de l'API projets ≥ {minimum} × {name}",
                        "db": vendor,
                        "measured": f"{db['ratios'][name]} ×",
                        "met": db["ratios"][name] >= minimum,
                    }
                )
        rows.append(
            {
                "target": f"mémoire du processus après la mesure < {RSS_MB} Mo",
                "db": vendor,
                "measured": f"{db['worker_rss_mb']} Mo",
                "met": db["worker_rss_mb"] is not None and db["worker_rss_mb"] < RSS_MB,
            }
        )
    load = results.get("loadtest")
    if load:
        rows.append(
            {
                "target": f"test de charge : 0 erreur, p95 < {LOAD_P95_MS} ms",
                "db": "postgresql",
                "measured": f"{load['errors']} erreur(s), p95 {load['p95_ms']} ms, {load['rps']} req/s",
                "met": load["errors"] == 0 and load["p95_ms"] < LOAD_P95_MS,
            }
        )
    return rows


def _machine(results: dict) -> list[str]:
    m = results["machine"]
    lines = [
        f"Mesuré le {results['generated_at']} (UTC), échelle **{results['scale']}** (graine {results['seed']}), "
        f"{results['rounds']} requêtes par adresse, en {results['seconds']} s.",
        "",
        f"Machine : {m['nproc']} cœurs ({m['cpu']}), {m['ram_gb']} Go de mémoire, {m['os']} ; Python {m['python']}, "
        f"SQLite {m['sqlite']}, PostgreSQL {m['postgresql'] or 'non mesuré'} ; Django {m.get('django')}, "
        f"gunicorn {m.get('gunicorn')}, Datasette {m.get('datasette')}.",
        f"Charge de la machine (load average 1/5/15 min) : {' / '.join(map(str, results['loadavg_start']))} au début, "
        f"{' / '.join(map(str, results['loadavg_end']))} à la fin.",
    ]
    return lines


def _pages(vendor: str, db: dict) -> list[str]:
    generation = db["generation"]
    lines = [
        "",
        f"### {vendor}",
        "",
        f"Réseau généré en {generation.get('seconds')} s (migrations : {generation.get('migrate_seconds')} s"
        + (f", base de {generation['database_bytes'] / 2**20:.0f} Mo" if generation.get("database_bytes") else "")
        + f"). Mémoire du processus gunicorn après la mesure : {db['worker_rss_mb']} Mo.",
        "",
        "| page ou liste | qui | médiane (ms) | p95 (ms) | CPU du serveur, médiane (ms) | requêtes SQL "
        "(large / small) | erreurs |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for page in db["pages"].values():
        small = page["queries_small"] if page["queries_small"] is not None else "—"
        timing = f"{page['median_ms']} | {page['p95_ms']} | {page.get('cpu_median_ms', '—')}"
        lines.append(
            f"| {page['label']} (`{page['path']}`) | {page['persona']} | {timing} | {page['queries']} / {small} | "
            f"{page['errors']} |"
        )
    for name, baseline in db["baselines"].items():
        timing = f"{baseline['median_ms']} | {baseline['p95_ms']} | {baseline.get('cpu_median_ms', '—')}"
        lines.append(f"| témoin {name} (`{baseline['path']}`) | — | {timing} | — | {baseline['errors']} |")
    rates = db["throughput_rps"]
    lines += [
        "",
        "Débit de `GET /api/v1/projects?page_size=50` (requêtes par seconde, 2 clients, médiane de 4 tranches de "
        "3 s alternées) : "
        + ", ".join(f"{name} {rate}" for name, rate in rates.items())
        + " ; rapports : "
        + ", ".join(f"{ratio} × {name}" for name, ratio in db["ratios"].items())
        + ". Même JSON que le témoin nu : "
        + ("oui" if db["same_json_as_bare"] else "**non**")
        + ".",
    ]
    return lines


def _loadtest(load: dict) -> list[str]:
    lines = [
        "",
        "### Test de charge (`make loadtest`)",
        "",
        f"{load['users']} utilisateurs simulés pendant {load['seconds']} s, gunicorn {load['workers']} processus sur "
        f"PostgreSQL, échelle {load['scale']}, mesuré le {load['generated_at']} (load average au début "
        f"{load['loadavg_start'][0]}) : **{load['rps']} requêtes/s**, {load['requests']} requêtes, "
        f"**{load['errors']} erreur(s)**, médiane {load['median_ms']} ms, **p95 {load['p95_ms']} ms**, "
        f"p99 {load['p99_ms']} ms.",
        "",
        "| action | requêtes | erreurs | médiane (ms) | p95 (ms) |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, stats in load["kinds"].items():
        lines.append(f"| {kind} | {stats['n']} | {stats['errors']} | {stats['median_ms']} | {stats['p95_ms']} |")
    return lines


def block(results: dict) -> str:
    lines = ["## Résultats", "", *_machine(results)]
    for vendor, db in results["databases"].items():
        lines += _pages(vendor, db)
    if results.get("loadtest"):
        lines += _loadtest(results["loadtest"])
    lines += ["", "### Objectifs", "", "| objectif | base | mesuré | |", "|---|---|---|---|"]
    for row in evaluate(results):
        lines.append(f"| {row['target']} | {row['db']} | {row['measured']} | {_mark(row['met'])} |")
    return "\n".join(lines)


def write_readme(results: dict) -> None:
    path = BENCH_DIR / "README.md"
    text = path.read_text() if path.exists() else f"# Banc d'essai\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text = text.rstrip() + f"\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{block(results)}\n{END}{tail}")


def console(results: dict) -> str:
    rows = evaluate(results)
    return "\n".join(f"{_mark(row['met']):>16}  [{row['db']}] {row['target']} — {row['measured']}" for row in rows)
