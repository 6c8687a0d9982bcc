"""Checking an uploaded file before anything is stored: its size, its real type, its name.

The type is read from the content (magic bytes; for ZIP-based office documents, the structure of the
archive), never from the name or the browser's claim. The stored name is the sanitised name with the
extension of the detected type.
"""

import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_MAX_UPLOAD_MB = 20
MAX_NAME_LENGTH = 100
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FileFormat:
    code: str
    label: str
    content_type: str
    extension: str


PDF = FileFormat("pdf", "PDF", "application/pdf", "pdf")
PNG = FileFormat("png", "PNG", "image/png", "png")
JPEG = FileFormat("jpeg", "JPEG", "image/jpeg", "jpg")
ODT = FileFormat("odt", "ODT", "application/vnd.oasis.opendocument.text", "odt")
ODS = FileFormat("ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet", "ods")
ODP = FileFormat("odp", "ODP", "application/vnd.oasis.opendocument.presentation", "odp")
DOCX = FileFormat("docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
XLSX = FileFormat("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
PPTX = FileFormat("pptx", "PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx")
FORMATS = {f.code: f for f in (PDF, ODT, DOCX, ODS, XLSX, ODP, PPTX, PNG, JPEG)}
_ODF = {ODT.content_type: ODT, ODS.content_type: ODS, ODP.content_type: ODP}
_OOXML = (("word/document.xml", DOCX), ("xl/workbook.xml", XLSX), ("ppt/presentation.xml", PPTX))
IMAGE_FORMATS = {PNG.code, JPEG.code}


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    file_format: FileFormat
    size: int
    sha256: str


def max_upload_bytes() -> int:
    return int(getattr(settings, "LIBRARY_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)) * 1024 * 1024


def accepted_formats_label() -> str:
    return ", ".join(f.label for f in FORMATS.values())


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _zip_format(upload) -> FileFormat | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                return _ODF.get(declared)
            if "[Content_Types].xml" not in names:
                return None
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise ValidationError(
                    _("Les documents qui contiennent des macros ne sont pas acceptés : enregistrez-le sans macro."),
                    code="macros",
                )
            return next((fmt for part, fmt in _OOXML if part in names), None)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError):
        return None


def detect_format(upload) -> FileFormat | None:
    """The format of the content, or None when it is not one we accept."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if head.startswith(b"\xff\xd8\xff"):
            return JPEG
        if head.startswith(b"PK\x03\x04"):
            return _zip_format(upload)
        return None
    finally:
        upload.seek(0)


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
    """Size, name, then content: a ValidationError in French naming the file at the first problem."""
    name = getattr(upload, "name", "") or ""
    size = upload.size
    if not size:
        raise ValidationError(_("Le fichier « %(name)s » est vide.") % {"name": name}, code="empty")
    limit = max_upload_bytes()
    if size > limit:
        raise ValidationError(
            _("Le fichier « %(name)s » pèse %(size)s Mo : la limite est de %(limit)s Mo.")
            % {"name": name, "size": _megabytes(size), "limit": limit // (1024 * 1024)},
            code="too_large",
        )
    stem = clean_name(name)
    file_format = detect_format(upload)
    if file_format is None:
        raise ValidationError(
            _(
                "Le contenu du fichier « %(name)s » n'est pas d'un type accepté (%(formats)s), "
                "quelle que soit son extension."
            )
            % {"name": name, "formats": accepted_formats_label()},
            code="type",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(_CHUNK), b""):
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(f"{stem}.{file_format.extension}", file_format, size, digest.hexdigest())
