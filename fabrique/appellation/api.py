"""The appellation's API: requests, committee sessions, votes and conflicts, with the pages' rights.

Refusals: 401 without identification, 403 for someone who may not act (a non-voter, a conflicted voter),
404 for what the caller may not read, 409 when the state forbids the change (submitted request, closed
session), 422 for a faulty field."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from fabrique.core.api_answers import answer
from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_errors import from_django
from fabrique.core.api_types import Id
from fabrique.core.pagination import Page, paginate
from fabrique.network.models import Structure

from . import presenters, services
from .models import AppellationRequest, CommitteeSession
from .perms import can_open_session, readable_requests, readable_sessions, request_abilities
from .schemas import (
    ClosingOut,
    CommitteeSessionFilters,
    CommitteeSessionIn,
    CommitteeSessionOut,
    ConflictIn,
    ConflictOut,
    RequestDetailOut,
    RequestFilters,
    RequestIn,
    RequestOut,
    RequestPatch,
    SubmitIn,
    VoteIn,
    VoteOut,
    WithdrawIn,
)
from .selectors import with_agenda

CONFLICT = {409: {"description": "L'état de la demande ou de la séance interdit ce changement."}}

router = Router(tags=["Appellation"], auth=IDENTIFIED)


def _request_for(request, pk: int) -> AppellationRequest:
    found = get_object_or_404(with_agenda(readable_requests(request.user)).prefetch_related("attachments"), pk=pk)
    return found


def _structure_by_slug(slug: str | None, field: str):
    if slug is None:
        return None
    structure = Structure.objects.filter(slug=slug).first()
    if structure is None:
        raise from_django(DjangoValidationError({field: f"Structure inconnue : « {slug} »."}))
    return structure


def _run(call):
    """Django validation errors of a service → a 422 naming each field of the body."""
    try:
        return call()
    except DjangoValidationError as exc:
        raise from_django(exc) from None


@router.get("/requests", response=Page[RequestOut], summary="Lister les demandes d'appellation")
def list_requests(request, filters: Query[RequestFilters]):
    """Les demandes que l'appelant peut lire : celles de ses structures, celles que ses structures votent,
    toutes pour la coordination."""
    rows = with_agenda(readable_requests(request.user))
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.structure:
        rows = rows.filter(structure__slug=filters.structure)
    envelope, page = paginate(request, rows.order_by("-created_at", "-pk"), filters)
    envelope["results"] = [presenters.request_item(request, r) for r in page]
    return envelope


@router.post("/requests", response={201: RequestDetailOut}, summary="Ouvrir une demande (brouillon)")
def create_request(request, payload: RequestIn):
    structure = _structure_by_slug(payload.structure, "structure")
    data = payload.dict(exclude={"structure"})
    created = _run(lambda: services.create_request(structure, by=request.user, data=data))
    return Status(201, presenters.request_detail(request, _request_for(request, created.pk)))


@router.get("/requests/{pk}", response=RequestDetailOut, summary="Lire une demande")
def get_request(request, pk: Id):
    """Le dossier, ses pièces et son examen par le comité, selon les droits de l'appelant : votes nominatifs
    pour la coordination ; décompte et commentaires anonymes pour la structure demandeuse après la clôture."""
    return presenters.request_detail(request, _request_for(request, pk))


@router.patch(
    "/requests/{pk}", response=RequestDetailOut, summary="Modifier un brouillon", openapi_extra={"responses": CONFLICT}
)
def update_request(request, pk: Id, payload: RequestPatch):
    """Une demande déposée n'est plus modifiable (409)."""
    found = _request_for(request, pk)
    data = payload.dict(exclude={"version"}, exclude_none=True)
    _run(lambda: services.update_request(found, by=request.user, data=data, expected_version=payload.version))
    return presenters.request_detail(request, _request_for(request, pk))


@router.post(
    "/requests/{pk}/submit",
    response=RequestDetailOut,
    summary="Déposer la demande",
    openapi_extra={"responses": CONFLICT},
)
def submit_request(request, pk: Id, payload: SubmitIn | None = None):
    found = _request_for(request, pk)
    version = payload.version if payload else None
    _run(lambda: services.submit_request(found, by=request.user, expected_version=version))
    return presenters.request_detail(request, _request_for(request, pk))


