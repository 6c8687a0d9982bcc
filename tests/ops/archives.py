"""Archives built by hand, shaped like those of `fabrique backup`, to try what a restore must refuse."""

import hashlib
import io
import json
import tarfile
from pathlib import Path

from django.db import connection

from fabrique.ops.archive import FORMAT, FORMAT_VERSION, MANIFEST_NAME

DATABASE = ("database/fabrique.dump", b"une base pour rire")
FILES = {"media/library/1/1/guide.pdf": b"%PDF-1.4 guide", "private/appellation/1/bilan.pdf": b"%PDF-1.4 bilan"}


def entry(path: str, content: bytes) -> dict:
    return {"path": path, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}


def manifest(**changes) -> dict:
    values = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": "2026-12-01T02:30:00+00:00",
        "fabrique_version": "0.1.0",
        "database": {"engine": connection.vendor, "server_version": "1", "tool_version": "0", **entry(*DATABASE)},
        "migrations": {"network": "0001_initial"},
        "files": [entry(path, content) for path, content in FILES.items()],
    }
    return values | changes


def write(path: Path, manifest_value=None, members=None) -> Path:
    """The manifest first (JSON, or raw bytes as given), then the members (name → bytes), in order."""
    members = dict([DATABASE, *FILES.items()]) if members is None else members
    raw = manifest_value if isinstance(manifest_value, bytes) else json.dumps(manifest_value or manifest()).encode()
    with tarfile.open(path, "w:gz") as archive:
        for name, content in [(MANIFEST_NAME, raw), *members.items()]:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return path
