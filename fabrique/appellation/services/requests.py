"""The request's life: draft → submitted (read-only) → decided, or withdrawn. Each verb asks
transitions.REQUEST_TABLE (the status, then the right from perms.py, then the request's conditions) and writes
its change and its log row in one transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import TransitionError
from fabrique.core.versioning import save_with_version
from fabrique.network.models import Structure

from ..enums import NotificationKind
from ..evidence import compute_evidence
from ..exceptions import RequestLocked
from ..models import AppellationRequest, RequestAttachment
from ..notifications import coordinators, notify
from ..perms import request_abilities
from ..transitions import CREATE, REQUEST_TABLE, SUBMIT, WITHDRAW, Attempt
from ..validators import validate_attachment
from .log import change_status, log_transition

NARRATIVES = AppellationRequest.NARRATIVE_FIELDS


def _lock(request) -> AppellationRequest:
    return AppellationRequest.objects.select_for_update().select_related("structure").get(pk=request.pk)


def create_request(structure: Structure, *, by, data: dict | None = None) -> AppellationRequest:
    """An admin of a structure in experimentation opens a draft; one request in progress per structure."""
    values = {name: (data or {}).get(name, "") for name in NARRATIVES}
    request = AppellationRequest(structure=structure, created_by=by, **values)
    request._history_user = by
    try:
        with transaction.atomic():
            Structure.objects.select_for_update().get(pk=structure.pk)
            REQUEST_TABLE.check(CREATE.name, "", subject=Attempt(request, by))
            request.save()
            log_transition(request, CREATE, from_status="", by=by, note="Brouillon créé")
    except IntegrityError:
        raise TransitionError(_("Cette structure a déjà une demande d'appellation en cours.")) from None
    return request


def update_request(request, *, by, data: dict, expected_version: int | None) -> AppellationRequest:
    """Edit the narratives of a draft; a submitted request is read-only; a stale version is refused."""
    if not request_abilities(by, request)["view"]:
        raise PermissionDenied(_("Vous ne pouvez pas modifier cette demande."))
    with transaction.atomic():
        locked = _lock(request)
        if not locked.is_draft:
            raise RequestLocked()
        if not request_abilities(by, locked)["change"]:
            raise PermissionDenied(_("Seule une personne administratrice de la structure modifie la demande."))
        changed = [name for name in NARRATIVES if name in data]
        for name in changed:
            setattr(locked, name, data[name])
        save_with_version(locked, expected_version, changed, by=by)
    return locked


def add_attachment(request, *, by, title: str, upload) -> RequestAttachment:
    """Join a document to a draft: its type is checked from its content, its size against the limit."""
    if not title.strip():
        raise ValidationError({"title": "Donnez un titre au document."})
    try:
        content_type = validate_attachment(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None
    with transaction.atomic():
        locked = _lock(request)
        if not locked.is_draft:
            raise RequestLocked()
        if not request_abilities(by, locked)["change"]:
            raise PermissionDenied(_("Seule une personne administratrice de la structure ajoute des pièces."))
        attachment = RequestAttachment(
            request=locked, title=title.strip()[:200], content_type=content_type, size=upload.size, uploaded_by=by
        )
        attachment._history_user = by
        attachment.file.save(upload.name, upload, save=False)
        attachment.save()
        AppellationRequest.objects.filter(pk=locked.pk).update(version=locked.version + 1)
    return attachment


def remove_attachment(attachment: RequestAttachment, *, by) -> None:
    with transaction.atomic():
        locked = _lock(attachment.request)
        if not locked.is_draft:
            raise RequestLocked()
        if not request_abilities(by, locked)["change"]:
            raise PermissionDenied(_("Seule une personne administratrice de la structure retire des pièces."))
        name = attachment.file.name
        attachment._history_user = by
        attachment.delete()
        AppellationRequest.objects.filter(pk=locked.pk).update(version=locked.version + 1)
        storage = attachment.file.storage
        transaction.on_commit(lambda: storage.delete(name))


def missing_narratives(request) -> list[str]:
    return [
        str(AppellationRequest._meta.get_field(name).verbose_name)
        for name in NARRATIVES
        if not getattr(request, name).strip()
    ]


def submit_request(request, *, by, expected_version: int | None = None) -> AppellationRequest:
    """Submit a complete draft: the evidence panel is frozen, the request becomes read-only."""
    with transaction.atomic():
        locked = _lock(request)
        REQUEST_TABLE.check(SUBMIT.name, locked.status, subject=Attempt(locked, by))
        locked.submitted_at = timezone.now()
        locked.evidence = compute_evidence(locked.structure)
        change_status(
            locked,
            SUBMIT,
            by=by,
            reason="Dépôt de la demande",
            fields=["submitted_at", "evidence"],
            expected_version=expected_version,
        )
        notify(
            coordinators(),
            kind=NotificationKind.REQUEST_SUBMITTED,
            subject=f"Demande d'appellation déposée : {locked.structure.name}",
            body=f"{locked.structure.name} a déposé sa demande d'appellation. Elle pourra être inscrite à "
            "l'ordre du jour de la prochaine séance du comité de pairs.",
            url=locked.get_absolute_url(),
        )
    return locked


def withdraw_request(request, *, by, reason: str = "") -> AppellationRequest:
    """The applicant withdraws its request, at any time before a session decides on it."""
    with transaction.atomic():
        locked = _lock(request)
        REQUEST_TABLE.check(WITHDRAW.name, locked.status, subject=Attempt(locked, by))
        change_status(locked, WITHDRAW, by=by, reason=reason or "Retrait par la structure", note=reason)
    return locked
