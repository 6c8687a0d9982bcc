"""The documents of a project's private space: upload one, add a version, change who reads it, delete it, publish it
to the library once the activity is created.

Each operation checks the person's place on the project (`perms.document_abilities`), checks the file the way the
library does (`fabrique.library.uploads.check_upload`: real type read from the content, archives inspected without
being inflated, size, name) before anything is written, writes in one transaction with the author in the history,
and removes a stored file again if the transaction fails. The people who may read the document are told
(PROJECT_DOCUMENT), never the one who uploaded it.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import DomainError
from fabrique.core.versioning import save_with_version
from fabrique.library import services as library
from fabrique.library.enums import ResourceKind
from fabrique.library.uploads import CheckedUpload, check_upload
from fabrique.method.enums import Stage
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.services import notify

from ..enums import DocumentVisibility
from ..models import ProjectDocument, ProjectDocumentVersion
from ..perms import document_abilities, upload_visibilities, workspace_abilities


def _checked(upload) -> CheckedUpload:
    if upload is None:
        raise ValidationError({"file": _("Choisissez le fichier à déposer.")})
    try:
        return check_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc}) from None


@contextmanager
def _removed_on_failure() -> Iterator[list[ProjectDocumentVersion]]:
    """The versions stored inside the block lose their file again if the block fails (its transaction is undone)."""
    stored: list[ProjectDocumentVersion] = []
    try:
        yield stored
    except BaseException:
        for version in stored:
            version.file.storage.delete(version.file.name)
        raise


def _store(document: ProjectDocument, upload, checked: CheckedUpload, by, note: str, stored: list):
    number = (document.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = ProjectDocumentVersion(
        document=document,
        number=number,
        name=checked.name,
        file_format=checked.file_format.code,
        content_type=checked.file_format.content_type,
        size=checked.size,
        sha256=checked.sha256,
        note=note,
        uploaded_by=by,
    )
    upload.seek(0)
    version.file.save(checked.name, File(upload, name=checked.name), save=False)
    stored.append(version)
    version.save()
    return version


def upload_document(project, by, *, title: str, kind: str, visibility: str, upload, note: str = "") -> ProjectDocument:
    """A new document and its first version. The team gives any visibility; the project's other writers (carrier,
    partners, experts who are not observers) upload documents for everyone on the project; readers upload nothing."""
    allowed = upload_visibilities(workspace_abilities(by, project))
    if not allowed:
        raise PermissionDenied(_("Votre place sur ce projet ne permet pas d'y déposer un document."))
    document = ProjectDocument(project=project, title=(title or "").strip(), kind=kind, visibility=visibility)
    document.created_by = by
    errors = {}
    try:
        document.full_clean(exclude=["project", "created_by", "library_resource"])
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    if visibility in DocumentVisibility.values and visibility not in allowed:
        errors.setdefault("visibility", []).append(
            ValidationError(_("Seule l'équipe de la structure dépose un document réservé à l'équipe."))
        )
    try:
        checked = _checked(upload)
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    with _removed_on_failure() as stored, transaction.atomic():
        document._history_user = by
        document.save()
        version = _store(document, upload, checked, by, note, stored)
        _tell_readers(document, version, by, first=True)
    return document


def add_version(document: ProjectDocument, by, upload, note: str = "") -> ProjectDocumentVersion:
    """A new version of the document's file; the earlier ones are kept and stay downloadable."""
    if not document_abilities(workspace_abilities(by, document.project), document)["add_version"]:
        raise PermissionDenied(_("Vous ne pouvez pas déposer de version de ce document."))
    if len(note) > 300:
        raise ValidationError({"note": _("300 caractères au plus.")})
    checked = _checked(upload)
    with _removed_on_failure() as stored, transaction.atomic():
        # Read again under the lock: numbers stay unique, and the rights, the readers told and the version bumped
        # are those of the document now (made team-only or deleted meanwhile, it is refused or told to the team).
        locked = ProjectDocument.objects.select_for_update().select_related("project").get(pk=document.pk)
        if (
            locked.deleted_at is not None
            or not document_abilities(workspace_abilities(by, locked.project), locked)["add_version"]
        ):
            raise PermissionDenied(_("Vous ne pouvez pas déposer de version de ce document."))
        version = _store(locked, upload, checked, by, note, stored)
        save_with_version(locked, None, [], by=by)
        _tell_readers(locked, version, by, first=False)
    document.version = locked.version
    return version


