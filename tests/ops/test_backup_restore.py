"""Round trip on both databases: a demo install with files, `fabrique backup`, a wiped install, `fabrique restore`:
the same rows, the same files, and the site serves them.

Each install is a scratch data directory (and, on PostgreSQL, a scratch database) driven in subprocesses:
pytest-django's own test database lives inside a transaction that pg_dump would not see.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

REPOSITORY = Path(__file__).resolve().parents[2]


def postgres_server() -> str:
    """The server of the suite's DATABASE_URL when it is PostgreSQL (CI's), else the local one."""
    url = urlsplit(os.environ.get("DATABASE_URL", ""))
    if url.scheme.startswith("postgres"):
        return f"{url.scheme}://{url.netloc}"
    return "postgres://postgres@127.0.0.1:5432"


PG_SERVER = postgres_server()
SOURCE_DB, TARGET_DB = "fab_backup_rt_src", "fab_backup_rt_dst"


def run(env: dict, *args: str, fails: bool = False) -> str:
    completed = subprocess.run(  # noqa: S603 - the project's own command line
        [sys.executable, *args], cwd=REPOSITORY, env=env, capture_output=True, text=True, check=False, timeout=600
    )
    assert (completed.returncode != 0) == fails, completed.stderr
    return completed.stderr if fails else completed.stdout


def fabrique(env: dict, *args: str, fails: bool = False) -> str:
    return run(env, "-m", "fabrique.cli", *args, fails=fails)


def probe(env: dict, action: str) -> dict:
    return json.loads(run(env, "-m", "tests.ops.site_probe", action))


def install(data_dir: Path, database_url: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in {"APPELLATION_PRIVATE_ROOT", "DEBUG"}}
    env.update(FABRIQUE_DATA_DIR=str(data_dir), DATABASE_URL=database_url, FABRIQUE_DEMO="true")
    env["DJANGO_SETTINGS_MODULE"] = "fabrique.settings"
    return env


def admin_sql(*statements: str) -> None:
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as connection:
        for statement in statements:
            connection.execute(statement)


@pytest.fixture
def database_urls(request):
    """(source, target) DATABASE_URL: two SQLite files, or two scratch PostgreSQL databases, the target empty."""
    if request.param == "sqlite":
        yield "", ""
        return
    try:
        admin_sql("SELECT 1")
    except psycopg.OperationalError:
        where = urlsplit(PG_SERVER)
        pytest.skip(f"PostgreSQL injoignable sur {where.hostname}:{where.port} : aller-retour PostgreSQL non essayé")
    drop = [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)" for name in (SOURCE_DB, TARGET_DB)]
    admin_sql(*drop, f"CREATE DATABASE {SOURCE_DB}", f"CREATE DATABASE {TARGET_DB}")
    yield f"{PG_SERVER}/{SOURCE_DB}", f"{PG_SERVER}/{TARGET_DB}"
    admin_sql(*drop)


@pytest.mark.parametrize("database_urls", ["sqlite", "postgresql"], indirect=True)
def test_a_backup_restored_into_an_empty_install_gives_the_same_rows_files_and_pages(database_urls, tmp_path):
    source = install(tmp_path / "source", database_urls[0])
    fabrique(source, "migrate", "--noinput")
    fabrique(source, "demo", "--no-serve")
    run(source, "-m", "tests.ops.site_probe", "seed")
    before = probe(source, "snapshot")
    archive = tmp_path / "copies" / "sauvegarde.tar.gz"
    archive.parent.mkdir()

    assert "Sauvegarde écrite" in fabrique(source, "backup", "-o", str(archive))
    target = install(tmp_path / "target", database_urls[1])
    damaged = tmp_path / "copies" / "abimee.tar.gz"
    content = bytearray(archive.read_bytes())
    content[len(content) // 2] ^= 0xFF
    damaged.write_bytes(content)
    refusal = fabrique(target, "restore", str(damaged), fails=True)
    assert refusal.startswith("CommandError: ") and "Traceback" not in refusal
    assert any(reason in refusal for reason in ("tronquée", "est abîmé", "ne correspond pas à son manifeste"))
    # nothing half-written: the same install is still empty enough to be restored without --force
    assert "Restauration terminée" in fabrique(target, "restore", str(archive))
    after = probe(target, "snapshot")

    assert after["counts"] == before["counts"]
    assert before["counts"]["network_structure"] >= 11
    assert before["counts"]["library_resourcefile"] >= 6
    assert before["counts"]["appellation_requestattachment"] >= 1
    assert after["values"] == before["values"]
    assert after["files"] == before["files"]
    assert any(name.startswith("private/appellation/") for name in after["files"])
    assert sum(name.startswith("media/library/") for name in after["files"]) >= 6
    assert (archive.stat().st_mode & 0o777) == 0o600
    assert not list((tmp_path / "copies").glob(".*")), "no partial archive or work directory left beside it"
    assert not list((tmp_path / "target").glob(".fabrique-restauration-*")), "the staging directory is removed"

    site = probe(target, "serve")
    assert site["statuses"] == {"home": 200, "structure": 200}
    assert len(site["downloads"]) >= 7
    for name, (status, sha256) in site["downloads"].items():
        root = "private" if name.startswith("appellation/") else "media"
        assert [status, sha256] == [200, before["files"][f"{root}/{name}"]]

    # the install now has a row and a file of its own: refused, unless --force, which puts back the archive exactly
    stray = tmp_path / "target" / "media" / "library" / "999" / "1" / "ajout.pdf"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"%PDF-1.4 added after the restore")
    assert "n'est pas vide" in fabrique(target, "restore", str(archive), fails=True)
    assert "Restauration terminée" in fabrique(target, "restore", "--force", str(archive))
    assert probe(target, "snapshot") == before
    assert not stray.exists()
