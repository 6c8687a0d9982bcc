"""The shared content check: the real type of a file, and archives judged on what they declare, never inflated."""

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from fabrique.core import uploads
from fabrique.core.uploads import DOCX, ODT, PDF, XLSX, check_file

from . import archives

LIMIT = 20 * 1024 * 1024
PEAK_LIMIT = 50 * 1024 * 1024
EXPECTED_REFUSAL = {
    "bomb": "une fois décompressé, il occuperait 1024,0",
    "ratio": "compressée plus de 100",
    "lying": "les tailles déclarées par l'archive sont fausses",
    "overlapping": "les tailles déclarées par l'archive sont fausses",
    "entries": "plus de 5000",
    "entries_hidden": "plus de 5000",
}


def refusal(content: bytes, **options) -> ValidationError:
    # every refusal names the file; each test then checks the reason it expects
    with pytest.raises(ValidationError, match=r"envoi\.odt") as caught:
        check_file(io.BytesIO(content), max_bytes=options.pop("max_bytes", LIMIT), name="envoi.odt", **options)
    return caught.value


def peak_while(function) -> int:
    tracemalloc.start()
    try:
        function()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


@pytest.mark.parametrize("kind", sorted(archives.HOSTILE))
def test_a_hostile_archive_is_refused_with_the_reason_without_inflating_it(kind):
    content = archives.HOSTILE[kind]()
    assert len(content) < 2 * 1024 * 1024  # small on disk: the danger is what it inflates to
    errors = []
    peak = peak_while(lambda: errors.append(refusal(content)))
    assert errors[0].code == "archive"
    assert EXPECTED_REFUSAL[kind] in errors[0].messages[0].replace("\u00a0", " ")
    assert "envoi.odt" in errors[0].messages[0]
    assert peak < PEAK_LIMIT, f"{peak / 1e6:.0f} Mo alloués pour refuser {kind}"


def test_the_bomb_is_refused_before_any_entry_is_opened(monkeypatch):
    bomb = archives.odt_bomb()  # built first: building it writes entries, which only the check must not read
    opened = []
    original = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, *a, **k: opened.append(a) or original(self, *a, **k))
    error = refusal(bomb)
    assert error.code == "archive" and opened == []


def test_the_ratio_still_refuses_the_bomb_when_the_size_limit_is_raised(settings):
    settings.UPLOAD_MAX_EXPANDED_MB = 4096
    error = refusal(archives.odt_bomb())
    assert "compressée plus de 100" in error.messages[0].replace("\u00a0", " ")


def test_the_inflated_size_limit_is_the_upload_max_expanded_mb_setting(settings):
    settings.UPLOAD_MAX_EXPANDED_MB = 1
    honest = archives.real_xlsx(rows=15000)  # about 1.5 MB once inflated
    error = refusal(honest)
    assert "(limite : 1 Mo)" in error.messages[0].replace("\u00a0", " ")
    settings.UPLOAD_MAX_EXPANDED_MB = 200
    assert check_file(io.BytesIO(honest), max_bytes=LIMIT) == XLSX


@pytest.mark.parametrize(
    ("build", "expected"),
    [(archives.real_odt, ODT), (archives.real_docx, DOCX), (archives.real_xlsx, XLSX)],
    ids=["odt", "docx", "xlsx"],
)
def test_a_real_office_document_is_accepted(build, expected):
    content = build()
    upload = io.BytesIO(content)
    assert check_file(upload, max_bytes=LIMIT) == expected
    assert upload.tell() == 0  # left at its start, ready to be stored
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None  # a sound archive, not a look-alike


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00This program cannot be run in DOS mode.",
        b"<!doctype html><html><body><script>alert(1)</script></body></html>",
        b"\x7fELF\x02\x01\x01\x00",
        archives._zip({"index.html": b"<script>alert(1)</script>"}),
        archives._zip({"mimetype": b"text/html", "index.html": b"<script>alert(1)</script>"}),
        b"PK\x03\x04 a damaged archive",
    ],
    ids=["exe", "html", "elf", "zip-of-html", "zip-claiming-html", "damaged-zip"],
)
def test_a_renamed_executable_page_or_archive_is_refused_whatever_its_name(content):
    error = refusal(content)
    assert error.code == "type"
    assert "n'est pas d'un type accepté (PDF, ODT, DOCX, ODS, XLSX, ODP, PPTX, PNG, JPEG)" in error.messages[0]


def test_a_caller_accepts_only_its_formats():
    pdf = b"%PDF-1.7\n%%EOF"
    assert check_file(io.BytesIO(pdf), max_bytes=LIMIT) == PDF
    error = refusal(pdf, accepted=(XLSX,))
    assert error.code == "type" and "(XLSX)" in error.messages[0]


def test_an_empty_file_a_too_large_file_and_macros_are_refused():
    assert refusal(b"").code == "empty"
    too_large = refusal(b"%PDF-1.7" + bytes(2 * 1024 * 1024), max_bytes=1024 * 1024)
    assert too_large.code == "too_large"
    assert "pèse 2,0 Mo : la limite est de 1 Mo." in too_large.messages[0].replace("\u00a0", " ")
    macros = archives._zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"", "word/vbaProject.bin": b""})
    assert refusal(macros).code == "macros"


def test_the_fixed_limits_are_the_documented_ones():
    documentation = (Path(__file__).resolve().parents[2] / "docs" / "configuration.md").read_text(encoding="utf-8")
    line = next(line for line in documentation.splitlines() if line.startswith("| `UPLOAD_MAX_EXPANDED_MB`"))
    assert f"| `{uploads.DEFAULT_MAX_EXPANDED_MB}` |" in line
    assert f"{uploads.MAX_ENTRIES:,} éléments au plus".replace(",", " ") in line
    assert f"plus de {uploads.RATIO_GRACE_BYTES // 1024} Kio compressé plus de {uploads.MAX_RATIO} fois" in line


def test_an_archive_ended_the_zip64_way_is_judged_on_its_zip64_figures(monkeypatch):
    small = archives.zip64_ended(3, monkeypatch)
    assert small[small.rfind(b"PK\x05\x06") + 10 : small.rfind(b"PK\x05\x06") + 12] == b"\xff\xff"
    assert check_file(io.BytesIO(small), max_bytes=LIMIT) == DOCX
    error = refusal(archives.zip64_ended(5001, monkeypatch))
    assert error.code == "archive" and "plus de 5000" in error.messages[0].replace("\u00a0", " ")
