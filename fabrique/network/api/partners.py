"""Partners and partnerships through the API: read with the structure, changed by those who manage its partners."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Status

from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_errors import from_django, invalid
from fabrique.core.api_types import Id, Text
from fabrique.core.pagination import Page, PageParams, paginate

from .. import presenters, services
from ..models import Partner, Partnership, Structure
from ..perms import partner_abilities, readable_partners, readable_structures, structure_abilities
from ..schemas import (
    PartnerKindCode,
    PartnerOut,
    PartnerPatch,
    PartnershipCreate,
    PartnershipEnd,
    PartnershipFilters,
    PartnershipOut,
    PartnershipPatch,
)
from .reads import structures_for
from .router import router

TAGS = ["Partenaires"]


class PartnerListItem(PartnerOut):
    abilities: dict[str, bool]


class PartnerFilters(PageParams):
    kind: PartnerKindCode | None = Field(None, description="Type de partenaire.")
    q: Text | None = Field(None, max_length=100, description="Recherche dans le nom.")


def _partner_list_item(request, partner) -> dict:
    return presenters.partner_item(partner, PartnerListItem, abilities=partner_abilities(request.user, partner))


def partnerships_for(request):
    visible = readable_structures(request.user, Structure.objects.all())
    return Partnership.objects.filter(structure__in=visible).select_related("structure", "partner")


def partners_for(request):
    """Organisations working with a structure the caller may read (all of them for the coordinator)."""
    return readable_partners(request.user, Partner.objects.prefetch_related("partnerships"))


def _check_dates(since, until) -> None:
    if since and until and until < since:
        raise invalid(["body", "until"], _("La date de fin précède la date de début (%s).") % since.isoformat())


def _require_manage(request, partnership_or_structure) -> None:
    structure = getattr(partnership_or_structure, "structure", partnership_or_structure)
    if not structure_abilities(request.user, structure)["manage_partners"]:
        raise PermissionDenied(_("Vous ne pouvez pas gérer les partenaires de cette structure."))


@router.get(
    "/structures/{slug}/partnerships",
    response=Page[PartnershipOut],
    summary="Lister les partenariats d'une structure",
    tags=TAGS,
)
def list_partnerships(request, slug: Text, filters: Query[PartnershipFilters]):
    structure = get_object_or_404(structures_for(request), slug=slug)
    partnerships = partnerships_for(request).filter(structure=structure).order_by("partner__name", "pk")
    today = timezone.localdate()
    if filters.current is True:
        partnerships = partnerships.exclude(until__lt=today)
    elif filters.current is False:
        partnerships = partnerships.filter(until__lt=today)
    envelope, rows = paginate(request, partnerships, filters)
    envelope["results"] = [presenters.partnership_item(request, p) for p in rows]
    return envelope


@router.post(
    "/structures/{slug}/partnerships",
    response={201: PartnershipOut},
    auth=IDENTIFIED,
    summary="Ajouter un partenariat",
    tags=TAGS,
)
def create_partnership(request, slug: Text, payload: PartnershipCreate):
    """Le partenaire est soit une organisation existante (`partner_id`), soit une nouvelle (`partner` : nom, type,
    SIRET facultatif et vérifié, site web)."""
    structure = get_object_or_404(structures_for(request), slug=slug)
    _require_manage(request, structure)
    if (payload.partner_id is None) == (payload.partner is None):
        raise invalid(["body", "partner"], _("Indiquez soit partner_id (organisation existante), soit partner."))
    if payload.partner_id is not None:
        partner = partners_for(request).filter(pk=payload.partner_id).first()
        if partner is None:
            raise invalid(["body", "partner_id"], _("Organisation partenaire inconnue : %s.") % payload.partner_id)
        if structure.partnerships.filter(partner=partner).exists():
            raise invalid(["body", "partner_id"], _("Cette organisation est déjà partenaire de la structure."))
    else:
        partner = Partner(**payload.partner.model_dump())
        try:
            partner.full_clean()
        except DjangoValidationError as exc:
            raise from_django(exc, prefix=["body", "partner"]) from None
    _check_dates(payload.since, payload.until)
    partnership = Partnership(
        structure=structure,
        partner=partner,
        **payload.model_dump(include={"role", "since", "until", "note"}),
    )
    try:
        services.save_partnership(partnership, by=request.user)
    except DjangoValidationError as exc:
        raise from_django(exc) from None
    return Status(201, presenters.partnership_item(request, partnerships_for(request).get(pk=partnership.pk)))


@router.get("/partnerships/{partnership_id}", response=PartnershipOut, summary="Lire un partenariat", tags=TAGS)
def get_partnership(request, partnership_id: Id):
    return presenters.partnership_item(request, get_object_or_404(partnerships_for(request), pk=partnership_id))


@router.patch(
    "/partnerships/{partnership_id}",
    response=PartnershipOut,
    auth=IDENTIFIED,
    summary="Modifier un partenariat",
    tags=TAGS,
)
def update_partnership(request, partnership_id: Id, payload: PartnershipPatch):
    """Rôle, dates, note. `version` est celle lue ; une version dépassée est refusée (409)."""
    partnership = get_object_or_404(partnerships_for(request), pk=partnership_id)
    _require_manage(request, partnership)
    data = payload.model_dump(exclude_unset=True)
    version = data.pop("version")
    for name, value in data.items():
        setattr(partnership, name, value)
    _check_dates(partnership.since, partnership.until)
    try:
        services.save_partnership(partnership, by=request.user, expected_version=version)
    except DjangoValidationError as exc:
        raise from_django(exc) from None
    return presenters.partnership_item(request, partnerships_for(request).get(pk=partnership.pk))


@router.post(
    "/partnerships/{partnership_id}/end",
    response=PartnershipOut,
    auth=IDENTIFIED,
    summary="Terminer un partenariat",
    tags=TAGS,
)
def end_partnership(request, partnership_id: Id, payload: PartnershipEnd | None = None):
    """Un partenariat se termine, il n'est pas supprimé : sa durée compte pour l'appellation."""
    partnership = get_object_or_404(partnerships_for(request), pk=partnership_id)
    _require_manage(request, partnership)
    until = payload.until if payload and payload.until else timezone.localdate()
    _check_dates(partnership.since, until)
    try:
        services.end_partnership(partnership, by=request.user, until=until)
    except DjangoValidationError as exc:
        raise from_django(exc) from None
    return presenters.partnership_item(request, partnerships_for(request).get(pk=partnership.pk))


@router.get("/partners", response=Page[PartnerListItem], summary="Lister les organisations partenaires", tags=TAGS)
def list_partners(request, filters: Query[PartnerFilters]):
    """Organisations partenaires des structures visibles, pour en référencer une (`partner_id`) sans la recréer."""
    partners = partners_for(request)
    if filters.kind:
        partners = partners.filter(kind=filters.kind)
    if filters.q:
        partners = partners.filter(name__unaccent_icontains=filters.q)
    envelope, rows = paginate(request, partners.order_by("name", "pk"), filters)
    envelope["results"] = [_partner_list_item(request, p) for p in rows]
    return envelope


@router.patch(
    "/partners/{partner_id}", response=PartnerListItem, auth=IDENTIFIED, summary="Corriger une organisation", tags=TAGS
)
def update_partner(request, partner_id: Id, payload: PartnerPatch):
    """Nom, type, SIRET (vérifié), site web d'une organisation partagée par les structures qui travaillent avec elle.
    `version` est celle lue ; une version dépassée est refusée (409)."""
    partner = get_object_or_404(partners_for(request), pk=partner_id)
    data = payload.model_dump(exclude_unset=True)
    version = data.pop("version")
    try:
        services.update_partner(partner, by=request.user, data=data, expected_version=version)
    except DjangoValidationError as exc:
        raise from_django(exc) from None
    return _partner_list_item(request, partners_for(request).get(pk=partner.pk))
