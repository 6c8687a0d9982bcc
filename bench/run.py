"""`make bench`: generate the network (BENCH_SCALE, default large), serve it with gunicorn (one worker) over
HTTP on 127.0.0.1, and measure the pages and API lists against two baselines in the same run; write
bench/results.json and the results table of bench/README.md.

Environment: BENCH_SCALE (small, medium, large), BENCH_SEED, BENCH_ROUNDS (requests per URL, default 40),
DATABASE_URL (a PostgreSQL server: the same measures on PostgreSQL too), BENCH_REGENERATE=1 (do not reuse a
generated database).
"""

import json
import os
import random
import statistics
import threading
import time
from datetime import UTC, datetime

from . import report
from .common import (
    BENCH_DIR,
    SEED,
    Database,
    Server,
    datasette,
    django_side,
    gunicorn,
    loadavg,
    log,
    machine,
    percentile,
    prepare,
    request,
)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
SLICES, SLICE_SECONDS, CLIENTS = 4, 3.0, 2
SEARCH = "epicerie solidaire"


def targets(info: dict) -> list[dict]:
    """(name, label, path, persona) of each measured URL; personas: anonymous, member, coordinator, bearer."""
    structure, project = info["structure"], info["project"]
    return [
        {"name": "home", "label": "Accueil", "path": "/", "persona": "anonymous"},
        {"name": "map", "label": "Carte", "path": "/carte/", "persona": "anonymous"},
        {"name": "directory", "label": "Annuaire, page 1", "path": "/structures/", "persona": "anonymous"},
        {
            "name": "directory_40",
            "label": "Annuaire, page 40",
            "path": "/structures/?status=all&page=40",
            "persona": "coordinator",
        },
        {
            "name": "structure",
            "label": "Page d'une structure",
            "path": f"/structures/{structure}/",
            "persona": "anonymous",
        },
        {
            "name": "board",
            "label": "Tableau de la méthode",
            "path": f"/methode/structures/{structure}/tableau/",
            "persona": "member",
        },
        {"name": "project", "label": "Page d'un projet", "path": f"/methode/projets/{project}/", "persona": "member"},
        {
            "name": "search",
            "label": "Recherche",
            "path": "/recherche/?q=" + SEARCH.replace(" ", "+"),
            "persona": "member",
        },
        {
            "name": "dashboard",
            "label": "Tableau de bord du réseau",
            "path": "/indicateurs/reseau/",
            "persona": "coordinator",
        },
        {"name": "api_structures", "label": "API structures", "path": "/api/v1/structures", "persona": "bearer"},
        {
            "name": "api_projects",
            "label": "API projets (50)",
            "path": "/api/v1/projects?page_size=50",
            "persona": "bearer",
        },
        {"name": "api_map", "label": "API carte", "path": "/api/v1/map", "persona": "bearer"},
    ]


def headers_for(persona: str, info: dict) -> dict:
    if persona == "bearer":
        return {"Authorization": f"Bearer {info['coordinator']['token']}"}
    if persona in ("member", "coordinator"):
        return {"Cookie": f"sessionid={info[persona]['session']}"}
    return {}


def count_queries(database: Database, info: dict, pages: list[dict]) -> dict:
    payload = {
        "coordinator_email": "coordination@example.org",
        "member_email": info["member"]["email"],
        "token": info["coordinator"]["token"],
        "targets": pages,
    }
    return django_side(database, "queries", payload)


def _same_json(ours: bytes, bare: bytes, our_port: int, bare_port: int) -> bool:
    return json.loads(ours.decode().replace(f":{our_port}/", ":PORT/")) == json.loads(
        bare.decode().replace(f":{bare_port}/", ":PORT/")
    )


def _latencies(runs: list[dict], rounds: int) -> dict[str, list]:
    """Every URL once per round, in a shuffled order, ours and the baselines interleaved."""
    samples: dict[str, list] = {run["name"]: [] for run in runs}
    shuffler = random.Random(SEED)
    for run in runs:  # warm-up: caches, lazy imports, the first connection; the first answer is kept apart
        run["first_ms"] = round(request(run["port"], run["path"], run["headers"])[2] * 1000, 1)
        for _ in range(2):
            request(run["port"], run["path"], run["headers"])
    for _ in range(rounds):
        order = list(runs)
        shuffler.shuffle(order)
        for run in order:
            before = run["server"].cpu_seconds()
            status, _body, seconds = request(run["port"], run["path"], run["headers"])
            samples[run["name"]].append((status, seconds, run["server"].cpu_seconds() - before))
    return samples


def _throughput(run: dict, seconds: float) -> float:
    done, stop = [], time.perf_counter() + seconds

    def client():
        while time.perf_counter() < stop:
            status, _body, _seconds = request(run["port"], run["path"], run["headers"])
            done.append(status)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(1 for status in done if status == 200) / (time.perf_counter() - started)


def throughputs(runs: list[dict]) -> dict[str, float]:
    """Requests per second with CLIENTS concurrent clients, in alternating slices; the median slice of each."""
    slices: dict[str, list[float]] = {run["name"]: [] for run in runs}
    for _ in range(SLICES):
        for run in runs:
            slices[run["name"]].append(_throughput(run, SLICE_SECONDS))
    return {name: round(statistics.median(values), 1) for name, values in slices.items()}


