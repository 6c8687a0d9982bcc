"""The library refuses decompression bombs and lying archives through `core.uploads`, without inflating them,
and writes nothing: no resource, no file row, no file on disk."""

import html

import pytest
from django.core.exceptions import ValidationError

from fabrique.library import services
from fabrique.library.models import Resource, ResourceFile
from tests.core import archives
from tests.core.test_uploads import PEAK_LIMIT, peak_while

from . import files
from .test_uploads import CREATE_URL, _form, _stored_files

DATA = {"title": "Guide", "kind": "guide", "summary": "Résumé", "visibility": "network"}


@pytest.mark.parametrize("kind", ["bomb", "lying", "entries"])
def test_the_service_refuses_a_hostile_archive_and_writes_nothing(member, structure, media_root, kind):
    upload = files.upload("guide.odt", archives.HOSTILE[kind]())
    caught = []

    def create():
        with pytest.raises(ValidationError, match=r"guide\.odt.+est refusé") as error:
            services.create_resource(member, {**DATA, "author_structure": structure}, upload=upload)
        caught.append(error.value)

    peak = peak_while(create)
    assert caught[0].code == "archive" and "guide.odt" in caught[0].messages[0]
    assert peak < PEAK_LIMIT
    assert not Resource.objects.exists() and not ResourceFile.objects.exists()
    assert _stored_files(media_root) == []


def test_the_issue_s_bomb_posted_to_the_page_is_refused_beside_the_field(client_for, member, structure, media_root):
    client = client_for(member)
    upload = files.upload("rapport.odt", archives.odt_bomb(), "application/vnd.oasis.opendocument.text")
    responses = []
    peak = peak_while(lambda: responses.append(client.post(CREATE_URL, _form(structure, upload))))
    assert responses[0].status_code == 200
    text = html.unescape(responses[0].content.decode()).replace("\u00a0", " ")
    assert "Le fichier « rapport.odt » est refusé : une fois décompressé, il occuperait 1024,0 Mo" in text
    assert peak < PEAK_LIMIT
    assert not Resource.objects.exists() and not ResourceFile.objects.exists()
    assert _stored_files(media_root) == []


def test_a_new_version_that_is_a_bomb_leaves_the_resource_as_it_was(member, network_resource, media_root):
    version = network_resource.version
    with pytest.raises(ValidationError, match=r"v2\.xlsx.+est refusé.+une fois décompressé") as error:
        services.add_file(network_resource, member, files.upload("v2.xlsx", archives.xlsx_bomb()))
    assert error.value.code == "archive"
    network_resource.refresh_from_db()
    assert network_resource.version == version and not network_resource.files.exists()
    assert _stored_files(media_root) == []


def test_a_real_document_is_still_stored(member, structure, media_root):
    resource = services.create_resource(
        member, {**DATA, "author_structure": structure}, upload=files.upload("bilan.docx", archives.real_docx())
    )
    stored = resource.files.get()
    with stored.file.open("rb") as content:
        assert stored.file_format == "docx" and content.read() == archives.real_docx()
