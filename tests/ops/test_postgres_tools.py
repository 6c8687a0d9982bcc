"""pg_dump and pg_restore: the password goes through the environment, never the command line; a missing or too
old client is refused in French before anything is written."""

import subprocess
from types import SimpleNamespace

import pytest

from fabrique.ops import databases
from fabrique.ops.databases import PostgresDatabase
from fabrique.ops.exceptions import BackupError

SETTINGS = {
    "NAME": "fabrique",
    "USER": "fabrique",
    "PASSWORD": "mot-de-passe-tres-secret",
    "HOST": "db.example.org",
    "PORT": 5433,
    "OPTIONS": {"sslmode": "require"},
}


class FakeTools:
    """Stands for subprocess.run: answers --version, records every other call."""

    def __init__(self, version="15.20", fail_with=""):
        self.version, self.fail_with, self.calls = version, fail_with, []

    def __call__(self, command, **kwargs):
        if command[-1] == "--version":
            return subprocess.CompletedProcess(command, 0, stdout=f"pg_dump (PostgreSQL) {self.version} (Debian)\n")
        self.calls.append((command, kwargs["env"]))
        if self.fail_with:
            raise subprocess.CalledProcessError(1, command, stderr=self.fail_with)
        return subprocess.CompletedProcess(command, 0, stdout="", stderr="")


@pytest.fixture
def tools(monkeypatch):
    fake = FakeTools()
    monkeypatch.setattr(databases.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(databases.subprocess, "run", fake)
    return fake


def postgres(server_version=150020):
    connection = SimpleNamespace(settings_dict=SETTINGS, pg_version=server_version, ensure_connection=lambda: None)
    return PostgresDatabase(connection)


def test_pg_dump_gets_the_password_from_the_environment_and_never_on_its_command_line(tools, tmp_path):
    postgres().dump(tmp_path / "fabrique.dump")
    [(command, env)] = tools.calls
    assert command[0] == "/usr/bin/pg_dump"
    assert "--format=custom" in command and "--no-password" in command
    assert not any(SETTINGS["PASSWORD"] in argument for argument in command)
    assert env["PGPASSWORD"] == SETTINGS["PASSWORD"]
    expected = {"PGHOST": "db.example.org", "PGPORT": "5433", "PGUSER": "fabrique", "PGDATABASE": "fabrique"}
    assert {key: env[key] for key in expected} == expected
    assert env["PGSSLMODE"] == "require"


def test_pg_restore_cleans_in_one_transaction_without_owners(tools, tmp_path):
    postgres().restore(tmp_path / "fabrique.dump")
    [(command, env)] = tools.calls
    assert command[0] == "/usr/bin/pg_restore"
    for flag in ("--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--no-password"):
        assert flag in command
    assert "--dbname=fabrique" in command
    assert not any(SETTINGS["PASSWORD"] in argument for argument in command)
    assert env["PGPASSWORD"] == SETTINGS["PASSWORD"]


def test_a_missing_client_is_named_with_the_package_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(databases.shutil, "which", lambda name: None)
    with pytest.raises(BackupError, match="« pg_dump » est introuvable : installez le client PostgreSQL"):
        postgres().dump(tmp_path / "fabrique.dump")


def test_a_pg_dump_older_than_the_server_is_refused_before_dumping(tools, tmp_path):
    tools.version = "14.9"
    with pytest.raises(BackupError, match="pg_dump 14.9 est plus ancien que le serveur PostgreSQL 15.20"):
        postgres().dump(tmp_path / "fabrique.dump")
    assert tools.calls == []


def test_a_newer_client_is_said_but_accepted(tools):
    tools.version = "16.4"
    assert postgres().warnings() == ["Le client PostgreSQL (pg_dump 16.4) n'a pas la version du serveur (15.20)."]
    tools.version = "15.3"
    assert postgres().warnings() == []


def test_an_archive_written_by_a_newer_pg_dump_is_refused_before_restoring(tools):
    with pytest.raises(BackupError, match="écrite par pg_dump 17.2 ; pg_restore 15.20 ne sait pas la lire"):
        postgres().check_restorable({"tool_version": "17.2"})
    postgres().check_restorable({"tool_version": "15.20"})


def test_a_failing_tool_reports_its_last_lines_in_a_french_sentence(tools, tmp_path):
    tools.fail_with = 'pg_restore: error: could not execute query: ERROR:  relation "x" already exists\n'
    with pytest.raises(BackupError, match=r"^pg_restore a échoué : pg_restore: error: could not execute query"):
        postgres().restore(tmp_path / "fabrique.dump")