def _summary(samples: list) -> dict:
    """Wall-clock latency seen by the client, and CPU time the server spent on each request."""
    latencies = [seconds * 1000 for _status, seconds, _cpu in samples]
    cpu = [used * 1000 for _status, _seconds, used in samples]
    return {
        "n": len(samples),
        "errors": sum(1 for status, _seconds, _cpu in samples if status != 200),
        "median_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "mean_ms": round(statistics.fmean(latencies), 1),
        "cpu_median_ms": round(statistics.median(cpu), 1),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
    }


def measure(database: Database, small: Database | None) -> dict:
    log(f"{database.key} : sessions, jetons et nombre de requêtes SQL…")
    info = django_side(database, "prepare")
    labels_path = database.data_dir / "labels.json"
    labels_path.write_text(json.dumps(django_side(database, "labels"), ensure_ascii=False))
    pages = targets(info)
    queries = count_queries(database, info, pages)
    queries_small = {}
    if small is not None:
        small_info = django_side(small, "prepare")
        queries_small = count_queries(small, small_info, targets(small_info))
    servers: list[Server] = []
    try:
        app = gunicorn("fabrique", "fabrique.wsgi:application", database.env())
        servers.append(app)
        bare_env = {
            **database.env(),
            "BASELINE_DATABASE": database.url or str(database.sqlite_path),
            "BASELINE_LABELS": str(labels_path),
        }
        bare = gunicorn("bare", "bench.baseline_wsgi:application", bare_env)
        servers.append(bare)
        runs = [
            {**page, "port": app.port, "server": app, "headers": headers_for(page["persona"], info)} for page in pages
        ]
        api = next(run for run in runs if run["name"] == "api_projects")
        baseline_runs = [{**api, "name": "bare", "port": bare.port, "server": bare}]
        if database.vendor == "sqlite":
            lite = datasette(database)
            servers.append(lite)
            path = "/fabrique/method_project.json?_size=50&_sort_desc=updated_at"
            baseline_runs.append({"name": "datasette", "path": path, "port": lite.port, "server": lite, "headers": {}})
        ours = request(app.port, api["path"], api["headers"])[1]
        theirs = request(bare.port, api["path"], api["headers"])[1]
        same_json = _same_json(ours, theirs, app.port, bare.port)
        log(f"{database.key} : {ROUNDS} passages sur {len(runs) + len(baseline_runs)} adresses…")
        started = time.perf_counter()
        samples = _latencies(runs + baseline_runs, ROUNDS)
        log(f"{database.key} : latences mesurées en {time.perf_counter() - started:.0f} s ; débits…")
        rates = throughputs([api, *baseline_runs])
        memory = app.rss_mb()
    finally:
        for server in servers:
            server.stop()
    result = {
        "generation": database.generation,
        "pages": {},
        "baselines": {run["name"]: {"path": run["path"], **_summary(samples[run["name"]])} for run in baseline_runs},
        "throughput_rps": {
            "fabrique": rates["api_projects"],
            **{run["name"]: rates[run["name"]] for run in baseline_runs},
        },
        "same_json_as_bare": same_json,
        "worker_rss_mb": max(memory.values()) if memory else None,
        "objects": {
            "structure": info["structure"],
            "project": info["project"],
            "projects": info["projects_of_structure"],
        },
    }
    for page in pages:
        name = page["name"]
        result["pages"][name] = {
            "label": page["label"],
            "path": page["path"],
            "persona": page["persona"],
            **_summary(samples[name]),
            "first_ms": next(run["first_ms"] for run in runs if run["name"] == name),
            "queries": queries[name]["queries"],
            "status": queries[name]["status"],
            "queries_small": queries_small.get(name, {}).get("queries"),
        }
    throughput = result["throughput_rps"]
    result["ratios"] = {
        name: round(throughput["fabrique"] / throughput[name], 2) for name in throughput if name != "fabrique"
    }
    return result


def main() -> None:
    scale = os.environ.get("BENCH_SCALE", "large")
    postgres = os.environ.get("DATABASE_URL", "").strip()
    started = time.perf_counter()
    results = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "scale": scale,
        "seed": SEED,
        "rounds": ROUNDS,
        "machine": machine(postgres),
        "loadavg_start": loadavg(),
        "databases": {},
    }
    small = prepare("sqlite", "small") if scale != "small" else None
    results["databases"]["sqlite"] = measure(prepare("sqlite", scale), small)
    if postgres.startswith(("postgres://", "postgresql://")):
        results["databases"]["postgresql"] = measure(prepare("postgresql", scale, postgres), small)
    results["loadavg_end"] = loadavg()
    results["seconds"] = round(time.perf_counter() - started)
    previous = BENCH_DIR / "loadtest.json"
    if previous.exists():
        results["loadtest"] = json.loads(previous.read_text())
    (BENCH_DIR / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    report.write_readme(results)
    log(f"terminé en {results['seconds']} s : bench/results.json et bench/README.md")
    print(report.console(results))
    failed = [
        f"{database} {page['path']} ({page['persona']}) : {page['errors']} réponse(s) sur {page['n']} sans statut 200"
        for database, measured in results["databases"].items()
        for page in measured["pages"].values()
        if page["errors"]
    ]
    if failed:
        # A page that answers an error is measured for its error page: the figures would mean nothing.
        raise SystemExit("Le banc a reçu des erreurs :\n" + "\n".join(failed))


if __name__ == "__main__":
    main()
