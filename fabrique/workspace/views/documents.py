"""The « Documents » tab of a project's workspace: the list and the upload form, a document and its versions, the
team's actions on it, and the download of a version (never from a public address)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from fabrique.core.exceptions import DomainError
from fabrique.core.forms import attach_errors
from fabrique.library.uploads import IMAGE_FORMATS
from fabrique.method.enums import Stage

from ..forms import DeleteForm, DocumentForm, PublishForm, VersionForm, VisibilityForm
from ..models import ProjectDocumentVersion
from ..perms import document_abilities, readable_documents, upload_visibilities
from ..services import documents as services
from .common import private_file, workspace_for


def documents_of(project, abilities):
    """The documents `abilities` may read, each with its current version and its number of versions, in two
    queries whatever their number."""
    current = ProjectDocumentVersion.objects.select_related("uploaded_by").order_by("-number")
    return (
        readable_documents(abilities, project.documents.alive())
        .annotate(version_count=Count("versions"))
        .prefetch_related(Prefetch("versions", queryset=current))
    )


@login_required
def documents(request, pk: int):
    project, place, abilities = workspace_for(request.user, pk)
    visibilities = upload_visibilities(abilities)
    form = None
    if visibilities:
        form = DocumentForm(request.POST or None, request.FILES or None, visibilities=visibilities)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Votre place sur ce projet ne permet pas d'y déposer un document."))
        if form.is_valid():
            try:
                data = form.cleaned_data
                document = services.upload_document(
                    project,
                    request.user,
                    title=data["title"],
                    kind=data["kind"],
                    visibility=data["visibility"],
                    upload=data["file"],
                    note=data["note"],
                )
            except ValidationError as exc:
                attach_errors(form, exc)
            else:
                messages.success(request, _("Le document est déposé."))
                return redirect(document)
    rows = [(document, document_abilities(abilities, document)) for document in documents_of(project, abilities)]
    context = {"project": project, "place": place, "abilities": abilities, "tab": "documents"}
    return render(request, "workspace/documents.html", context | {"rows": rows, "form": form})


def _document_for(request, pk: int, document_pk: int, ability: str = "view"):
    """The document if the person may read it (else 404: a team document does not exist for the others) and do
    `ability` on it (else 403)."""
    project, place, abilities = workspace_for(request.user, pk)
    document = get_object_or_404(readable_documents(abilities, project.documents.alive()), pk=document_pk)
    document.project = project
    granted = document_abilities(abilities, document)
    if not granted[ability]:
        raise PermissionDenied(_("Votre place sur ce projet ne permet pas de faire cela."))
    return document, {"project": project, "place": place, "abilities": abilities, "granted": granted}


def _detail(request, document, context, **bound):
    forms = {
        "version_form": VersionForm(),
        "visibility_form": VisibilityForm(initial={"visibility": document.visibility, "version": document.version}),
        "delete_form": DeleteForm(initial={"version": document.version}),
        "publish_form": PublishForm(initial={"summary": context["project"].summary[:800]}),
    } | bound
    versions = list(document.versions.select_related("uploaded_by"))
    return render(
        request,
        "workspace/document.html",
        context
        | forms
        | {
            "document": document,
            "versions": versions,
            "tab": "documents",
            "activity_created": context["project"].stage == Stage.CREATED,
        },
    )


@require_safe
@login_required
def document(request, pk: int, document_pk: int):
    document, context = _document_for(request, pk, document_pk)
    return _detail(request, document, context)


@require_POST
@login_required
def document_version_add(request, pk: int, document_pk: int):
    document, context = _document_for(request, pk, document_pk, "add_version")
    form = VersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_version(document, request.user, form.cleaned_data["file"], form.cleaned_data["note"])
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("La nouvelle version est déposée."))
            return redirect(document)
    return _detail(request, document, context, version_form=form)


@require_POST
@login_required
def document_visibility(request, pk: int, document_pk: int):
    document, context = _document_for(request, pk, document_pk, "change_visibility")
    form = VisibilityForm(request.POST)
    if form.is_valid():
        try:
            services.change_visibility(
                document, request.user, form.cleaned_data["visibility"], form.cleaned_data["version"]
            )
        except (ValidationError, DomainError) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Le document est visible par : %s.") % document.get_visibility_display())
            return redirect(document)
    return _detail(request, document, context, visibility_form=form)


@require_POST
@login_required
def document_delete(request, pk: int, document_pk: int):
    document, context = _document_for(request, pk, document_pk, "delete")
    form = DeleteForm(request.POST)
    if form.is_valid():
        try:
            services.delete_document(document, request.user, form.cleaned_data["version"])
        except DomainError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Le document « %s » est supprimé.") % document.title)
            return redirect("workspace:documents", pk)
    return _detail(request, document, context, delete_form=form)


@require_POST
@login_required
def document_publish(request, pk: int, document_pk: int):
    document, context = _document_for(request, pk, document_pk, "publish")
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            resource = services.publish_to_library(document, request.user, **form.cleaned_data)
        except (ValidationError, DomainError) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Le document est publié dans la bibliothèque."))
            return redirect(resource)
    return _detail(request, document, context, publish_form=form)


@require_safe
@login_required
def document_download(request, pk: int, document_pk: int, version_pk: int):
    """A version's file, for those who may read the document only; 404 for the others."""
    document, _context = _document_for(request, pk, document_pk)
    version = get_object_or_404(ProjectDocumentVersion, pk=version_pk, document=document)
    return version_response(version)


def version_response(version: ProjectDocumentVersion) -> FileResponse:
    """The file: shown by the browser for a PDF or an image, downloaded otherwise (`common.private_file`)."""
    inline = version.file_format in IMAGE_FORMATS or version.file_format == "pdf"
    return private_file(version.file, filename=version.name, content_type=version.content_type, inline=inline)
