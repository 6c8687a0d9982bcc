"""The library's operations: publish a resource, edit it, add a version of its file.

Each one checks the rights, validates everything (the file first) before writing, writes in one transaction
with the author in the history, and removes a stored file again if the transaction fails.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from fabrique.core.slugs import unique_slug
from fabrique.core.versioning import save_with_version

from .models import Resource, ResourceFile
from .perms import author_structure_ids, can_create_resource, resource_abilities
from .uploads import CheckedUpload, check_upload

EDITABLE_FIELDS = (
    "title",
    "kind",
    "summary",
    "body",
    "link",
    "themes",
    "author_structure",
    "other_authors",
    "working_group",
    "visibility",
)


# "/bibliotheque/nouvelle/" is the creation page: no resource takes that slug.
RESERVED_SLUGS = frozenset({"nouvelle"})


def _check_author_structure(user, structure) -> None:
    allowed = author_structure_ids(user)
    if allowed is None:
        return
    if structure is None or structure.pk not in allowed:
        raise ValidationError({"author_structure": _("Choisissez l'une de vos structures comme structure autrice.")})


def _full_clean(resource: Resource) -> None:
    resource.full_clean(exclude=["slug"], validate_unique=False)


def _store(resource: Resource, upload, checked: CheckedUpload, by, note: str) -> ResourceFile:
    """Write the file, then its row; call inside the caller's transaction (see `_with_upload`)."""
    number = (resource.files.aggregate(last=Max("number"))["last"] or 0) + 1
    stored = ResourceFile(
        resource=resource,
        number=number,
        name=checked.name,
        file_format=checked.file_format.code,
        content_type=checked.file_format.content_type,
        size=checked.size,
        sha256=checked.sha256,
        note=note,
        uploaded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    upload.seek(0)
    stored.file.save(checked.name, File(upload, name=checked.name), save=False)
    stored.save()
    return stored


class _StoredFiles:
    """Remembers the files written during an operation, to remove them if its transaction fails."""

    def __init__(self):
        self.files: list[ResourceFile] = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, traceback):
        if exc_type is not None:
            for stored in self.files:
                stored.file.storage.delete(stored.file.name)
        return False


def create_resource(by, data: dict, authors=(), projects=(), upload=None, note: str = "") -> Resource:
    """Publish a resource. The author structure must be one of the author's (any for the coordinator); a
    resource reserved to a structure needs one; the file, if any, is checked before anything is written."""
    if not can_create_resource(by):
        raise PermissionDenied(_("Seuls les membres du réseau publient dans la bibliothèque."))
    _check_author_structure(by, data.get("author_structure"))
    checked = check_upload(upload) if upload is not None else None
    resource = Resource(**{name: data[name] for name in EDITABLE_FIELDS if name in data}, created_by=by)
    _full_clean(resource)
    with _StoredFiles() as stored, transaction.atomic():
        resource.slug = unique_slug(Resource, resource.title, "ressource", RESERVED_SLUGS)
        resource._history_user = by
        resource.save()
        resource.authors.set(authors)
        resource.projects.set(projects)
        if checked is not None:
            stored.files.append(_store(resource, upload, checked, by, note))
    return resource


def update_resource(
    resource: Resource, by, data: dict, expected_version: int | None, authors=None, projects=None, upload=None, note=""
) -> Resource:
    """Edit a resource and, optionally, add a new version of its file (the earlier ones stay).

    A version read before the last save is refused (VersionConflict) and nothing is written."""
    if not resource_abilities(by, resource)["change"]:
        raise PermissionDenied(_("Vous ne pouvez pas modifier cette ressource."))
    if "author_structure" in data and data["author_structure"] != resource.author_structure:
        _check_author_structure(by, data["author_structure"])
    checked = check_upload(upload) if upload is not None else None
    fields = [name for name in EDITABLE_FIELDS if name in data]
    for name in fields:
        setattr(resource, name, data[name])
    _full_clean(resource)
    with _StoredFiles() as stored, transaction.atomic():
        save_with_version(resource, expected_version, fields, by=by)
        if authors is not None:
            resource.authors.set(authors)
        if projects is not None:
            resource.projects.set(projects)
        if checked is not None:
            stored.files.append(_store(resource, upload, checked, by, note))
    return resource


def add_file(resource: Resource, by, upload, note: str = "") -> ResourceFile:
    """Add a new version of the resource's file; the previous versions are kept and stay downloadable."""
    if not resource_abilities(by, resource)["upload"]:
        raise PermissionDenied(_("Vous ne pouvez pas déposer de fichier pour cette ressource."))
    checked = check_upload(upload)
    with _StoredFiles() as stored, transaction.atomic():
        Resource.objects.select_for_update().filter(pk=resource.pk).first()  # numbers stay unique
        stored.files.append(_store(resource, upload, checked, by, note))
        resource._history_user = by
        resource.version += 1
        resource.save(update_fields=["version", "updated_at"])
    return stored.files[-1]
