"""The documents of a project's workspace through the API, with the same rights and operations as the « Documents »
tab: list (what the caller may read), upload (multipart), add a version, download a version."""

from datetime import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from fabrique.core.api_answers import answer
from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_types import Id, Text
from fabrique.core.pagination import Page, PageParams, page_of

from ..enums import DocumentKind, DocumentVisibility
from ..models import ProjectDocument, ProjectDocumentVersion
from ..perms import document_abilities, documents_abilities, readable_documents, upload_visibilities
from ..services import documents as services
from ..views.common import workspace_for
from ..views.documents import version_response

router = Router(tags=["Espace projet"], auth=IDENTIFIED)


class DocumentVersionOut(Schema):
    id: int
    number: int
    name: str
    format: str
    content_type: str
    size: int
    sha256: str
    note: str
    uploaded_at: datetime
    url: str = Field(description="Téléchargement, réservé à qui peut lire le document.")


class DocumentOut(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    visibility: str = Field(description="team (équipe seulement) ou project (toutes les personnes du projet).")
    visibility_label: str
    created_at: datetime
    version: int
    versions: list[DocumentVersionOut] = Field(description="Les versions du fichier, la plus récente d'abord.")
    abilities: dict[str, bool]


class DocumentIn(Schema):
    title: Text = Field(max_length=200)
    kind: Text = Field(description="opportunity_study, business_plan, minutes ou other.")
    visibility: Text = Field(DocumentVisibility.PROJECT.value, description="team ou project.")
    note: Text = Field("", max_length=300, description="Une note sur cette version.")


class VersionIn(Schema):
    note: Text = Field("", max_length=300, description="Ce qui change dans cette version.")


class DocumentPage(Page[DocumentOut]):
    abilities: dict[str, bool] = Field(description="upload : l'appelant·e peut déposer un document sur ce projet.")
    visibilities: list[str] = Field(description="Les visibilités qu'un document déposé par l'appelant·e peut avoir.")


def _version(request, document: ProjectDocument, version: ProjectDocumentVersion) -> dict:
    path = reverse(
        "api:workspace_document_version_download", kwargs={"document_id": document.pk, "version_id": version.pk}
    )
    return answer(
        DocumentVersionOut, version, id=version.pk, format=version.file_format, url=request.build_absolute_uri(path)
    )


def _document(request, document: ProjectDocument, abilities: dict) -> dict:
    return answer(
        DocumentOut,
        document,
        id=document.pk,
        kind_label=str(DocumentKind(document.kind).label),
        visibility_label=str(DocumentVisibility(document.visibility).label),
        versions=[_version(request, document, version) for version in document.versions.all()],
        abilities=document_abilities(abilities, document),
    )


def _documents(project, abilities):
    versions = Prefetch("versions", queryset=ProjectDocumentVersion.objects.order_by("-number"))
    return readable_documents(abilities, project.documents.alive()).prefetch_related(versions)


@router.get("/projects/{project_id}/documents", response=DocumentPage, summary="Lister les documents d'un projet")
def list_documents(request, project_id: Id, params: Query[PageParams]):
    """Les documents du projet que l'appelant·e peut lire (ceux réservés à l'équipe seulement pour l'équipe et la
    coordination), du plus récent au plus ancien ; 404 pour qui n'est pas sur le projet."""
    project, _place, abilities = workspace_for(request.user, project_id)
    documents = _documents(project, abilities)
    count = documents.count()
    start = (params.page - 1) * params.page_size
    rows = list(documents[start : start + params.page_size]) if start < count else []
    return page_of(
        request,
        params,
        count,
        [_document(request, document, abilities) for document in rows],
        schema=DocumentPage,
        abilities=documents_abilities(abilities),
        visibilities=upload_visibilities(abilities),
    )


@router.post("/projects/{project_id}/documents", response={201: DocumentOut}, summary="Déposer un document (multipart)")
def upload_document(
    request,
    project_id: Id,
    payload: Form[DocumentIn],
    file: File[UploadedFile],
):
    """Le fichier est vérifié comme dans la bibliothèque (type lu dans le contenu, taille, nom) ; un fichier refusé
    donne une 422 en français et rien n'est enregistré. L'équipe choisit la visibilité ; les autres personnes du
    projet qui écrivent déposent des documents visibles par toutes les personnes du projet."""
    project, _place, abilities = workspace_for(request.user, project_id, "write")
    document = services.upload_document(
        project,
        request.user,
        title=payload.title,
        kind=payload.kind,
        visibility=payload.visibility,
        upload=file,
        note=payload.note,
    )
    document = _documents(project, abilities).get(pk=document.pk)
    return Status(201, _document(request, document, abilities))


def _document_to_read(request, document_id: int):
    """The document, its project, the caller's abilities there; 404 for whoever may not read it (a document kept to
    the team does not exist for the project's other people, a project for whoever is not on it)."""
    found = get_object_or_404(ProjectDocument.objects.alive().only("project_id"), pk=document_id)
    project, _place, abilities = workspace_for(request.user, found.project_id)
    document = get_object_or_404(_documents(project, abilities), pk=document_id)
    document.project = project
    return document, abilities


@router.post(
    "/documents/{document_id}/versions",
    response={201: DocumentOut},
    summary="Déposer une nouvelle version d'un document (multipart)",
)
def add_version(request, document_id: Id, payload: Form[VersionIn], file: File[UploadedFile]):
    """Les versions précédentes restent disponibles."""
    document, abilities = _document_to_read(request, document_id)
    services.add_version(document, request.user, file, payload.note)
    document = _documents(document.project, abilities).get(pk=document.pk)
    return Status(201, _document(request, document, abilities))


@router.get(
    "/documents/{document_id}/versions/{version_id}",
    response={200: None},
    summary="Télécharger une version d'un document",
    url_name="workspace_document_version_download",
)
def download_version(request, document_id: Id, version_id: Id):
    """Le fichier, pour qui peut lire le document seulement (404 sinon)."""
    document, _abilities = _document_to_read(request, document_id)
    version = get_object_or_404(ProjectDocumentVersion, pk=version_id, document=document)
    return version_response(version)
