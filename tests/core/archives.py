"""Hostile and honest archives, built in the tests with zipfile: decompression bombs, archives that lie about
their sizes, archives of too many entries, and real office documents."""

import functools
import io
import struct
import zipfile

from openpyxl import Workbook

from fabrique.core.uploads import ODT

GIB = 1024**3
_MIB_OF_ZEROS = bytes(1024 * 1024)
_CENTRAL_RECORD = b"PK\x01\x02"
_LOCAL_RECORD = b"PK\x03\x04"
SHEET = "xl/worksheets/sheet1.xml"
XLSX_PARTS = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}


def _zip(
    entries: dict[str, bytes],
    big_entry: str | None = None,
    big_size: int = 0,
    start: bytes = b"",
    end: bytes = b"",
    chunk: bytes = _MIB_OF_ZEROS,
) -> bytes:
    """A ZIP_DEFLATED archive of `entries`, plus `big_entry`: `start`, `chunk` repeated up to `big_size`, `end`,
    streamed in (a repeated chunk compresses about a thousand times: the archive stays small on disk)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if big_entry:
            info = zipfile.ZipInfo(big_entry)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as entry:
                entry.write(start)
                for _ in range(big_size // len(chunk)):
                    entry.write(chunk)
                entry.write(end)
        for name, content in entries.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@functools.cache
def odt_bomb() -> bytes:
    """The issue's file: about 1 MB, ODT-shaped, whose `mimetype` entry inflates to 1 GiB of zeros."""
    return _zip({"content.xml": b"<office:document-content/>"}, "mimetype", GIB, start=ODT.content_type.encode())


@functools.cache
def xlsx_bomb() -> bytes:
    """A real workbook whose sheet, valid XML, inflates to 1 GiB: tens of millions of rows « bombe » that
    openpyxl would stream, one by one, into the import's list of rows."""
    with zipfile.ZipFile(io.BytesIO(real_xlsx(rows=1))) as workbook:
        parts = {name: workbook.read(name) for name in workbook.namelist() if name != SHEET}
    row = b'<row><c t="inlineStr"><is><t>bombe</t></is></c></row>'
    start = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    return _zip(parts, SHEET, GIB, start=start, end=b"</sheetData></worksheet>", chunk=row * (1024 * 1024 // len(row)))


@functools.cache
def ratio_bomb(size: int = 64 * 1024 * 1024) -> bytes:
    """Under the size limit once inflated, but compressed about a thousand times: refused for its ratio."""
    return _zip(XLSX_PARTS, "xl/worksheets/sheet1.xml", size)


def _patch_sizes(data: bytes, name: str, *, compressed: int | None = None, inflated: int | None = None) -> bytes:
    """`data` whose headers (central and local) declare other sizes for `name`: what a forger writes."""
    out = bytearray(data)
    encoded = name.encode()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(name).header_offset
    central = out.find(_CENTRAL_RECORD)
    while central >= 0:
        name_length = struct.unpack_from("<H", out, central + 28)[0]
        if bytes(out[central + 46 : central + 46 + name_length]) == encoded:
            break
        central = out.find(_CENTRAL_RECORD, central + 4)
    assert central >= 0 and bytes(out[local : local + 4]) == _LOCAL_RECORD
    for offset, value in ((20, compressed), (24, inflated)):
        if value is not None:
            struct.pack_into("<L", out, central + offset, value)
            struct.pack_into("<L", out, local + offset - 2, value)  # the local header is 2 bytes shorter there
    return bytes(out)


def lying_bomb() -> bytes:
    """A 64 MiB entry whose headers claim 1 KiB once inflated: small declared sizes, a bomb inside."""
    return _patch_sizes(ratio_bomb(), "xl/worksheets/sheet1.xml", inflated=1024)


def overlapping_sizes() -> bytes:
    """An archive claiming more compressed data than the file holds (entries sharing the same bytes)."""
    honest = _zip({**XLSX_PARTS, "xl/worksheets/sheet1.xml": b"<worksheet/>" * 1000})
    return _patch_sizes(honest, "xl/worksheets/sheet1.xml", compressed=10 * len(honest), inflated=20 * len(honest))


def many_entries(count: int) -> bytes:
    """A DOCX-shaped archive of `count` entries in all."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<document/>")
        for number in range(count - 2):
            archive.writestr(f"word/media/{number}.xml", b"")
    return buffer.getvalue()


def with_entry_count(data: bytes, count: int) -> bytes:
    """`data` whose end record declares `count` entries (the central directory itself unchanged)."""
    out = bytearray(data)
    end = out.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", out, end + 8, count, count)
    return bytes(out)


def real_xlsx(rows: int = 2000) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Données"
    for row in [["Intitulé", "Emplois"], *([f"Épicerie solidaire {n}", n] for n in range(rows))]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def real_odt() -> bytes:
    from fabrique.library.demo_files import odt

    return odt("Compte rendu", ["Séance de créativité à Morlaix.", "Document fictif."] * 200)


def real_docx() -> bytes:
    """A minimal but complete WordprocessingML package, as Word writes it (content types, relations, body)."""
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument"/></Relationships>'
    )
    paragraphs = "".join(f"<w:p><w:r><w:t>Paragraphe {n} du bilan.</w:t></w:r></w:p>" for n in range(500))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{paragraphs}</w:body></w:document>"
    )
    return _zip(
        {"[Content_Types].xml": types.encode(), "_rels/.rels": rels.encode(), "word/document.xml": document.encode()}
    )


HOSTILE = {
    "bomb": odt_bomb,
    "ratio": ratio_bomb,
    "lying": lying_bomb,
    "overlapping": overlapping_sizes,
    "entries": lambda: many_entries(5001),
    "entries_hidden": lambda: with_entry_count(many_entries(5001), 3),
}


def zip64_ended(count: int, monkeypatch) -> bytes:
    """A DOCX-shaped archive of `count` entries whose end is written the ZIP64 way, as some writers always do
    (the classic end record then only holds 0xFFFF placeholders)."""
    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 1)
    try:
        return with_entry_count(many_entries(count), 0xFFFF)
    finally:
        monkeypatch.undo()
