"""Uploads are checked from their content, size and name before anything is stored."""

import html
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File

from fabrique.library import services
from fabrique.library.models import Resource, ResourceFile
from fabrique.library.uploads import check_upload, clean_name

from . import files

CREATE_URL = "/bibliotheque/nouvelle/"


def _form(structure, upload, **extra):
    data = {
        "title": "Guide de l'épicerie solidaire",
        "kind": "guide",
        "summary": "Monter une épicerie solidaire en milieu rural.",
        "visibility": "network",
        "author_structure": structure.pk,
        "themes": ["food"],
        "file": upload,
    }
    data.update(extra)
    return data


def _stored_files(media_root) -> list[Path]:
    root = Path(media_root)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.pdf", files.EXECUTABLE, "n'est pas d'un type accepté"),
        ("page.html", files.HTML_WITH_SCRIPT, "n'est pas d'un type accepté"),
        ("page.pdf", files.HTML_WITH_SCRIPT, "n'est pas d'un type accepté"),
        ("archive.docx", files.PLAIN_ZIP, "n'est pas d'un type accepté"),
        ("macro.docx", files.DOCM, "macros"),
        ("vide.pdf", b"", "est vide"),
    ],
)
def test_a_file_whose_content_is_not_accepted_is_refused_and_nothing_is_stored(
    client_for, member, structure, media_root, name, content, message
):
    response = client_for(member).post(CREATE_URL, _form(structure, files.upload(name, content)))
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert message in text
    assert "Fichier" in text  # the message names the field
    assert not Resource.objects.exists()
    assert not ResourceFile.objects.exists()
    assert _stored_files(media_root) == []


def test_a_25_mb_file_is_refused_with_its_size_and_the_limit(client_for, member, structure, media_root):
    big = files.upload("gros.pdf", files.PDF + b"0" * (25 * 1024 * 1024))
    response = client_for(member).post(CREATE_URL, _form(structure, big))
    assert response.status_code == 200
    assert "pèse 25,0\u00a0Mo\u00a0: la limite est de 20\u00a0Mo" in html.unescape(response.content.decode())
    assert not Resource.objects.exists()
    assert _stored_files(media_root) == []


def test_the_limit_comes_from_the_library_max_upload_mb_setting(settings, member):
    settings.LIBRARY_MAX_UPLOAD_MB = 1
    with pytest.raises(ValidationError, match="pèse 1,0.* la limite est de 1\\W"):
        check_upload(files.upload("moyen.pdf", files.PDF + b"0" * (1024 * 1024)))


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "..\\secret.pdf", "dossier/fichier.pdf", "a\x00b.pdf"])
def test_a_file_name_with_a_path_is_refused_and_nothing_is_stored(member, structure, media_root, name):
    """The service refuses any name carrying a path (files given by scripts or imports keep their name)."""
    data = {
        "title": "Guide",
        "kind": "guide",
        "summary": "Résumé",
        "visibility": "network",
        "author_structure": structure,
    }
    with pytest.raises(ValidationError, match="contient un chemin"):
        services.create_resource(member, data, upload=File(io.BytesIO(files.PDF), name=name))
    assert not Resource.objects.exists()
    assert _stored_files(media_root) == []


def test_a_path_sent_by_a_browser_never_reaches_the_disk_outside_the_resource_folder(
    client_for, member, structure, media_root
):
    """Django's parser and UploadedFile keep only the last part of a posted name; it is then cleaned."""
    response = client_for(member).post(CREATE_URL, _form(structure, files.upload("../../../evil.pdf", files.PDF)))
    assert response.status_code == 302
    stored = ResourceFile.objects.get()
    assert stored.file.name == f"library/{stored.resource_id}/1/evil.pdf"
    assert [path.name for path in _stored_files(media_root)] == ["evil.pdf"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (files.PDF, "pdf"),
        (files.PNG, "png"),
        (files.JPEG, "jpeg"),
        (files.ODT, "odt"),
        (files.ODS, "ods"),
        (files.ODP, "odp"),
        (files.DOCX, "docx"),
        (files.XLSX, "xlsx"),
        (files.PPTX, "pptx"),
    ],
)
def test_every_accepted_format_is_recognised_from_its_content_whatever_its_name(content, expected):
    checked = check_upload(files.upload("sans-extension", content))
    assert checked.file_format.code == expected
    assert checked.name == f"sans-extension.{checked.file_format.extension}"


def test_the_stored_name_is_cleaned_and_takes_the_extension_of_the_real_type():
    checked = check_upload(files.upload("Compte rendu d'été (v2).pdf", files.PNG))
    assert checked.name == "Compte-rendu-d-ete-v2.png"
    assert clean_name("  .pdf") == "fichier"


def test_a_permitted_file_is_stored_with_its_fingerprint(client_for, member, structure, media_root):
    response = client_for(member).post(CREATE_URL, _form(structure, files.upload("Guide.odt", files.ODT)))
    assert response.status_code == 302
    stored = ResourceFile.objects.get()
    assert (stored.number, stored.file_format, stored.size, stored.uploaded_by) == (1, "odt", len(files.ODT), member)
    assert len(stored.sha256) == 64
    assert not stored.file.url.startswith("/bibliotheque/")  # storage path, never linked: the view serves it
