"""`fabrique restore`: an archive of `fabrique backup` back into an empty install.

Everything is checked before anything is written: the manifest (format, version, engine, migrations this code
knows), the install (empty unless forced), the free space, then each member extracted to a staging directory
against its size and SHA-256. Only then the database is replaced (in one transaction), then the files.
"""

import gzip
import hashlib
import shutil
import tarfile
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from fabrique.network.models import Structure

from .archive import CHUNK, MANIFEST_MAX_BYTES, MANIFEST_NAME, Entry, foreign, parse_manifest
from .backup import file_roots
from .databases import database_for
from .exceptions import BackupError
from .wording import counted


@dataclass
class RestoreResult:
    created_at: object
    engine: str
    file_count: int
    seconds: float
    restored: bool
    pending_migrations: int = 0
    notes: list[str] = field(default_factory=list)


def restore_backup(archive_path: Path, *, force: bool = False, verify_only: bool = False) -> RestoreResult:
    """Refuse a foreign, corrupt, newer or other-engine archive, and a non-empty install unless `force`."""
    started = time.monotonic()
    connection = connections[DEFAULT_DB_ALIAS]
    database = database_for(connection)
    staging = Path(tempfile.mkdtemp(prefix=".fabrique-restauration-", dir=settings.DATA_DIR))
    try:
        manifest = _extract(archive_path, staging, database, force=force, verify_only=verify_only)
        result = RestoreResult(
            created_at=parse_datetime(str(manifest.get("created_at", ""))),
            engine=manifest["database"]["engine"],
            file_count=len(manifest["files"]),
            seconds=0.0,
            restored=not verify_only,
        )
        if not verify_only:
            connections.close_all()  # nothing of ours holds the base while it is replaced
            database.restore(staging / manifest["entries"][0].path)
            _replace_files(staging)
            connections.close_all()
            result.pending_migrations = _pending_migrations()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.seconds = time.monotonic() - started
    return result


def _extract(archive_path: Path, staging: Path, database, *, force: bool, verify_only: bool) -> dict:
    if not archive_path.is_file():
        raise BackupError(_("Le fichier « %(path)s » n'existe pas.") % {"path": archive_path})
    try:
        with tarfile.open(archive_path, mode="r|gz") as archive:
            members = iter(archive)
            manifest = _read_manifest(archive, next(members, None))
            if not verify_only:
                _check_target(manifest, database, force=force)
            _check_space(staging, manifest["entries"])
            _extract_members(archive, members, manifest["entries"], staging)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile):
        raise BackupError(
            _("« %(path)s » n'est pas une archive .tar.gz lisible, ou elle est tronquée.") % {"path": archive_path}
        ) from None
    return manifest


def _read_manifest(archive: tarfile.TarFile, member) -> dict:
    if member is None or member.name != MANIFEST_NAME or not member.isreg() or member.size > MANIFEST_MAX_BYTES:
        raise foreign()
    return parse_manifest(archive.extractfile(member).read())


def _check_target(manifest: dict, database, *, force: bool) -> None:
    recorded = manifest["database"]
    if recorded.get("engine") != database.engine:
        raise BackupError(
            _("Cette sauvegarde est celle d'une base %(archive)s ; l'installation utilise %(here)s.")
            % {"archive": recorded.get("engine"), "here": database.engine}
        )
    _check_migrations(manifest["migrations"])
    database.check_restorable(recorded)
    if not force:
        _refuse_if_not_empty()


def _check_migrations(recorded: dict) -> None:
    """An archive of a newer version names migrations this code does not have: its tables would not match."""
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = sorted(f"{app}.{name}" for app, name in recorded.items() if (app, name) not in known)
    if unknown:
        raise BackupError(
            _(
                "Cette sauvegarde vient d'une version plus récente de Fabrique (migration inconnue ici : "
                "%(migrations)s). Installez cette version, puis relancez la restauration."
            )
            % {"migrations": ", ".join(unknown)}
        )


def existing_content() -> dict[str, int]:
    """What a restore would overwrite: accounts, structures, uploaded files. A base never migrated has none."""
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        tables = set(connection.introspection.table_names())
    except DatabaseError as error:
        raise BackupError(_("La base de données est injoignable : %(error)s") % {"error": error}) from None
    counts = {}
    for key, model in (("users", get_user_model()), ("structures", Structure)):
        counts[key] = model._default_manager.count() if model._meta.db_table in tables else 0
    counts["files"] = sum(1 for root in file_roots().values() if root.is_dir() for p in root.rglob("*") if p.is_file())
    return counts


def _refuse_if_not_empty() -> None:
    counts = existing_content()
    if not any(counts.values()):
        return
    words = {
        "users": (gettext_noop("%(count)d compte"), gettext_noop("%(count)d comptes")),
        "structures": (gettext_noop("%(count)d structure"), gettext_noop("%(count)d structures")),
        "files": (gettext_noop("%(count)d fichier téléversé"), gettext_noop("%(count)d fichiers téléversés")),
    }
    found = [counted(count, *words[key]) for key, count in counts.items() if count]
    raise BackupError(
        _(
            "L'installation n'est pas vide (%(found)s) : la restauration les remplacerait. Restaurez dans une "
            "installation vide, ou relancez avec --force pour remplacer ces données."
        )
        % {"found": ", ".join(found)}
    )


def _check_space(staging: Path, entries: list[Entry]) -> None:
    needed = sum(entry.size for entry in entries)
    free = shutil.disk_usage(staging).free
    if needed > free:
        raise BackupError(
            _("Place insuffisante : la restauration demande %(needed)d octets, il en reste %(free)d.")
            % {"needed": needed, "free": free}
        )


def _extract_members(archive: tarfile.TarFile, members, entries: list[Entry], staging: Path) -> None:
    """Only the members the manifest lists, in its order, each of its declared size and SHA-256."""
    for entry in entries:
        member = next(members, None)
        if member is None or member.name != entry.path or not member.isreg() or member.size != entry.size:
            raise BackupError(
                _("L'archive ne correspond pas à son manifeste (« %(path)s » manquant ou différent).")
                % {"path": entry.path}
            )
        target = staging / entry.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if _copy_hashed(archive.extractfile(member), target) != entry.sha256:
            raise BackupError(
                _("Le fichier « %(path)s » de l'archive est abîmé (empreinte SHA-256 différente).")
                % {"path": entry.path}
            )
    if next(members, None) is not None:
        raise BackupError(_("L'archive contient des fichiers que son manifeste ne liste pas."))


def _copy_hashed(source, target: Path) -> str:
    digest = hashlib.sha256()
    with target.open("xb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def _replace_files(staging: Path) -> None:
    """The roots hold exactly the archive's files (they were empty, or --force said to replace them)."""
    for name, root in file_roots().items():
        root.mkdir(parents=True, exist_ok=True)
        for child in root.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        staged = staging / name
        if staged.is_dir():
            for child in staged.iterdir():
                shutil.move(child, root / child.name)


def _pending_migrations() -> int:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