@router.post(
    "/requests/{pk}/withdraw",
    response=RequestDetailOut,
    summary="Retirer la demande",
    openapi_extra={"responses": CONFLICT},
)
def withdraw_request(request, pk: Id, payload: WithdrawIn | None = None):
    found = _request_for(request, pk)
    services.withdraw_request(found, by=request.user, reason=payload.reason if payload else "")
    return presenters.request_detail(request, _request_for(request, pk))


@router.post(
    "/requests/{pk}/votes",
    response={200: VoteOut},
    summary="Voter sur une demande",
    openapi_extra={"responses": CONFLICT},
)
def cast_vote(request, pk: Id, payload: VoteIn):
    """Pour une personne administratrice d'une structure votante sans conflit d'intérêts (403 sinon). Le vote
    remplace le précédent de la même structure ; après la clôture de la séance : 409."""
    found = _request_for(request, pk)
    structure = _structure_by_slug(payload.structure, "structure")
    vote = _run(
        lambda: services.cast_vote(
            found, by=request.user, choice=payload.choice, comment=payload.comment, structure=structure
        )
    )
    return presenters.vote_item(vote, cast_by=request.user.email, counted=True)


@router.post(
    "/requests/{pk}/conflicts",
    response={201: ConflictOut},
    summary="Déclarer un conflit d'intérêts",
    openapi_extra={"responses": CONFLICT},
)
def add_conflict(request, pk: Id, payload: ConflictIn):
    """Une structure votante déclare son conflit (avant de voter) ; la coordination l'enregistre pour une
    structure votante (`structure` obligatoire)."""
    found = _request_for(request, pk)
    structure = _structure_by_slug(payload.structure, "structure")
    if request_abilities(request.user, found)["record_conflict"] and structure is not None:
        conflict = _run(
            lambda: services.record_conflict(found, by=request.user, structure=structure, reason=payload.reason)
        )
    else:
        conflict = _run(
            lambda: services.declare_conflict(found, by=request.user, reason=payload.reason, structure=structure)
        )
    return Status(201, presenters.conflict_item(found, conflict))


def _session_for(request, pk: int) -> CommitteeSession:
    return get_object_or_404(readable_sessions(request.user), pk=pk)


@router.get("/sessions", response=Page[CommitteeSessionOut], summary="Lister les séances du comité")
def list_sessions(request, filters: Query[CommitteeSessionFilters]):
    """Toutes pour la coordination ; pour les autres, celles où l'une de leurs structures vote."""
    rows = readable_sessions(request.user)
    if filters.status:
        rows = rows.filter(status=filters.status)
    envelope, page = paginate(request, rows.order_by("-held_on", "-pk"), filters)
    envelope["results"] = presenters.sessions_out(request, page)
    return envelope


@router.post("/sessions", response={201: CommitteeSessionOut}, summary="Ouvrir une séance du comité")
def open_session(request, payload: CommitteeSessionIn):
    """Coordination seulement. Les structures avec appellation à cet instant deviennent les votantes."""
    if not can_open_session(request.user):  # before any lookup: which request ids exist is not for everyone
        raise PermissionDenied(_("Seule la coordination du réseau ouvre une séance du comité."))
    requests = list(AppellationRequest.objects.filter(pk__in=payload.requests))
    if len(requests) != len(set(payload.requests)):
        raise from_django(DjangoValidationError({"requests": "Demande inconnue dans la liste."}))
    session = _run(
        lambda: services.open_session(
            by=request.user,
            held_on=payload.held_on,
            deadline=payload.deadline,
            requests=requests,
            notes=payload.notes,
        )
    )
    return Status(201, presenters.sessions_out(request, [_session_for(request, session.pk)])[0])


@router.get("/sessions/{pk}", response=CommitteeSessionOut, summary="Lire une séance")
def get_session(request, pk: Id):
    return presenters.sessions_out(request, [_session_for(request, pk)])[0]


@router.post("/sessions/{pk}/close", response=ClosingOut, summary="Clore une séance")
def close_session(request, pk: Id):
    """Applique toutes les décisions en une transaction. Clore une séance déjà close ne change rien."""
    session = _session_for(request, pk)
    report = services.close_session(session, by=request.user)
    fresh = _session_for(request, pk)
    return answer(
        ClosingOut, session=presenters.sessions_out(request, [fresh])[0], already_closed=report.already_closed
    )
