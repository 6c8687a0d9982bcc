"""The documents API of a project's workspace: the same rights as the « Documents » tab, answers with abilities."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.workspace.enums import DocumentVisibility
from fabrique.workspace.models import ProjectDocument, ProjectDocumentVersion
from tests.library.files import EXECUTABLE, PDF

from .factories import make_document, pdf_upload

TEAM, PROJECT = DocumentVisibility.TEAM, DocumentVisibility.PROJECT


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """The documents' files live outside the public media, in the private storage."""
    settings.APPELLATION_PRIVATE_ROOT = tmp_path / "private"


def _base(project) -> str:
    return f"/api/v1/projects/{project.pk}/documents"


def _read(response) -> bytes:
    return b"".join(response.streaming_content)  # consuming the stream closes the file


def test_a_carrier_lists_only_the_documents_for_everyone(project, member, carrier, bearer_client):
    make_document(project, member, title="Note interne", visibility=TEAM)
    make_document(project, member, title="Compte rendu", visibility=PROJECT)
    body = bearer_client(carrier).get(_base(project)).json()
    assert [row["title"] for row in body["results"]] == ["Compte rendu"]
    assert body["abilities"] == {"upload": True}
    assert body["visibilities"] == ["project"]
    assert body["results"][0]["abilities"] == {
        "view": True,
        "add_version": True,
        "change_visibility": False,
        "delete": False,
        "publish": False,
    }
    team = bearer_client(member).get(_base(project)).json()
    assert [row["title"] for row in team["results"]] == ["Compte rendu", "Note interne"]
    assert team["visibilities"] == ["team", "project"]


def test_a_team_document_cannot_be_downloaded_nor_versioned_by_a_carrier(project, member, carrier, bearer_client):
    document = make_document(project, member, visibility=TEAM)
    version = document.versions.get()
    client = bearer_client(carrier)
    download = client.get(f"/api/v1/documents/{document.pk}/versions/{version.pk}")
    assert (download.status_code, download.json()) == (404, {"detail": "Introuvable."})
    added = client.post(f"/api/v1/documents/{document.pk}/versions", {"file": pdf_upload()})
    assert added.status_code == 404
    assert document.versions.count() == 1


def test_the_download_sends_the_file_to_a_reader(project, member, carrier, bearer_client):
    document = make_document(project, member, visibility=PROJECT)
    url = bearer_client(carrier).get(_base(project)).json()["results"][0]["versions"][0]["url"]
    response = bearer_client(carrier).get(url)
    assert response["Content-Disposition"] == 'inline; filename="etude.pdf"'
    assert _read(response) == PDF
    assert url.endswith(f"/api/v1/documents/{document.pk}/versions/{document.versions.get().pk}")


def test_upload_and_new_version_through_the_api(project, member, carrier, bearer_client):
    client = bearer_client(carrier)
    created = client.post(
        _base(project),
        {"title": "Business plan", "kind": "business_plan", "visibility": "project", "file": pdf_upload()},
    )
    assert created.status_code == 201
    document = created.json()
    assert (document["title"], document["visibility"], len(document["versions"])) == ("Business plan", "project", 1)
    added = client.post(f"/api/v1/documents/{document['id']}/versions", {"file": pdf_upload("bp-v2.pdf"), "note": "v2"})
    assert added.status_code == 201
    assert [(row["number"], row["name"], row["note"]) for row in added.json()["versions"]] == [
        (2, "bp-v2.pdf", "v2"),
        (1, "etude.pdf", ""),
    ]


def test_a_refused_file_is_a_422_in_french_and_nothing_is_saved(project, member, bearer_client, settings):
    response = bearer_client(member).post(
        _base(project),
        {"title": "Budget", "kind": "business_plan", "file": SimpleUploadedFile("budget.pdf", EXECUTABLE)},
    )
    assert response.status_code == 422
    assert "quelle que soit son extension" in str(response.json()["detail"])
    assert not ProjectDocument.objects.exists()
    assert not ProjectDocumentVersion.objects.exists()
    assert not list(settings.APPELLATION_PRIVATE_ROOT.rglob("*.*"))


def test_a_carrier_cannot_upload_a_team_document_and_an_observer_nothing(project, carrier, observer, bearer_client):
    data = {"title": "Budget", "kind": "business_plan", "visibility": "team"}
    refused = bearer_client(carrier).post(_base(project), data | {"file": pdf_upload()})
    assert refused.status_code == 422
    assert "réservé à l'équipe" in str(refused.json()["detail"])
    observed = bearer_client(observer).post(_base(project), data | {"visibility": "project", "file": pdf_upload()})
    assert observed.status_code == 403
    assert not ProjectDocument.objects.exists()


def test_whoever_is_not_on_the_project_gets_a_404(project, member, other_member, bearer_client):
    make_document(project, member, visibility=PROJECT)
    assert bearer_client(other_member).get(_base(project)).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_costs_the_same_queries_for_3_and_30_documents(project, member, bearer_client, count):
    for number in range(count):
        make_document(project, member, title=f"Document {number}", visibility=PROJECT)
    client = bearer_client(member)
    client.get(_base(project))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_base(project)).json()["count"] == count
    assert len(queries) == LIST_QUERIES


# The token and its user, the project, the caller's roles, the count, the documents, their versions.
LIST_QUERIES = 6
