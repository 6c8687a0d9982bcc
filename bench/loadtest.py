"""`make loadtest`: gunicorn with 4 processes on PostgreSQL, 50 simulated users for 60 s on 127.0.0.1, a realistic
mix — anonymous visitors on the map, the directory and structure pages; members on their board and project
pages; searches; a few writes (needs recorded through the API) — then requests per second, errors and the 95th
percentile, in bench/loadtest.json and the results of bench/README.md.

Each user is a thread that waits 0.5 to 2.5 s between two requests (people read pages); every process answers
each kind of page a few times before the clock starts. Environment:
LOADTEST_DATABASE_URL or DATABASE_URL (a PostgreSQL server; default the local one), LOADTEST_SCALE (default
BENCH_SCALE, else large), LOADTEST_USERS (50), LOADTEST_SECONDS (60), LOADTEST_WORKERS (4).
"""

import json
import os
import random
import statistics
import threading
import time
from datetime import UTC, datetime

from . import report
from .common import BENCH_DIR, SEED, django_side, gunicorn, loadavg, log, percentile, prepare, request

USERS = int(os.environ.get("LOADTEST_USERS", "50"))
SECONDS = float(os.environ.get("LOADTEST_SECONDS", "60"))
WORKERS = int(os.environ.get("LOADTEST_WORKERS", "4"))
WORDS = ("epicerie", "mobilite", "garage solidaire", "creche", "ressourcerie", "tiers-lieu", "sante", "habitat")
# (share of the users, behaviour)
MIX = (("anonyme", 40), ("membre", 45), ("recherche", 10), ("écriture", 5))


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples: list[tuple[str, int, float]] = []

    def add(self, kind: str, status: int, seconds: float) -> None:
        with self.lock:
            self.samples.append((kind, status, seconds))


def _get(recorder: Recorder, port: int, kind: str, path: str, headers: dict | None = None) -> None:
    try:
        status, _body, seconds = request(port, path, headers)
    except OSError:
        status, seconds = 0, 0.0
    recorder.add(kind, status, seconds)


def anonymous(rng, port, recorder, info):
    choice = rng.random()
    if choice < 0.3:
        _get(recorder, port, "carte", "/carte/")
    elif choice < 0.6:
        _get(recorder, port, "annuaire", f"/structures/?page={rng.randint(1, 30)}")
    elif choice < 0.9:
        _get(recorder, port, "page d'une structure", f"/structures/{rng.choice(info['members'])['structure']}/")
    else:
        _get(recorder, port, "accueil", "/")


def member(rng, port, recorder, info, me):
    cookie = {"Cookie": f"sessionid={me['session']}"}
    choice = rng.random()
    if choice < 0.4 or not me["projects"]:
        _get(recorder, port, "tableau", f"/methode/structures/{me['structure']}/tableau/", cookie)
    elif choice < 0.85:
        _get(recorder, port, "page d'un projet", f"/methode/projets/{rng.choice(me['projects'])}/", cookie)
    else:
        _get(recorder, port, "liste des projets", f"/methode/projets/?structure={me['structure']}", cookie)


def searcher(rng, port, recorder, info, me):
    cookie = {"Cookie": f"sessionid={me['session']}"}
    _get(recorder, port, "recherche", "/recherche/?q=" + rng.choice(WORDS).replace(" ", "+"), cookie)


def writer(rng, port, recorder, info, me):
    if rng.random() < 0.5:
        member(rng, port, recorder, info, me)
        return
    body = {
        "structure": me["structure"],
        "title": f"Besoin noté pendant le test de charge n° {rng.randint(1, 10**6)} (fictif)",
        "theme": "food",
        "departement": me["departements"][0],
        "source": "inhabitant",
    }
    headers = {"Authorization": f"Bearer {me['token']}", "Content-Type": "application/json"}
    try:
        status, _body, seconds = request(port, "/api/v1/needs", headers, "POST", json.dumps(body).encode())
    except OSError:
        status, seconds = 0, 0.0
    recorder.add("écriture (API besoins)", 0 if status != 201 else 200, seconds)


BEHAVIOURS = {"anonyme": anonymous, "membre": member, "recherche": searcher, "écriture": writer}


