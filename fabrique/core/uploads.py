"""What an uploaded file really is, read from its content, and whether it is safe to keep or to open.

Every upload goes through `check_file` (library resources, appellation attachments, spreadsheet imports,
and any later one such as project documents). The type comes from the content — magic bytes, and for
ZIP-based office documents the structure of the archive — never from the name or the browser's claim.

An archive is never inflated to be recognised. Before any entry is read, its central directory must declare
at most `MAX_ENTRIES` entries and at most `settings.UPLOAD_MAX_EXPANDED_MB` once inflated, no entry may be
compressed more than `MAX_RATIO` times (the threshold of Apache POI's `ZipSecureFile`), and the declared
sizes must be possible (compressed data that fit in the file, not larger than the inflated data). Then only
the names and the first `HEAD_BYTES` of `mimetype` are read. A document that passes may be opened with
zipfile or openpyxl: zipfile never inflates an entry beyond its declared size.
"""

import struct
import zipfile
from collections.abc import Collection
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_MAX_EXPANDED_MB = 200
MAX_ENTRIES = 5000
MAX_RATIO = 100
RATIO_GRACE_BYTES = 100 * 1024  # a small entry (a few kilobytes of repeated XML) may compress better
HEAD_BYTES = 256
# A central-directory record is 46 bytes plus the entry's name and extra fields: 1 KiB each is generous.
MAX_DIRECTORY_BYTES = MAX_ENTRIES * 1024
_END_OF_DIRECTORY = b"PK\x05\x06"
_END_RECORD = struct.Struct("<4s4H2LH")
_LONGEST_COMMENT = 0xFFFF
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_ZIP64_RECORD = struct.Struct("<4sQ2H2L4Q")
_ZIP64_RECORD_SIGNATURE = b"PK\x06\x06"


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
DOCUMENT_FORMATS = (PDF, ODT, DOCX, ODS, XLSX, ODP, PPTX, PNG, JPEG)
BY_CODE = {f.code: f for f in DOCUMENT_FORMATS}
BY_CONTENT_TYPE = {f.content_type: f for f in DOCUMENT_FORMATS}
IMAGE_FORMATS = (PNG, JPEG)
_MAGIC = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
_ZIP_MAGIC = b"PK\x03\x04"
_ODF = {f.content_type: f for f in (ODT, ODS, ODP)}
# The part that tells one Office Open XML document from another.
_OOXML = (("word/document.xml", DOCX), ("xl/workbook.xml", XLSX), ("ppt/presentation.xml", PPTX))


def labels(formats: Collection[FileFormat] = DOCUMENT_FORMATS) -> str:
    """« PDF, ODT, DOCX… »: the accepted formats as a user reads them."""
    return ", ".join(f.label for f in formats)


def max_expanded_bytes() -> int:
    return int(getattr(settings, "UPLOAD_MAX_EXPANDED_MB", DEFAULT_MAX_EXPANDED_MB)) * 1024 * 1024


def megabytes(size: int) -> str:
    """A size in MB with a decimal comma: « 25,0 »."""
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def check_file(
    upload, *, max_bytes: int, accepted: Collection[FileFormat] = DOCUMENT_FORMATS, name: str | None = None
) -> FileFormat:
    """The format of `upload`'s content; a French ValidationError naming the file at the first problem.

    `upload` is any seekable binary file (an UploadedFile, a File, a BytesIO); `name` defaults to its name.
    Refused: an empty file, a file over `max_bytes`, content that is none of `accepted` whatever its name,
    an office document with macros, and an archive whose declared entries are too many, too big once
    inflated, compressed beyond `MAX_RATIO` or impossible (see the module's docstring). Error codes:
    `empty`, `too_large`, `type`, `macros`, `archive`. The file is left at its start."""
    name = (upload_name(upload) if name is None else name) or _("sans nom")
    size = _size(upload)
    if not size:
        raise ValidationError(_("Le fichier «\u00a0%(name)s\u00a0» est vide.") % {"name": name}, code="empty")
    if size > max_bytes:
        raise ValidationError(
            _("Le fichier «\u00a0%(name)s\u00a0» pèse %(size)s\u00a0Mo\u00a0: la limite est de %(limit)s\u00a0Mo.")
            % {"name": name, "size": megabytes(size), "limit": _limit_label(max_bytes)},
            code="too_large",
        )
    try:
        found = detect_format(upload, size, name)
    finally:
        upload.seek(0)
    if found is None or found not in accepted:
        raise ValidationError(
            _(
                "Le contenu du fichier «\u00a0%(name)s\u00a0» n'est pas d'un type accepté (%(formats)s), "
                "quelle que soit son extension."
            )
            % {"name": name, "formats": labels(accepted)},
            code="type",
        )
    return found


def detect_format(upload, size: int | None = None, name: str = "") -> FileFormat | None:
    """The format read from the first bytes (and, for an archive, from its inspection), or None; an archive
    that breaks the rules of the module's docstring raises ValidationError (code `archive` or `macros`)."""
    size = _size(upload) if size is None else size
    upload.seek(0)
    head = upload.read(16)
    found = next((fmt for magic, fmt in _MAGIC if head.startswith(magic)), None)
    if found is None and head.startswith(_ZIP_MAGIC):
        found = _archive_format(upload, size, name)
    return found


def upload_name(upload) -> str:
    """The name the file came with (the browser's or the script's), or ""."""
    return str(getattr(upload, "name", "") or "")


