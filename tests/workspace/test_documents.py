"""The « Documents » tab of a project's workspace: who reads which document, uploads checked like the library's,
versions kept, the team's actions, notifications, publication to the library once the activity is created."""

import html

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.core.exceptions import DomainError
from fabrique.library.enums import ResourceKind
from fabrique.library.models import Resource
from fabrique.method.enums import Stage
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification
from fabrique.workspace.enums import DocumentVisibility
from fabrique.workspace.models import ProjectDocument, ProjectDocumentVersion
from fabrique.workspace.services import documents
from tests.library.files import EXECUTABLE, PDF

from .factories import make_document, pdf_upload

TEAM, PROJECT = DocumentVisibility.TEAM, DocumentVisibility.PROJECT


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """The documents' files live outside the public media, in the private storage."""
    settings.APPELLATION_PRIVATE_ROOT = tmp_path / "private"


def _urls(document):
    version = document.versions.get()
    return {
        "detail": reverse("workspace:document", args=[document.project_id, document.pk]),
        "download": reverse("workspace:document_download", args=[document.project_id, document.pk, version.pk]),
    }


def _get(client, url) -> int:
    """The status of a GET; a file sent is read to its end and closed."""
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)  # consuming the stream closes the file
    return response.status_code


def _upload(client, project, **fields):
    data = {"title": "Budget prévisionnel", "kind": "business_plan", "visibility": "project", "file": pdf_upload()}
    return client.post(reverse("workspace:documents", args=[project.pk]), data | fields)


def test_a_carrier_never_sees_a_team_only_document(project, member, carrier, client_for):
    kept = make_document(project, member, title="Note interne sur le porteur", visibility=TEAM)
    shared = make_document(project, member, title="Compte rendu du comité", visibility=PROJECT)
    client = client_for(carrier)
    page = client.get(reverse("workspace:documents", args=[project.pk])).content.decode()
    assert "Compte rendu du comité" in page
    assert "Note interne sur le porteur" not in page
    assert [_get(client, url) for url in _urls(kept).values()] == [404, 404]
    assert [_get(client, url) for url in _urls(shared).values()] == [200, 200]


def test_the_team_and_the_coordination_read_team_only_documents(project, member, coordinator, client_for):
    kept = make_document(project, member, title="Note interne sur le porteur", visibility=TEAM)
    for user in (member, coordinator):
        page = client_for(user).get(reverse("workspace:documents", args=[project.pk])).content.decode()
        assert "Note interne sur le porteur" in page
        assert _get(client_for(user), _urls(kept)["download"]) == 200


def test_whoever_is_not_on_the_project_gets_a_404(project, member, other_member, client_for):
    document = make_document(project, member, visibility=PROJECT)
    client = client_for(other_member)
    assert client.get(reverse("workspace:documents", args=[project.pk])).status_code == 404
    assert [_get(client, url) for url in _urls(document).values()] == [404, 404]


def test_a_refused_file_gets_the_librarys_message_and_nothing_is_saved(project, member, client_for, settings):
    response = _upload(client_for(member), project, file=SimpleUploadedFile("budget.pdf", EXECUTABLE))
    assert response.status_code == 200
    assert "n&#x27;est pas d&#x27;un type accepté" in response.content.decode()
    assert not ProjectDocument.objects.exists()
    assert not ProjectDocumentVersion.objects.exists()
    assert not list(settings.APPELLATION_PRIVATE_ROOT.rglob("*.*"))


def test_the_service_refuses_a_refused_file_before_writing_anything(project, member):
    with pytest.raises(ValidationError, match="quelle que soit son extension"):
        documents.upload_document(
            project,
            member,
            title="Budget",
            kind="business_plan",
            visibility=TEAM,
            upload=SimpleUploadedFile("budget.docx", EXECUTABLE),
        )
    assert not ProjectDocument.objects.exists()
    assert not Notification.objects.exists()


