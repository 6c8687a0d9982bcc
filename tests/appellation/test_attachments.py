"""Attachments: the type is read from the content, the size is capped, and only some people may read them."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fabrique.appellation import services
from fabrique.appellation.models import RequestAttachment
from fabrique.core.uploads import DOCX, ODT, PDF, check_file

from .conftest import APPELLATION_ROLES, open_session_with

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"


def office_file(kind: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if kind == "odt":
            archive.writestr("mimetype", ODT.content_type)
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF_BYTES, PDF),
        (office_file("odt"), ODT),
        (office_file("docx"), DOCX),
    ],
)
def test_the_type_is_read_from_the_content(content, expected):
    assert check_file(io.BytesIO(content), max_bytes=10_000) == expected


@pytest.mark.parametrize("content", [b"MZ\x90\x00 an executable", b"<html><script>alert(1)</script></html>"])
def test_an_executable_or_a_page_is_not_a_document(content):
    with pytest.raises(ValidationError, match="n'est pas d'un type accepté"):
        check_file(io.BytesIO(content), max_bytes=10_000)


def test_a_renamed_executable_is_refused_with_the_accepted_formats(draft, member):
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match="n'est pas d'un type accepté") as error:
        services.add_attachment(draft, by=member, title="Rapport", upload=fake)
    assert "PDF, ODT" in error.value.message_dict["file"][0]
    assert not RequestAttachment.objects.exists()


def test_an_oversized_file_is_refused(draft, member, settings):
    settings.APPELLATION_ATTACHMENT_MAX_BYTES = 1000
    big = SimpleUploadedFile("gros.pdf", PDF_BYTES + b"0" * 2000)
    with pytest.raises(ValidationError, match="limite"):
        services.add_attachment(draft, by=member, title="Gros", upload=big)


def test_a_valid_document_is_stored_under_a_random_name_with_the_detected_extension(draft, member):
    attachment = services.add_attachment(
        draft, by=member, title="Bilan 2025", upload=SimpleUploadedFile("../../etc/bilan.odt", office_file("odt"))
    )
    assert attachment.content_type == ODT.content_type and attachment.file.name.endswith(".odt")
    assert "etc" not in attachment.file.name and attachment.file.name.startswith(f"appellation/{draft.pk}/")


def test_removing_an_attachment_from_a_draft_deletes_the_file(draft, member, django_capture_on_commit_callbacks):
    attachment = services.add_attachment(draft, by=member, title="Bilan", upload=SimpleUploadedFile("b.pdf", PDF_BYTES))
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_attachment(attachment, by=member)
    assert not storage.exists(name) and not RequestAttachment.objects.exists()


EXPECTED_DOWNLOAD = {"coordinator": 200, "applicant": 200, "voter": 200, "other_member": 404, "anonymous": 302}


@pytest.mark.parametrize("appellation_persona", APPELLATION_ROLES, indirect=True)
def test_attachments_are_served_only_to_the_coordinator_the_applicant_and_the_voters(
    appellation_persona, draft, member, coordinator, voters, client_for
):
    attachment = services.add_attachment(draft, by=member, title="Bilan", upload=SimpleUploadedFile("b.pdf", PDF_BYTES))
    services.submit_request(draft, by=member)
    open_session_with(coordinator, [draft])
    name, user = appellation_persona
    response = client_for(user).get(reverse("appellation:attachment_download", args=[draft.pk, attachment.pk]))
    assert response.status_code == EXPECTED_DOWNLOAD[name]
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Type"] == PDF.content_type
        assert response["Content-Disposition"].startswith("attachment;")


def test_a_voter_of_another_session_cannot_read_the_attachments(draft, member, client_for):
    from tests.factories import MembershipFactory, StructureFactory

    attachment = services.add_attachment(draft, by=member, title="Bilan", upload=SimpleUploadedFile("b.pdf", PDF_BYTES))
    services.submit_request(draft, by=member)
    outsider = MembershipFactory(structure=StructureFactory(labelled=True)).user
    response = client_for(outsider).get(reverse("appellation:attachment_download", args=[draft.pk, attachment.pk]))
    assert response.status_code == 404