def _size(upload) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        size = upload.seek(0, 2)
    upload.seek(0)
    return size


def _limit_label(max_bytes: int) -> str:
    return str(max_bytes // (1024 * 1024)) if max_bytes % (1024 * 1024) == 0 else megabytes(max_bytes)


def _refuse_archive(name: str, reason: str):
    raise ValidationError(
        _("Le fichier «\u00a0%(name)s\u00a0» est refusé\u00a0: %(reason)s.") % {"name": name, "reason": reason},
        code="archive",
    )


def _archive_format(upload, size: int, name: str) -> FileFormat | None:
    directory = _end_record(upload, size)
    if directory is None:
        return None
    entries, directory_bytes = directory
    if entries > MAX_ENTRIES or directory_bytes > MAX_DIRECTORY_BYTES:
        _too_many_entries(name)
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            _check_declared_sizes(infos, size, name)
            return _office_format(archive, {info.filename for info in infos}, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, KeyError, EOFError, OSError):
        return None  # not a readable archive (encrypted, damaged, unknown compression): not a document we accept


def _end_record(upload, size: int) -> tuple[int, int] | None:
    """(entries, central directory bytes) from the archive's end record, read before zipfile parses anything:
    a central directory of a million entries is refused without building a million objects."""
    tail_length = min(size, _END_RECORD.size + _LONGEST_COMMENT)
    upload.seek(size - tail_length)
    tail = upload.read(tail_length)
    position = tail.rfind(_END_OF_DIRECTORY)
    if position < 0 or len(tail) - position < _END_RECORD.size:
        return None
    fields = _END_RECORD.unpack(tail[position : position + _END_RECORD.size])
    if fields[4] == 0xFFFF or fields[5] == 0xFFFFFFFF:  # ZIP64: the real figures are in the ZIP64 end record
        return _zip64_end_record(upload, tail[max(0, position - _ZIP64_LOCATOR.size) : position])
    return fields[4], fields[5]


def _zip64_end_record(upload, locator: bytes) -> tuple[int, int] | None:
    if len(locator) != _ZIP64_LOCATOR.size or not locator.startswith(_ZIP64_LOCATOR_SIGNATURE):
        return None
    upload.seek(_ZIP64_LOCATOR.unpack(locator)[2])
    record = upload.read(_ZIP64_RECORD.size)
    if len(record) != _ZIP64_RECORD.size or not record.startswith(_ZIP64_RECORD_SIGNATURE):
        return None
    fields = _ZIP64_RECORD.unpack(record)
    return fields[7], fields[8]


def _too_many_entries(name: str):
    _refuse_archive(
        name,
        _("l'archive contient plus de %(count)s\u00a0éléments, ce qu'aucun document bureautique ne fait")
        % {"count": MAX_ENTRIES},
    )


def _check_declared_sizes(infos: list[zipfile.ZipInfo], size: int, name: str) -> None:
    """The rules of the module's docstring, on the sizes the central directory declares (nothing inflated)."""
    if len(infos) > MAX_ENTRIES:
        _too_many_entries(name)
    expanded = sum(info.file_size for info in infos)
    if expanded > max_expanded_bytes():
        _refuse_archive(
            name,
            _("une fois décompressé, il occuperait %(size)s\u00a0Mo (limite\u00a0: %(limit)s\u00a0Mo)")
            % {"size": megabytes(expanded), "limit": _limit_label(max_expanded_bytes())},
        )
    if sum(info.compress_size for info in infos) > size:
        _refuse_archive(name, _("les tailles déclarées par l'archive sont fausses"))
    for info in infos:
        _check_entry(info, name)
    if expanded > RATIO_GRACE_BYTES and expanded > MAX_RATIO * max(1, sum(info.compress_size for info in infos)):
        _refuse_archive(name, _too_compressed())


def _check_entry(info: zipfile.ZipInfo, name: str) -> None:
    # Deflate never grows data by more than a few bytes per block: more compressed than inflated bytes is a lie.
    if info.compress_size > info.file_size + info.file_size // 100 + 1024:
        _refuse_archive(name, _("les tailles déclarées par l'archive sont fausses"))
    if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
        _refuse_archive(name, _("les tailles déclarées par l'archive sont fausses"))
    if info.file_size > RATIO_GRACE_BYTES and info.file_size > MAX_RATIO * max(1, info.compress_size):
        _refuse_archive(name, _too_compressed())


def _too_compressed() -> str:
    return _(
        "l'archive est compressée plus de %(ratio)s\u00a0fois, comme une bombe de décompression\u00a0; "
        "enregistrez à nouveau le document depuis votre logiciel"
    ) % {"ratio": MAX_RATIO}


def _office_format(archive: zipfile.ZipFile, names: set[str], name: str) -> FileFormat | None:
    if "mimetype" in names:
        with archive.open("mimetype") as entry:
            declared = entry.read(HEAD_BYTES)  # bounded: a lying entry is never inflated whole
        return _ODF.get(declared.decode("ascii", "replace").strip())
    if "[Content_Types].xml" not in names:
        return None
    if any(part.lower().endswith("vbaproject.bin") for part in names):
        raise ValidationError(
            _(
                "Le fichier «\u00a0%(name)s\u00a0» contient des macros, qui ne sont pas acceptées\u00a0: "
                "enregistrez-le sans macro."
            )
            % {"name": name},
            code="macros",
        )
    return next((fmt for part, fmt in _OOXML if part in names), None)
