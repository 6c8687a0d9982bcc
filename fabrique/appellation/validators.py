"""Attachments: the type is read from the content (not the name nor the browser's claim), the size is capped."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF = "application/pdf"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PNG = "image/png"
JPEG = "image/jpeg"

EXTENSIONS = {
    PDF: ".pdf",
    ODT: ".odt",
    ODS: ".ods",
    ODP: ".odp",
    DOCX: ".docx",
    XLSX: ".xlsx",
    PPTX: ".pptx",
    PNG: ".png",
    JPEG: ".jpg",
}
LABELS = "PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX, PNG, JPEG"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# The part that tells one Office Open XML document from another.
OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
ODF_TYPES = {ODT, ODS, ODP}


def max_attachment_bytes() -> int:
    return int(getattr(settings, "APPELLATION_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def _zip_type(upload) -> str | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return declared if declared in ODF_TYPES else None
            if "[Content_Types].xml" in names:
                return next((kind for part, kind in OOXML_PARTS.items() if part in names), None)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    return None


def detect_type(upload) -> str | None:
    """The document's type from its first bytes (and its inner structure for ZIP-based formats), or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        found = _zip_type(upload)
        upload.seek(0)
        return found
    return None


def validate_attachment(upload) -> str:
    """Returns the detected content type; raises a French ValidationError naming the problem."""
    limit = max_attachment_bytes()
    if upload.size == 0:
        raise ValidationError(_("Le fichier est vide."), code="empty")
    if upload.size > limit:
        raise ValidationError(
            _("Le fichier pèse %(size)s ; la limite est de %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    kind = detect_type(upload)
    if kind is None:
        raise ValidationError(
            _("Ce type de fichier n'est pas accepté. Formats acceptés : %(formats)s.") % {"formats": LABELS},
            code="type",
        )
    return kind
