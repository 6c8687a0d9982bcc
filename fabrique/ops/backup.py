"""`fabrique backup`: the database and the uploaded files in one archive, consistent while the site serves."""

import io
import json
import os
import secrets
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from .archive import DATABASE_DIR, FORMAT, FORMAT_VERSION, MANIFEST_NAME, Entry, HashingReader, file_entry
from .databases import database_for
from .exceptions import BackupError


@dataclass
class BackupResult:
    path: Path
    engine: str
    database_size: int
    file_count: int
    files_size: int
    archive_size: int
    seconds: float
    warnings: list[str] = field(default_factory=list)


def file_roots() -> dict[str, Path]:
    """Uploaded files: the public media (library) and the appellation's private attachments."""
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.APPELLATION_PRIVATE_ROOT)}


def storage_warnings() -> list[str]:
    """Files kept elsewhere than MEDIA_ROOT (an S3 bucket) are not in the archive: the operator must know it."""
    backend = settings.STORAGES["default"]["BACKEND"]
    if backend == "django.core.files.storage.FileSystemStorage":
        return []
    return [
        _(
            "Les fichiers de la bibliothèque sont dans un autre stockage (%(backend)s) : ils ne sont pas dans "
            "l'archive, sauvegardez-les à part."
        )
        % {"backend": backend}
    ]


def uploaded_files() -> list[tuple[Path, str]]:
    """(absolute path, archive name) of every regular file under the roots; symbolic links are not followed."""
    roots = {name: root.resolve() for name, root in file_roots().items()}
    found = []
    for name, root in roots.items():
        if not root.is_dir():
            continue
        nested = [other for other in roots.values() if other != root and other.is_relative_to(root)]
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink() and not any(path.is_relative_to(n) for n in nested):
                found.append((path, f"{name}/{path.relative_to(root).as_posix()}"))
    return found


def applied_migrations(connection) -> dict[str, str]:
    """The last applied migration of each app, as names sort (their number comes first)."""
    last: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        last[app] = max(name, last.get(app, name))
    return dict(sorted(last.items()))


def default_name() -> str:
    return f"fabrique-sauvegarde-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"


def create_backup(output: Path) -> BackupResult:
    """The database first, then the files: every file a row of that snapshot names was complete before it.

    The archive is written beside its destination under a temporary name and renamed at the end, readable by
    its owner only: a failed backup leaves no archive, a reader never sees half of one.
    """
    started = time.monotonic()
    output = output / default_name() if output.is_dir() else output
    if not output.parent.is_dir():
        raise BackupError(_("Le répertoire « %(path)s » n'existe pas.") % {"path": output.parent})
    connection = connections[DEFAULT_DB_ALIAS]
    database = database_for(connection)
    with tempfile.TemporaryDirectory(prefix=".fabrique-sauvegarde-", dir=output.parent) as work:
        dump = Path(work) / database.filename
        migrations = applied_migrations(connection)
        database.dump(dump)
        database_entry = file_entry(dump, f"{DATABASE_DIR}/{database.filename}")
        files = [(path, file_entry(path, name)) for path, name in uploaded_files()]
        manifest = _manifest(database, database_entry, migrations, [entry for _path, entry in files])
        _write_archive(output, manifest, [(dump, database_entry), *files])
    return BackupResult(
        path=output,
        engine=database.engine,
        database_size=database_entry.size,
        file_count=len(files),
        files_size=sum(entry.size for _path, entry in files),
        archive_size=output.stat().st_size,
        seconds=time.monotonic() - started,
        warnings=[*database.warnings(), *storage_warnings()],
    )


def _manifest(database, database_entry: Entry, migrations: dict, files: list[Entry]) -> dict:
    try:
        version = metadata.version("fabrique")
    except metadata.PackageNotFoundError:
        version = ""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "fabrique_version": version,
        "database": {"engine": database.engine, **database.versions(), **database_entry.as_dict()},
        "migrations": migrations,
        "files": [entry.as_dict() for entry in files],
    }


def _write_archive(output: Path, manifest: dict, members: list[tuple[Path, Entry]]) -> None:
    partial = output.with_name(f".{output.name}.{secrets.token_hex(4)}.partiel")
    try:
        with partial.open("xb") as raw:
            os.fchmod(raw.fileno(), 0o600)  # personal data: the owner only
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive:
                content = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                archive.addfile(_member(MANIFEST_NAME, len(content)), io.BytesIO(content))
                for path, entry in members:
                    _add(archive, path, entry)
        os.replace(partial, output)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _member(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = int(time.time())
    return info


def _add(archive: tarfile.TarFile, path: Path, entry: Entry) -> None:
    """The bytes written are the bytes hashed for the manifest, or the backup stops."""
    changed = BackupError(
        _("Le fichier « %(path)s » a changé pendant la sauvegarde : relancez-la.") % {"path": entry.path}
    )
    with path.open("rb") as stream:
        reader = HashingReader(stream, entry.size)
        try:
            archive.addfile(_member(entry.path, entry.size), reader)
        except OSError:
            if reader.remaining:  # shorter than when it was hashed
                raise changed from None
            raise
    if reader.hexdigest() != entry.sha256:
        raise changed
