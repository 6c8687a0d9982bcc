"""An appellation attachment goes through `core.uploads`: the issue's 1 GiB ODT bomb, a lying archive and an
archive of too many entries are refused without being inflated, and nothing is written (no row, no file)."""

from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fabrique.appellation import services
from fabrique.appellation.models import RequestAttachment
from tests.core import archives
from tests.core.test_uploads import PEAK_LIMIT, peak_while


def _private_files(settings) -> list[Path]:
    root = Path(settings.APPELLATION_PRIVATE_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.parametrize("kind", ["bomb", "lying", "entries"])
def test_the_service_refuses_a_hostile_archive_and_writes_nothing(draft, member, settings, kind):
    version = draft.version
    upload = SimpleUploadedFile("bilan.odt", archives.HOSTILE[kind]())
    caught = []

    def add():
        with pytest.raises(ValidationError, match=r"bilan\.odt.+est refusé") as error:
            services.add_attachment(draft, by=member, title="Bilan", upload=upload)
        caught.append(error.value)

    peak = peak_while(add)
    assert "bilan.odt" in caught[0].message_dict["file"][0]
    assert peak < PEAK_LIMIT
    draft.refresh_from_db()
    assert draft.version == version and not RequestAttachment.objects.exists()
    assert _private_files(settings) == []


def test_the_issue_s_bomb_posted_to_the_page_is_refused_with_a_french_message(draft, member, client_for, settings):
    client = client_for(member)
    upload = SimpleUploadedFile(
        "bilan.odt", archives.odt_bomb(), content_type="application/vnd.oasis.opendocument.text"
    )
    responses = []
    url = reverse("appellation:attachment_add", args=[draft.pk])
    peak = peak_while(lambda: responses.append(client.post(url, {"title": "Bilan", "file": upload})))
    assert responses[0].status_code == 302
    shown = [str(message).replace("\u00a0", " ") for message in get_messages(responses[0].wsgi_request)]
    assert len(shown) == 1
    assert shown[0].startswith("Le document n'a pas été ajouté. Fichier : Le fichier « bilan.odt » est refusé")
    assert "une fois décompressé, il occuperait 1024,0 Mo" in shown[0]
    assert peak < PEAK_LIMIT
    assert not RequestAttachment.objects.exists()
    assert _private_files(settings) == []


def test_a_real_document_is_still_attached(draft, member):
    attachment = services.add_attachment(
        draft, by=member, title="Budget", upload=SimpleUploadedFile("budget.xlsx", archives.real_xlsx())
    )
    assert attachment.file.name.endswith(".xlsx")
    assert attachment.content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