def user(index: int, kind: str, port: int, recorder: Recorder, info: dict, stop: float) -> None:
    rng = random.Random(f"{SEED}:user:{index}")
    me = info["members"][index % len(info["members"])]
    behaviour = BEHAVIOURS[kind]
    time.sleep(rng.uniform(0, 2))  # users arrive over two seconds
    while time.monotonic() < stop:
        if kind == "anonyme":
            behaviour(rng, port, recorder, info)
        else:
            behaviour(rng, port, recorder, info, me)
        time.sleep(rng.uniform(0.5, 2.5))


def _stats(samples: list[tuple[str, int, float]]) -> dict:
    latencies = [seconds * 1000 for _kind, _status, seconds in samples]
    return {
        "n": len(samples),
        "errors": sum(1 for _kind, status, _seconds in samples if status != 200),
        "median_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 0.95), 1) if latencies else None,
    }


def kinds_of_users() -> list[str]:
    kinds = [kind for kind, share in MIX for _ in range(round(USERS * share / 100))]
    return (kinds + ["anonyme"] * USERS)[:USERS]


def warm_up(port: int, info: dict) -> None:
    """Every process answers each kind of page a few times before the clock starts (imports, templates)."""
    me = info["members"][0]
    cookie = {"Cookie": f"sessionid={me['session']}"}
    paths = [
        ("/", {}),
        ("/carte/", {}),
        ("/structures/", {}),
        (f"/structures/{me['structure']}/", {}),
        (f"/methode/structures/{me['structure']}/tableau/", cookie),
        (f"/methode/projets/?structure={me['structure']}", cookie),
        ("/recherche/?q=epicerie", cookie),
    ]
    paths += [(f"/methode/projets/{pk}/", cookie) for pk in me["projects"][:2]]

    def client():
        for path, headers in paths * 2:
            request(port, path, headers)

    threads = [threading.Thread(target=client) for _ in range(WORKERS * 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def main() -> None:
    base = (
        os.environ.get("LOADTEST_DATABASE_URL")
        or os.environ.get("DATABASE_URL")
        or "postgres://postgres@127.0.0.1:5432/postgres"
    )
    scale = os.environ.get("LOADTEST_SCALE") or os.environ.get("BENCH_SCALE") or "large"
    database = prepare("postgresql", scale, base)
    info = django_side(database, "prepare")
    start_load = loadavg()
    server = gunicorn("fabrique", "fabrique.wsgi:application", database.env(), workers=WORKERS)
    recorder = Recorder()
    try:
        warm_up(server.port, info)
        log(f"{USERS} utilisateurs pendant {SECONDS:.0f} s sur 127.0.0.1:{server.port} ({WORKERS} processus)…")
        stop = time.monotonic() + SECONDS
        started = time.perf_counter()
        threads = [
            threading.Thread(target=user, args=(index, kind, server.port, recorder, info, stop), daemon=True)
            for index, kind in enumerate(kinds_of_users())
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 120)
        elapsed = time.perf_counter() - started
        memory = server.rss_mb()
    finally:
        server.stop()
    samples = list(recorder.samples)
    overall = _stats(samples)
    latencies = [seconds * 1000 for _kind, _status, seconds in samples]
    result = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "scale": scale,
        "users": USERS,
        "seconds": SECONDS,
        "workers": WORKERS,
        "loadavg_start": start_load,
        "loadavg_end": loadavg(),
        "requests": overall["n"],
        "rps": round(overall["n"] / elapsed, 1),
        "errors": overall["errors"],
        "median_ms": overall["median_ms"],
        "p95_ms": overall["p95_ms"],
        "p99_ms": round(percentile(latencies, 0.99), 1),
        "worker_rss_mb": memory,
        "kinds": {kind: _stats([s for s in samples if s[0] == kind]) for kind in sorted({s[0] for s in samples})},
    }
    (BENCH_DIR / "loadtest.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    results_path = BENCH_DIR / "results.json"
    if results_path.exists():
        results = json.loads(results_path.read_text())
        results["loadtest"] = result
        results_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
        report.write_readme(results)
    log(
        f"{result['rps']} requêtes/s, {result['errors']} erreur(s), médiane {result['median_ms']} ms, "
        f"p95 {result['p95_ms']} ms ({result['requests']} requêtes)"
    )


if __name__ == "__main__":
    main()
