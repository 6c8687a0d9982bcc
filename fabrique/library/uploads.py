"""Checking a file given to the library before anything is stored: its size, its real type, its name.

The content check (real type, archives inspected without being inflated) is `fabrique.core.uploads`; the
library adds its size limit, its rule for names and the file's fingerprint. The stored name is the sanitised
name with the extension of the detected type.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from fabrique.core import uploads
from fabrique.core.uploads import FileFormat

DEFAULT_MAX_UPLOAD_MB = 20
MAX_NAME_LENGTH = 100
_CHUNK = 64 * 1024
IMAGE_FORMATS = {f.code for f in uploads.IMAGE_FORMATS}


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    file_format: FileFormat
    size: int
    sha256: str


def max_upload_bytes() -> int:
    return int(getattr(settings, "LIBRARY_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)) * 1024 * 1024


def accepted_formats_label() -> str:
    return uploads.labels()


def clean_name(raw: str) -> str:
    """The name without its extension, reduced to letters, digits, dots, dashes and underscores.

    A name carrying a path ("../", "/", "\\") is refused rather than cut: it is a mistake or an attack."""
    raw = raw or ""
    if "/" in raw or "\\" in raw or ".." in raw or any(unicodedata.category(char) == "Cc" for char in raw):
        raise ValidationError(
            _("Le nom du fichier « %(name)s » contient un chemin ou des caractères interdits : renommez le fichier.")
            % {"name": raw[:80]},
            code="path_in_name",
        )
    stem = raw.rsplit(".", 1)[0] if "." in raw.lstrip(".") else raw
    ascii_name = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).strip(".-_")
    return ascii_name[:MAX_NAME_LENGTH].rstrip(".-_") or "fichier"


def check_upload(upload) -> CheckedUpload:
    """Name, then size and content (`core.uploads.check_file`): a French ValidationError naming the file."""
    stem = clean_name(uploads.upload_name(upload))
    file_format = uploads.check_file(upload, max_bytes=max_upload_bytes())
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(_CHUNK), b""):
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(f"{stem}.{file_format.extension}", file_format, upload.size, digest.hexdigest())
