"""The request's life: draft → submitted (read-only) → decided, or withdrawn. Each verb checks perms.py,
writes its change and a log row in one transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from fabrique.core.exceptions import TransitionError
from fabrique.core.versioning import save_with_version
from fabrique.network.models import Structure

from ..enums import ACTIVE_REQUEST_STATUSES, NotificationKind, RequestStatus
from ..evidence import compute_evidence
from ..exceptions import RequestLocked
from ..models import AppellationRequest, RequestAttachment, RequestLog
from ..notifications import coordinators, notify
from ..perms import can_create_request, request_abilities
from ..validators import validate_attachment

NARRATIVES = AppellationRequest.NARRATIVE_FIELDS


def log_change(request, *, from_status, to_status, by, note="", session=None) -> RequestLog:
    return RequestLog.objects.create(
        request=request, from_status=from_status, to_status=to_status, changed_by=by, note=note, session=session
    )


def _lock(request) -> AppellationRequest:
    return AppellationRequest.objects.select_for_update().select_related("structure").get(pk=request.pk)


def _active_exists(structure) -> bool:
    return AppellationRequest.objects.filter(structure=structure, status__in=ACTIVE_REQUEST_STATUSES).exists()


def create_request(structure: Structure, *, by, data: dict | None = None) -> AppellationRequest:
    """An admin of a structure in experimentation opens a draft; one request in progress per structure."""
    if not can_create_request(by, structure):
        raise PermissionDenied(
            "Seule une personne administratrice d'une structure en expérimentation peut demander l'appellation."
        )
    values = {name: (data or {}).get(name, "") for name in NARRATIVES}
    request = AppellationRequest(structure=structure, created_by=by, **values)
    request._history_user = by
    try:
        with transaction.atomic():
            Structure.objects.select_for_update().get(pk=structure.pk)
            if _active_exists(structure):
                raise TransitionError("Cette structure a déjà une demande d'appellation en cours.")
            request.save()
            log_change(request, from_status="", to_status=RequestStatus.DRAFT, by=by, note="Brouillon créé")
    except IntegrityError:
        raise TransitionError("Cette structure a déjà une demande d'appellation en cours.") from None
    return request


def update_request(request, *, by, data: dict, expected_version: int | None) -> AppellationRequest:
    """Edit the narratives of a draft; a submitted request is read-only; a stale version is refused."""
    if not request_abilities(by, request)["view"]:
        raise PermissionDenied("Vous ne pouvez pas modifier cette demande.")
    with transaction.atomic():
        locked = _lock(request)
        if locked.status != RequestStatus.DRAFT:
            raise RequestLocked()
        if not request_abilities(by, locked)["change"]:
            raise PermissionDenied("Seule une personne administratrice de la structure modifie la demande.")
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
        if locked.status != RequestStatus.DRAFT:
            raise RequestLocked()
        if not request_abilities(by, locked)["change"]:
            raise PermissionDenied("Seule une personne administratrice de la structure ajoute des pièces.")
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
        if locked.status != RequestStatus.DRAFT:
            raise RequestLocked()
        if not request_abilities(by, locked)["change"]:
            raise PermissionDenied("Seule une personne administratrice de la structure retire des pièces.")
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
        if locked.status != RequestStatus.DRAFT:
            raise RequestLocked("La demande a déjà été déposée.")
        if not request_abilities(by, locked)["submit"]:
            raise PermissionDenied("Seule une personne administratrice de la structure dépose la demande.")
        missing = missing_narratives(locked)
        if missing:
            raise ValidationError(
                {
                    name: "Ce critère doit être argumenté avant le dépôt."
                    for name in NARRATIVES
                    if not getattr(locked, name).strip()
                }
            )
        locked.status = RequestStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.evidence = compute_evidence(locked.structure)
        locked._change_reason = "Dépôt de la demande"
        save_with_version(locked, expected_version, ["status", "submitted_at", "evidence"], by=by)
        log_change(locked, from_status=RequestStatus.DRAFT, to_status=RequestStatus.SUBMITTED, by=by)
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
        if locked.status not in ACTIVE_REQUEST_STATUSES:
            raise TransitionError(f"La demande est « {locked.get_status_display()} » : elle ne peut plus être retirée.")
        if not request_abilities(by, locked)["withdraw"]:
            raise PermissionDenied("Seule une personne administratrice de la structure retire la demande.")
        previous = locked.status
        locked.status = RequestStatus.WITHDRAWN
        locked._change_reason = (reason or "Retrait par la structure")[:100]
        save_with_version(locked, None, ["status"], by=by)
        log_change(locked, from_status=previous, to_status=RequestStatus.WITHDRAWN, by=by, note=reason)
    return locked