def test_the_download_names_the_file_and_is_never_cached_or_run(project, member, client_for):
    document = make_document(project, member)
    response = client_for(member).get(_urls(document)["download"])
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="etude.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_new_version_keeps_the_earlier_ones(project, member, carrier, client_for):
    document = make_document(project, member, visibility=PROJECT)
    response = client_for(carrier).post(
        reverse("workspace:document_version_add", args=[project.pk, document.pk]),
        {"file": pdf_upload("etude-v2.pdf", PDF + b"% v2\n"), "note": "Chiffres de 2026"},
    )
    assert response.status_code == 302
    versions = list(document.versions.order_by("number"))
    assert [(v.number, v.name, v.note, v.uploaded_by) for v in versions] == [
        (1, "etude.pdf", "", member),
        (2, "etude-v2.pdf", "Chiffres de 2026", carrier),
    ]
    client = client_for(member)
    responses = [
        client.get(reverse("workspace:document_download", args=[project.pk, document.pk, v.pk])) for v in versions
    ]
    contents = [b"".join(response.streaming_content) for response in responses]
    assert contents == [PDF, PDF + b"% v2\n"]
    document.refresh_from_db()
    assert document.history.count() == 2


def test_an_observer_reads_but_uploads_nothing(project, member, observer, coordinator, client_for):
    document = make_document(project, member, visibility=PROJECT)
    page = client_for(observer).get(reverse("workspace:documents", args=[project.pk])).content.decode()
    assert "Déposer un document" not in page
    for user in (observer, coordinator):
        assert _upload(client_for(user), project).status_code == 403
        version_url = reverse("workspace:document_version_add", args=[project.pk, document.pk])
        assert client_for(user).post(version_url, {"file": pdf_upload()}).status_code == 403
    assert ProjectDocument.objects.count() == 1
    assert ProjectDocumentVersion.objects.count() == 1
    with pytest.raises(PermissionDenied, match="ne permet pas d'y déposer un document"):
        make_document(project, observer, visibility=PROJECT)


def test_a_carrier_uploads_only_documents_for_everyone_on_the_project(project, member, carrier, client_for):
    refused = _upload(client_for(carrier), project, visibility="team")
    assert refused.status_code == 200
    assert not ProjectDocument.objects.exists()
    assert _upload(client_for(carrier), project).status_code == 302
    document = ProjectDocument.objects.get()
    assert (document.visibility, document.created_by) == (PROJECT, carrier)
    with pytest.raises(ValidationError, match="Seule l'équipe de la structure dépose un document réservé à l'équipe"):
        make_document(project, carrier, visibility=TEAM)


def test_the_readers_are_told_but_not_the_uploader(project, member, staff_member, carrier, expert):
    make_document(project, member, title="Note interne", visibility=TEAM)
    told = Notification.objects.filter(kind=NotificationKind.PROJECT_DOCUMENT)
    assert set(told.values_list("recipient", flat=True)) == {staff_member.pk}
    told.delete()
    make_document(project, carrier, title="Mon business plan", visibility=PROJECT)
    assert set(told.values_list("recipient", flat=True)) == {member.pk, staff_member.pk, expert.pk}
    assert told.first().subject == "Projet « Épicerie solidaire de Morlaix » : nouveau document"


def test_opening_a_team_document_to_everyone_tells_the_projects_people(project, member, carrier, client_for):
    document = make_document(project, member, visibility=TEAM)
    url = reverse("workspace:document_visibility", args=[project.pk, document.pk])
    assert client_for(carrier).post(url, {"visibility": "project", "version": 1}).status_code == 404
    assert client_for(member).post(url, {"visibility": "project", "version": 1}).status_code == 302
    document.refresh_from_db()
    assert document.visibility == PROJECT
    assert list(Notification.objects.values_list("recipient", flat=True)) == [carrier.pk]
    assert client_for(carrier).post(url, {"visibility": "team", "version": 2}).status_code == 403


def test_the_team_deletes_a_document_and_its_versions_stay(project, member, carrier, client_for):
    document = make_document(project, member, visibility=PROJECT)
    url = reverse("workspace:document_delete", args=[project.pk, document.pk])
    assert client_for(carrier).post(url, {"version": 1}).status_code == 403
    assert client_for(member).post(url, {"version": 1}).status_code == 302
    assert client_for(member).get(_urls(document)["detail"]).status_code == 404
    document.refresh_from_db()
    assert document.deleted_at is not None
    assert document.versions.count() == 1
    assert document.history.first().history_user == member


