"""What the benchmark and the load test share: the generated databases, the servers, timed HTTP requests, and
a description of the machine.

Everything listens on 127.0.0.1 only, on free ports; every process started here is stopped by its own id.
"""

import contextlib
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
VAR = ROOT / "var" / "bench"
BIN = Path(sys.executable).parent
SEED = int(os.environ.get("BENCH_SEED", "1"))


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- databases --------------------------------------------------------------------------------------------


@dataclass
class Database:
    """One generated network: a SQLite file in its data directory, or a PostgreSQL database."""

    vendor: str  # "sqlite" or "postgresql"
    scale: str
    data_dir: Path
    url: str = ""  # PostgreSQL only
    generation: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.vendor}-{self.scale}-{SEED}"

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "fabrique.sqlite3"

    def env(self) -> dict[str, str]:
        """The environment of every process that reads this database: production settings, no DEBUG."""
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
        env.update(
            FABRIQUE_DATA_DIR=str(self.data_dir),
            DEBUG="false",
            FABRIQUE_DEMO="true",
            SECRET_KEY=_secret(self.data_dir),
            ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
            SECURE_SSL_REDIRECT="false",  # served over plain HTTP on the loopback, not behind a TLS proxy
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
        )
        if self.url:
            env["DATABASE_URL"] = self.url
        return env


def _secret(data_dir: Path) -> str:
    path = data_dir / "bench_secret_key"
    data_dir.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


def fabrique(database: Database, *args: str, timeout: int = 1800) -> str:
    return _run(database, [str(BIN / "fabrique"), *args], timeout)


def generate(database: Database, scale: str) -> str:
    """The generated network, written by `python -m bench.generate` (bench/generator/) into the migrated database."""
    return _run(database, [sys.executable, "-m", "bench.generate", "--scale", scale, "--seed", str(SEED)], 1800)


