"""Changing the registry through the API: edit, create and move a structure, with the pages' permissions."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from ninja import Status

from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_errors import from_django, invalid, validate_fields
from fabrique.core.api_types import Text
from fabrique.territories.codes import departements_from

from .. import presenters, services
from ..models import Structure
from ..perms import can_create_structure, structure_abilities
from ..schemas import StructureCreate, StructureDetailOut, StructurePatch, TransitionIn
from .reads import structures_for
from .router import router


def _fresh_detail(request, slug: str) -> dict:
    return presenters.structure_detail(request, get_object_or_404(structures_for(request), slug=slug))


def _without_none(data: dict) -> dict:
    return {name: value for name, value in data.items() if value is not None}


@router.patch(
    "/structures/{slug}",
    response=StructureDetailOut,
    auth=IDENTIFIED,
    summary="Modifier une structure",
    openapi_extra={"responses": {409: {"description": "Version dépassée : relisez la structure."}}},
)
def update_structure(request, slug: Text, payload: StructurePatch):
    """Modifie la présentation et le territoire. `version` est celle lue ; si quelqu'un a enregistré entre-temps,
    la modification est refusée (409) et rien n'est enregistré. Seuls les champs envoyés changent."""
    structure = get_object_or_404(structures_for(request), slug=slug)
    if not structure_abilities(request.user, structure)["change"]:
        raise PermissionDenied(_("Vous ne pouvez pas modifier cette structure."))
    data = payload.model_dump(exclude_unset=True)
    version = data.pop("version")
    codes = data.pop("departements", None)
    cleaned = validate_fields(Structure, data, structure)
    departements = departements_from(codes, "departements") if codes is not None else None
    services.update_structure(
        structure, by=request.user, data=cleaned, expected_version=version, departements=departements
    )
    return _fresh_detail(request, structure.slug)


@router.post("/structures", response={201: StructureDetailOut}, auth=IDENTIFIED, summary="Créer une structure")
def create_structure(request, payload: StructureCreate):
    """Enregistre une structure candidate (coordination du réseau seulement). L'identifiant (`slug`) est tiré du nom
    s'il n'est pas donné ; un identifiant déjà pris est refusé (422 sur `slug`)."""
    if not can_create_structure(request.user):
        raise PermissionDenied(_("Seule la coordination du réseau crée une structure."))
    data = _without_none(payload.model_dump())
    codes = data.pop("departements")
    reason = data.pop("reason")
    data["slug"] = data.get("slug") or slugify(data["name"])[:80].strip("-")
    if not data["slug"]:
        raise invalid(["body", "slug"], _("Indiquez un identifiant : le nom n'en donne aucun."))
    data = validate_fields(Structure, data)
    departements = departements_from(codes, "departements")
    try:
        structure = services.create_structure(by=request.user, data=data, departements=departements, reason=reason)
    except DjangoValidationError as exc:
        raise from_django(exc) from None
    return Status(201, _fresh_detail(request, structure.slug))


TRANSITION_VERBS = {"admit": services.admit, "withdraw": services.withdraw, "readmit": services.readmit}


@router.post(
    "/structures/{slug}/transitions",
    response=StructureDetailOut,
    auth=IDENTIFIED,
    summary="Changer le statut d'une structure",
    openapi_extra={"responses": {409: {"description": "Transition impossible depuis le statut actuel."}}},
)
def transition_structure(request, slug: Text, payload: TransitionIn):
    """`admit` (candidate → expérimentation), `withdraw` (retrait, motif obligatoire), `readmit` (retour en
    expérimentation, motif obligatoire). Coordination du réseau seulement. L'appellation est accordée par le comité."""
    structure = get_object_or_404(structures_for(request), slug=slug)
    if not structure_abilities(request.user, structure)["change_status"]:
        raise PermissionDenied(_("Seule la coordination du réseau change le statut d'une structure."))
    if payload.on is not None and payload.on > timezone.localdate():
        raise invalid(["body", "on"], _("La date ne peut pas être dans le futur."))
    TRANSITION_VERBS[payload.transition](structure, by=request.user, reason=payload.reason, on=payload.on)
    return _fresh_detail(request, structure.slug)
