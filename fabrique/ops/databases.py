"""Copy the database out and back: SQLite through its online backup API, PostgreSQL with pg_dump and pg_restore.

Both copies are consistent while the site serves: SQLite's backup runs in one read transaction (WAL lets the
writers go on), pg_dump reads one snapshot.
"""

import os
import re
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore, found on PATH, with a fixed argument list
from pathlib import Path

from django.db.backends.postgresql.client import DatabaseClient
from django.utils.translation import gettext as _

from .exceptions import BackupError

PG_TOOL_TIMEOUT = 6 * 3600  # a dump that takes longer is stuck, not slow


class SqliteDatabase:
    engine = "sqlite"
    filename = "fabrique.sqlite3"

    def __init__(self, path):
        self.path = Path(path)

    def versions(self) -> dict:
        return {"server_version": sqlite3.sqlite_version, "tool_version": None}

    def warnings(self) -> list[str]:
        return []

    def dump(self, target: Path) -> None:
        """One backup step copies every page inside one read transaction: a snapshot, whoever writes meanwhile."""
        if not self.path.is_file():
            raise BackupError(_("La base SQLite « %(path)s » n'existe pas.") % {"path": self.path})
        source = sqlite3.connect(self.path, timeout=20)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # a file that stands alone, without a -wal beside it
        except sqlite3.Error as error:
            raise BackupError(_("La copie de la base SQLite a échoué : %(error)s") % {"error": error}) from None
        finally:
            copy.close()
            source.close()

    def check_restorable(self, recorded: dict) -> None:
        """Any SQLite reads a file written by an older one."""

    def restore(self, source: Path) -> None:
        """The backup API writes the whole file in one transaction: readers see the old base or the new one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        archived = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(self.path, timeout=20)
        try:
            archived.backup(target)
        except sqlite3.Error as error:
            raise BackupError(_("La restauration de la base SQLite a échoué : %(error)s") % {"error": error}) from None
        finally:
            target.close()
            archived.close()


class PostgresDatabase:
    engine = "postgresql"
    filename = "fabrique.dump"

    def __init__(self, connection):
        self.connection = connection
        self.settings_dict = connection.settings_dict

    def versions(self) -> dict:
        return {"server_version": self._server_version(), "tool_version": _tool_version(self._program("pg_dump"))}

    def warnings(self) -> list[str]:
        """pg_dump refuses a newer server; a newer client works but is worth knowing (its dumps need it back)."""
        server, client = self._server_version(), _tool_version(self._program("pg_dump"))
        if _major(client) == _major(server):
            return []
        return [
            _("Le client PostgreSQL (pg_dump %(client)s) n'a pas la version du serveur (%(server)s).")
            % {"client": client, "server": server}
        ]

    def dump(self, target: Path) -> None:
        pg_dump = self._program("pg_dump")
        server, client = self._server_version(), _tool_version(pg_dump)
        if _major(client) < _major(server):
            raise BackupError(
                _(
                    "pg_dump %(client)s est plus ancien que le serveur PostgreSQL %(server)s : installez le client "
                    "PostgreSQL %(major)s ou plus récent."
                )
                % {"client": client, "server": server, "major": _major(server)}
            )
        self._run([pg_dump, "--format=custom", "--no-password", f"--file={target}"], "pg_dump")

    def check_restorable(self, recorded: dict) -> None:
        """pg_restore reads the archives of its own major version and older ones, not newer ones."""
        pg_restore = self._program("pg_restore")
        client, written_by = _tool_version(pg_restore), str(recorded.get("tool_version") or "0")
        if _major(client) < _major(written_by):
            raise BackupError(
                _(
                    "L'archive a été écrite par pg_dump %(written_by)s ; pg_restore %(client)s ne sait pas la lire. "
                    "Installez le client PostgreSQL %(major)s ou plus récent."
                )
                % {"written_by": written_by, "client": client, "major": _major(written_by)}
            )

    def restore(self, source: Path) -> None:
        """--single-transaction: a failure rolls everything back, nothing is half-restored."""
        pg_restore = self._program("pg_restore")
        command = [pg_restore, "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]
        command += ["--no-password", f"--dbname={self.settings_dict['NAME']}", str(source)]
        self._run(command, "pg_restore")

    def _server_version(self) -> str:
        self.connection.ensure_connection()
        number = self.connection.pg_version  # 150020 for 15.20
        return f"{number // 10000}.{number % 10000}"

    def _program(self, name: str) -> str:
        path = shutil.which(name)
        if path is None:
            raise BackupError(
                _("« %(program)s » est introuvable : installez le client PostgreSQL (paquet postgresql-client).")
                % {"program": name}
            )
        return path

    def _environment(self) -> dict:
        """Password and TLS settings through the environment, never on the command line (ps shows it)."""
        _args, secrets = DatabaseClient.settings_to_cmd_args_env(self.settings_dict, [])
        values = {
            "PGHOST": self.settings_dict.get("HOST"),
            "PGPORT": self.settings_dict.get("PORT"),
            "PGUSER": self.settings_dict.get("USER"),
            "PGDATABASE": self.settings_dict.get("NAME"),
        }
        return {**os.environ, **{key: str(value) for key, value in values.items() if value}, **(secrets or {})}

    def _run(self, command: list[str], program: str) -> None:
        try:
            subprocess.run(  # noqa: S603 - fixed arguments, the program found by shutil.which
                command,
                env=self._environment(),
                capture_output=True,
                text=True,
                check=True,
                timeout=PG_TOOL_TIMEOUT,
            )
        except subprocess.CalledProcessError as error:
            detail = " ".join(error.stderr.strip().splitlines()[-3:])
            raise BackupError(_("%(program)s a échoué : %(detail)s") % {"program": program, "detail": detail}) from None
        except subprocess.TimeoutExpired:
            raise BackupError(_("%(program)s ne s'est pas terminé à temps.") % {"program": program}) from None


def _tool_version(program: str) -> str:
    """« pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1) » → « 15.20 »."""
    output = subprocess.run(  # noqa: S603 - the program found by shutil.which
        [program, "--version"], capture_output=True, text=True, check=False, timeout=30
    ).stdout
    found = re.search(r"\)\s+(\d+(?:\.\d+)?)", output)
    return found.group(1) if found else "0"


def _major(version: str) -> int:
    return int(version.split(".")[0] or 0)


def database_for(connection) -> SqliteDatabase | PostgresDatabase:
    if connection.vendor == "sqlite":
        return SqliteDatabase(connection.settings_dict["NAME"])
    if connection.vendor == "postgresql":
        return PostgresDatabase(connection)
    raise BackupError(
        _("La sauvegarde ne connaît que SQLite et PostgreSQL, pas « %(vendor)s ».") % {"vendor": connection.vendor}
    )