def _run(database: Database, command: list[str], timeout: int) -> str:
    result = subprocess.run(
        command,
        env=database.env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join([Path(command[0]).name, *command[1:]])} a échoué :\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def _postgres_url(base: str, name: str) -> str:
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def _psql_admin(base: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(_postgres_url(base, "postgres"), autocommit=True) as connection:
        connection.execute(sql)


def prepare(vendor: str, scale: str, postgres_base: str = "") -> Database:
    """The generated database for (vendor, scale, seed): reused when its marker says it is complete."""
    data_dir = VAR / f"{vendor}-{scale}-{SEED}"
    database = Database(vendor=vendor, scale=scale, data_dir=data_dir)
    if vendor == "postgresql":
        database.url = _postgres_url(postgres_base, f"fabrique_bench_{scale}_{SEED}")
    marker = data_dir / "generated.json"
    if marker.exists() and os.environ.get("BENCH_REGENERATE", "") not in ("1", "true"):
        database.generation = json.loads(marker.read_text())
        log(f"{database.key} : réseau déjà généré ({database.generation['seconds']:.0f} s), réutilisé")
        fabrique(database, "migrate", "--noinput", "-v0")
        return database
    log(f"{database.key} : génération du réseau (échelle {scale}, graine {SEED})…")
    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)
    if vendor == "postgresql":
        name = database.url.rsplit("/", 1)[1]
        _psql_admin(postgres_base, f'DROP DATABASE IF EXISTS "{name}"')
        _psql_admin(postgres_base, f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    fabrique(database, "migrate", "--noinput", "-v0")
    migrated = time.perf_counter()
    output = generate(database, scale)
    generated = time.perf_counter()
    if vendor == "postgresql":  # what autovacuum does a little later on a live server: visibility map, statistics
        import psycopg

        with psycopg.connect(database.url, autocommit=True) as connection:
            connection.execute("VACUUM (ANALYZE)")
    vacuumed = time.perf_counter()
    fabrique(database, "collectstatic", "--noinput", "-v0")
    database.generation = {
        "scale": scale,
        "seed": SEED,
        "migrate_seconds": round(migrated - started, 1),
        "seconds": round(generated - migrated, 1),
        "vacuum_seconds": round(vacuumed - generated, 1),
        "report": output.strip().splitlines(),
        "loadavg_during": os.getloadavg()[0],
        "database_bytes": database.sqlite_path.stat().st_size if vendor == "sqlite" else None,
    }
    marker.write_text(json.dumps(database.generation, ensure_ascii=False, indent=1))
    log(f"{database.key} : généré en {database.generation['seconds']:.0f} s")
    return database


def django_side(database: Database, command: str, payload: dict | None = None) -> dict:
    """Run `bench.django_side` against the database (sessions, tokens, query counts) and read its JSON."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.django_side", command],
        env={**database.env(), "DJANGO_SETTINGS_MODULE": "fabrique.settings"},
        cwd=ROOT,
        input=json.dumps(payload or {}),
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench.django_side {command} a échoué :\n{result.stderr}")
    return json.loads(result.stdout)


# --- servers ----------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    port: int

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def rss_mb(self) -> dict[int, float]:
        """Resident memory (VmRSS) of each worker, in MB."""
        sizes = {}
        for pid in self.worker_pids() or [self.process.pid]:
            with contextlib.suppress(OSError):
                status = Path(f"/proc/{pid}/status").read_text()
                kilobytes = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
                sizes[pid] = round(kilobytes / 1024, 1)
        return sizes

    def cpu_seconds(self) -> float:
        """CPU time used so far by the workers (every thread), from /proc/<pid>/task/*/schedstat, in seconds."""
        total = 0
        for pid in self.worker_pids() or [self.process.pid]:
            for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
                with contextlib.suppress(OSError, ValueError, IndexError):
                    total += int(stat.read_text().split()[0])
        return total / 1e9

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def gunicorn(name: str, app: str, env: dict, workers: int = 1, threads: int = 1) -> Server:
    port = free_port()
    command = [
        str(BIN / "gunicorn"),
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "sync" if threads == 1 else "gthread",
        "--timeout",
        "120",
        "--log-level",
        "warning",
        "--chdir",
        str(ROOT),
    ]
    process = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603 - our own command line
    server = Server(name, process, port)
    wait_until_up(server, "/")
    return server


def datasette(database: Database) -> Server:
    port = free_port()
    command = [
        str(BIN / "datasette"),
        "serve",
        str(database.sqlite_path),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--setting",
        "num_sql_threads",
        "1",
        "--setting",
        "suggest_facets",
        "off",
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    server = Server("datasette", process, port)
    wait_until_up(server, "/-/versions.json")
    return server


def wait_until_up(server: Server, path: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} s'est arrêté au démarrage (code {server.process.returncode}).")
        with contextlib.suppress(OSError, http.client.HTTPException):
            status, _body, _seconds = request(server.port, path)
            if status < 500:
                return
        time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"{server.name} ne répond pas sur le port {server.port}.")


# --- HTTP -------------------------------------------------------------------------------------------------


def request(
    port: int, path: str, headers: dict | None = None, method: str = "GET", body: bytes | None = None
) -> tuple[int, bytes, float]:
    """One request on a new connection (gunicorn's sync workers close it anyway): status, body, seconds."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        return response.status, content, time.perf_counter() - started
    finally:
        connection.close()


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, int(round(share * len(ordered) + 0.4999)))
    return ordered[min(rank, len(ordered)) - 1]


# --- machine ----------------------------------------------------------------------------------------------


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def machine(postgres_url: str = "") -> dict:
    cpu = re.search(r"model name\s*:\s*(.+)", _read("/proc/cpuinfo"))
    memory = re.search(r"MemTotal:\s+(\d+)", _read("/proc/meminfo"))
    info = {
        "nproc": os.cpu_count(),
        "cpu": cpu.group(1).strip() if cpu else platform.processor(),
        "ram_gb": round(int(memory.group(1)) / 1024 / 1024, 1) if memory else None,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": None,
        "os": platform.platform(),
    }
    for package in ("django", "gunicorn", "datasette"):
        with contextlib.suppress(Exception):
            from importlib.metadata import version

            info[package] = version(package)
    if postgres_url:
        with contextlib.suppress(Exception):
            import psycopg

            with psycopg.connect(_postgres_url(postgres_url, "postgres")) as connection:
                info["postgresql"] = connection.execute("SHOW server_version").fetchone()[0]
    return info


def loadavg() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]
