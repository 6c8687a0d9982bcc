"""The method's API: needs and ideas detected on a territory."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Status

from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_errors import invalid
from fabrique.core.api_types import Id
from fabrique.core.pagination import Page, paginate
from fabrique.territories.codes import departements_from

from .. import presenters, services
from ..models import CreativitySession, Need, Project
from ..perms import readable_needs
from ..schemas import NeedFilters, NeedIn, NeedOut
from .common import check_filter_codes, invalid_from, router, structure_to_write


def needs_for(request):
    return readable_needs(
        request.user,
        Need.objects.select_related("structure").prefetch_related(
            Prefetch("projects", queryset=Project.objects.only("pk").order_by("pk"))
        ),
    )


@router.get("/needs", response=Page[NeedOut], auth=IDENTIFIED, summary="Lister les besoins et idées")
def list_needs(request, filters: Query[NeedFilters]):
    """Besoins et idées des structures dont l'appelant est membre (tous pour la coordination), du plus récent au
    plus ancien. Filtres : structure, thème, département, année de détection, statut."""
    check_filter_codes(filters.structure, filters.departement)
    needs = needs_for(request)
    if filters.structure:
        needs = needs.filter(structure__slug=filters.structure)
    if filters.theme:
        needs = needs.filter(theme=filters.theme)
    if filters.departement:
        needs = needs.filter(departement_id=filters.departement)
    if filters.year:
        needs = needs.filter(detected_on__year=filters.year)
    if filters.status:
        needs = needs.filter(status=filters.status)
    envelope, rows = paginate(request, needs.order_by("-detected_on", "-pk"), filters)
    envelope["results"] = [presenters.need_item(request, need) for need in rows]
    return envelope


@router.get("/needs/{need_id}", response=NeedOut, auth=IDENTIFIED, summary="Lire un besoin")
def get_need(request, need_id: Id):
    return presenters.need_item(request, get_object_or_404(needs_for(request), pk=need_id))


@router.post("/needs", response={201: NeedOut}, auth=IDENTIFIED, summary="Enregistrer un besoin ou une idée")
def create_need(request, payload: NeedIn):
    """Enregistre un besoin détecté sur le territoire d'une structure dont l'appelant est membre. Les coordonnées
    de la personne qui l'a apporté ne sont conservées qu'avec son consentement (`brought_by_consent`)."""
    data = payload.model_dump()
    structure = structure_to_write(request, data.pop("structure"))
    data["departement"] = departements_from([data["departement"]], "departement")[0]
    session_id = data.pop("session")
    data["session"] = None
    if session_id is not None:
        data["session"] = CreativitySession.objects.filter(pk=session_id, structure=structure).first()
        if data["session"] is None:
            raise invalid(["body", "session"], _("Séance de créativité inconnue pour cette structure."))
    data["detected_on"] = data["detected_on"] or timezone.localdate()
    try:
        need = services.create_need(structure, by=request.user, data=data)
    except DjangoValidationError as exc:
        raise invalid_from(exc) from None
    return Status(201, presenters.need_item(request, get_object_or_404(needs_for(request), pk=need.pk)))
