"""The backup archive: a tar.gz whose first member is manifest.json, then the database, then the files.

The manifest comes first so that a restore checks the format, the engine and every declared size before it
writes a byte, and extracts only the members the manifest lists, each against its SHA-256.
"""

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from .exceptions import BackupError

FORMAT = "fabrique-sauvegarde"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
MANIFEST_MAX_BYTES = 64 * 1024 * 1024
DATABASE_DIR = "database"
FILE_ROOTS = ("media", "private")
CHUNK = 1024 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Entry:
    """One member of the archive, as the manifest lists it."""

    path: str
    size: int
    sha256: str

    def as_dict(self) -> dict:
        return asdict(self)


class HashingReader:
    """Reads at most `limit` bytes of a file and hashes what it hands out (tarfile copies from it)."""

    def __init__(self, stream, limit: int):
        self.stream = stream
        self.remaining = limit
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        size = self.remaining if size < 0 else min(size, self.remaining)
        data = self.stream.read(size)
        self.remaining -= len(data)
        self.digest.update(data)
        return data

    def hexdigest(self) -> str:
        return self.digest.hexdigest()


def file_entry(path: Path, name: str) -> Entry:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return Entry(name, size, digest.hexdigest())


def foreign() -> BackupError:
    return BackupError(_("Ce fichier n'est pas une sauvegarde Fabrique (manifeste absent ou illisible)."))


def parse_manifest(raw: bytes) -> dict:
    """The manifest's shape, format and version; every path is safe and listed once."""
    try:
        manifest = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise foreign() from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise foreign()
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise BackupError(
            _("Cette sauvegarde est au format %(found)s ; cette version de Fabrique lit le format %(known)s.")
            % {"found": version, "known": FORMAT_VERSION}
        )
    database, files, migrations = manifest.get("database"), manifest.get("files"), manifest.get("migrations")
    if not isinstance(database, dict) or not isinstance(files, list) or not isinstance(migrations, dict):
        raise foreign()
    entries = [_entry(database, (DATABASE_DIR,))] + [_entry(item, FILE_ROOTS) for item in files]
    if len({entry.path for entry in entries}) != len(entries):
        raise BackupError(_("Le manifeste de la sauvegarde liste deux fois le même fichier."))
    manifest["entries"] = entries
    return manifest


def _entry(item, roots: tuple[str, ...]) -> Entry:
    if not isinstance(item, dict):
        raise foreign()
    path, size, sha256 = item.get("path"), item.get("size"), item.get("sha256")
    if not isinstance(path, str) or not safe_path(path, roots):
        raise BackupError(_("Le manifeste de la sauvegarde contient un chemin refusé : « %(path)s ».") % {"path": path})
    if type(size) is not int or size < 0 or not isinstance(sha256, str) or not SHA256.fullmatch(sha256):
        raise BackupError(
            _("Le manifeste de la sauvegarde est abîmé (taille ou empreinte de « %(path)s »).") % {"path": path}
        )
    return Entry(path, size, sha256)


def safe_path(path: str, roots: tuple[str, ...]) -> bool:
    """Relative, under one of the roots, without « .. », empty parts or a NUL: it stays inside the staging area."""
    if "\x00" in path or "\\" in path or path.startswith("/") or len(path) > 4096:
        return False
    parts = path.split("/")
    if len(parts) < 2 or any(part in {"", ".", ".."} for part in parts):
        return False
    return parts[0] in roots and PurePosixPath(path).parts == tuple(parts)