def change_visibility(document: ProjectDocument, by, visibility: str, expected_version: int | None) -> None:
    """The team decides who reads a document; opening it to everyone tells the people who now read it."""
    if not document_abilities(workspace_abilities(by, document.project), document)["change_visibility"]:
        raise PermissionDenied(_("Seule l'équipe de la structure décide qui lit un document."))
    if visibility not in DocumentVisibility.values:
        raise ValidationError({"visibility": _("Choisissez qui lit le document.")})
    if visibility == document.visibility:
        return
    document.visibility = visibility
    with transaction.atomic():
        save_with_version(document, expected_version, ["visibility"], by=by)
        if visibility == DocumentVisibility.PROJECT:
            _tell_readers(document, document.versions.first(), by, first=True, people_only=True)


def delete_document(document: ProjectDocument, by, expected_version: int | None) -> None:
    """The team deletes a document: it leaves the space; its versions, files and history are kept."""
    if not document_abilities(workspace_abilities(by, document.project), document)["delete"]:
        raise PermissionDenied(_("Seule l'équipe de la structure supprime un document."))
    document.deleted_at = timezone.now()
    with transaction.atomic():
        save_with_version(document, expected_version, ["deleted_at"], by=by)


def publish_to_library(document: ProjectDocument, by, *, summary: str, visibility: str):
    """Once the project's activity is created, the team publishes a copy of the document's current version in the
    library as a project notebook, filed under the project, through the library's own service (its rights, its
    checks, its history). Published again, the copy becomes a new version of the same resource."""
    project = document.project
    if not document_abilities(workspace_abilities(by, project), document)["publish"]:
        raise PermissionDenied(_("Seule l'équipe de la structure publie un document dans la bibliothèque."))
    if project.stage != Stage.CREATED:
        raise DomainError(_("Un document se publie dans la bibliothèque une fois l'activité du projet créée."))
    current = document.versions.first()
    note = _("Version %(number)s du document « %(title)s » de l'espace du projet.") % {
        "number": current.number,
        "title": document.title,
    }
    with current.file.open("rb") as handle, transaction.atomic():
        copy = File(handle.file, name=current.name)
        # Under the lock, read again: a second click waits, then adds a version to the resource the first made.
        locked = ProjectDocument.objects.select_for_update().get(pk=document.pk)
        document.library_resource_id, document.version = locked.library_resource_id, locked.version
        resource = document.library_resource
        if resource is None:
            data = {
                "title": document.title,
                "kind": ResourceKind.PROJECT_NOTEBOOK,
                "summary": summary,
                "themes": [project.theme],
                "author_structure": project.structure,
                "visibility": visibility,
            }
            resource = library.create_resource(by, data, projects=[project], upload=copy, note=note)
        else:
            library.add_file(resource, by, copy, note=note)
        document.library_resource = resource
        save_with_version(document, None, ["library_resource"], by=by)
    return resource


def _readers(document: ProjectDocument, by, people_only: bool) -> list:
    """Who reads the document, in one query: the team, and for a document open to all, the project's people (only
    them with `people_only`: the team read it already)."""
    project = document.project
    team = Q(memberships__structure_id=project.structure_id)
    people = Q(project_memberships__project_id=project.pk)
    if document.visibility == DocumentVisibility.TEAM:
        reach = team
    else:
        reach = people if people_only else team | people
    readers = get_user_model().objects.filter(reach, is_active=True).exclude(pk=by.pk).distinct().order_by("pk")
    return list(readers)


def _tell_readers(document, version, by, *, first: bool, people_only: bool = False) -> None:
    words = {"document": document.title, "title": document.project.title, "name": by.get_full_name() or by.email}
    if first:
        subject = _("Projet « %(title)s » : nouveau document") % words
        body = _("%(name)s a déposé « %(document)s » dans l'espace du projet « %(title)s ».") % words
    else:
        subject = _("Projet « %(title)s » : nouvelle version d'un document") % words
        body = _("%(name)s a déposé une nouvelle version de « %(document)s » dans l'espace du projet « %(title)s ».")
        body %= words
    notify(
        _readers(document, by, people_only),
        kind=NotificationKind.PROJECT_DOCUMENT,
        subject=subject,
        body=body,
        url=document.get_absolute_url(),
        key=f"project_document:{version.pk}:{document.visibility}",
    )
