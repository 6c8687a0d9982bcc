"""The method's API: creativity sessions."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Query, Status

from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_types import Id
from fabrique.core.pagination import Page, paginate
from fabrique.network.models import Partner
from fabrique.territories.codes import departements_from

from .. import presenters, services
from ..models import CreativitySession, Need
from ..perms import readable_sessions
from ..schemas import CreativitySessionFilters, CreativitySessionIn, CreativitySessionOut
from .common import (
    check_filter_codes,
    invalid_from,
    partners_from,
    router,
    structure_to_write,
)


def sessions_for(request):
    return readable_sessions(
        request.user,
        CreativitySession.objects.select_related("structure").prefetch_related(
            Prefetch("partners", queryset=Partner.objects.order_by("name")),
            Prefetch("needs", queryset=Need.objects.only("pk", "session_id").order_by("pk")),
        ),
    )


@router.get(
    "/creativity-sessions",
    response=Page[CreativitySessionOut],
    auth=IDENTIFIED,
    summary="Lister les séances de créativité",
)
def list_sessions(request, filters: Query[CreativitySessionFilters]):
    """Séances de créativité des structures de l'appelant (toutes pour la coordination), des plus récentes aux plus
    anciennes. Filtres : structure, département, année."""
    check_filter_codes(filters.structure, filters.departement)
    sessions = sessions_for(request)
    if filters.structure:
        sessions = sessions.filter(structure__slug=filters.structure)
    if filters.departement:
        sessions = sessions.filter(departement_id=filters.departement)
    if filters.year:
        sessions = sessions.filter(held_on__year=filters.year)
    envelope, rows = paginate(request, sessions.order_by("-held_on", "-pk"), filters)
    envelope["results"] = [presenters.session_item(request, session) for session in rows]
    return envelope


@router.get(
    "/creativity-sessions/{session_id}", response=CreativitySessionOut, auth=IDENTIFIED, summary="Lire une séance"
)
def get_session(request, session_id: Id):
    return presenters.session_item(request, get_object_or_404(sessions_for(request), pk=session_id))


@router.post(
    "/creativity-sessions",
    response={201: CreativitySessionOut},
    auth=IDENTIFIED,
    summary="Enregistrer une séance de créativité",
)
def create_session(request, payload: CreativitySessionIn):
    """Enregistre une séance tenue par une structure dont l'appelant est membre, avec les partenaires de la
    structure qui y ont pris part."""
    data = payload.model_dump()
    structure = structure_to_write(request, data.pop("structure"))
    data["departement"] = departements_from([data["departement"]], "departement")[0]
    partners = partners_from(data.pop("partners"), "partners")
    try:
        session = services.create_session(structure, by=request.user, data=data, partners=partners)
    except DjangoValidationError as exc:
        raise invalid_from(exc) from None
    return Status(201, presenters.session_item(request, get_object_or_404(sessions_for(request), pk=session.pk)))