def test_a_document_is_published_to_the_library_only_once_the_activity_is_created(project, member, client_for):
    document = make_document(project, member, title="Étude d'opportunité de l'épicerie")
    with pytest.raises(DomainError, match="une fois l'activité du projet créée"):
        documents.publish_to_library(document, member, summary="Ce que nous avons appris.", visibility="network")
    url = reverse("workspace:document_publish", args=[project.pk, document.pk])
    refused = client_for(member).post(url, {"summary": "Ce que nous avons appris.", "visibility": "network"})
    assert "une fois l'activité du projet créée" in html.unescape(refused.content.decode())
    assert not Resource.objects.exists()
    project.stage = Stage.CREATED
    project.save(update_fields=["stage"])
    response = client_for(member).post(url, {"summary": "Ce que nous avons appris.", "visibility": "network"})
    resource = Resource.objects.get()
    assert response["Location"] == resource.get_absolute_url()
    assert (resource.kind, resource.title, resource.author_structure) == (
        ResourceKind.PROJECT_NOTEBOOK,
        "Étude d'opportunité de l'épicerie",
        project.structure,
    )
    assert list(resource.projects.all()) == [project]
    copy = resource.files.get()
    with copy.file.open("rb") as handle:
        assert (handle.read(), copy.uploaded_by) == (PDF, member)
    document.refresh_from_db()
    assert document.library_resource == resource


def test_a_second_publication_adds_a_version_to_the_same_resource(project, member):
    project.stage = Stage.CREATED
    project.save(update_fields=["stage"])
    document = make_document(project, member)
    first = documents.publish_to_library(document, member, summary="Résumé.", visibility="network")
    documents.add_version(document, member, pdf_upload("etude-v2.pdf", PDF + b"% v2\n"))
    again = documents.publish_to_library(document, member, summary="Résumé.", visibility="network")
    assert again == first
    assert [stored.name for stored in first.files.all()] == ["etude-v2.pdf", "etude.pdf"]


def test_only_the_team_publishes(project, member, carrier, coordinator, client_for):
    project.stage = Stage.CREATED
    project.save(update_fields=["stage"])
    document = make_document(project, member, visibility=PROJECT)
    url = reverse("workspace:document_publish", args=[project.pk, document.pk])
    for user in (carrier, coordinator):
        assert client_for(user).post(url, {"summary": "Résumé", "visibility": "network"}).status_code == 403
    assert not Resource.objects.exists()


@pytest.mark.parametrize("count", [3, 30])
def test_the_documents_page_costs_the_same_queries_for_3_and_30_documents(project, member, carrier, client_for, count):
    for number in range(count):
        document = make_document(project, member, title=f"Document {number}", visibility=PROJECT)
        documents.add_version(document, carrier, pdf_upload())
    for user in (member, carrier):
        client = client_for(user)
        url = reverse("workspace:documents", args=[project.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        assert page.content.decode().count("2 versions") == count
        assert len(queries) == DOCUMENTS_PAGE_QUERIES["team" if user == member else "carrier"]


# Session, user, the project, the person's roles, the documents with their number of versions, their versions with
# who uploaded them, the header's unread notifications; and for a carrier the projects they joined.
DOCUMENTS_PAGE_QUERIES = {"team": 7, "carrier": 8}


def test_a_second_click_on_publish_from_a_stale_page_makes_no_second_resource(project, member):
    project.stage = Stage.CREATED
    project.save(update_fields=["stage"])
    document = make_document(project, member)
    stale = ProjectDocument.objects.get(pk=document.pk)  # read before the first click landed
    first = documents.publish_to_library(document, member, summary="Résumé.", visibility="network")
    again = documents.publish_to_library(stale, member, summary="Résumé.", visibility="network")
    assert again == first
    assert Resource.objects.filter(kind=ResourceKind.PROJECT_NOTEBOOK).count() == 1


def test_a_version_for_a_document_made_team_only_meanwhile_is_refused_and_told_to_nobody(project, member, carrier):
    document = make_document(project, carrier, visibility=DocumentVisibility.PROJECT)
    stale = ProjectDocument.objects.get(pk=document.pk)  # the carrier's page, before the team's change
    documents.change_visibility(document, member, DocumentVisibility.TEAM, expected_version=document.version)
    with pytest.raises(PermissionDenied, match="Vous ne pouvez pas déposer de version de ce document."):
        documents.add_version(stale, carrier, pdf_upload("etude-v2.pdf", PDF + b"% v2\n"))
    assert ProjectDocumentVersion.objects.filter(document=document).count() == 1
    document.refresh_from_db()
    assert document.version == 2  # the team's change only: nothing written it back lower
