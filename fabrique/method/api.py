"""The method's API: needs and creativity sessions here; projects, stages and decisions in api_projects."""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from fabrique.core.api_auth import BearerOrSession
from fabrique.core.api_errors import field_error, from_django, invalid
from fabrique.core.api_types import Id
from fabrique.core.exceptions import DomainError
from fabrique.core.pagination import Page, paginate
from fabrique.network.models import Partner, Structure
from fabrique.search.api import similar_out
from fabrique.search.schemas import SimilarOut
from fabrique.search.similarity import similar_activities
from fabrique.territories.models import Departement

from . import presenters, services
from .models import CreativitySession, Need, Project
from .perms import can_write_in, readable_needs, readable_projects, readable_sessions
from .schemas import CreativitySessionFilters, CreativitySessionIn, CreativitySessionOut, NeedFilters, NeedIn, NeedOut

router = Router(tags=["Méthode"])

# Needs, sessions and every write need an identified caller: a bearer token, or the session with its CSRF token.
MEMBER_AUTH = BearerOrSession()
MEMBER_AUTH.openapi_security_schema = {
    "type": "http",
    "scheme": "bearer",
    "description": "Jeton personnel ou session du navigateur (avec son jeton CSRF).",
}
CONFLICT = {409: {"description": "Refusé : la raison est donnée en français dans `detail`."}}


def refused(exc: DomainError) -> HttpError:
    """A refused change (stage rule, stale version) is a 409 with the French reason."""
    return HttpError(409, str(exc))


def invalid_from(exc: DjangoValidationError, renames: dict[str, tuple[str, ...]] | None = None):
    """A model's ValidationError → a 422 naming the API's fields (`renames`: model field → path in the body)."""
    if not renames or not hasattr(exc, "error_dict"):
        return from_django(exc)
    errors = [
        field_error(["body", *renames.get(name, () if name == NON_FIELD_ERRORS else (name,))], message)
        for name, messages in exc.message_dict.items()
        for message in messages
    ]
    return NinjaValidationError(errors)


def structure_to_write(request, slug: str) -> Structure:
    structure = Structure.objects.filter(slug=slug).first()
    if structure is None:
        raise invalid(["body", "structure"], _("Structure inconnue : « %s ».") % slug)
    if not can_write_in(request.user, structure):
        raise PermissionDenied(_("Seuls les membres de la structure y enregistrent des données."))
    return structure


def departements_from(codes: list[str], field: str) -> list[Departement]:
    wanted = list(dict.fromkeys(code.strip().upper() for code in codes))
    found = Departement.objects.in_bulk(wanted)
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise invalid(
            ["body", field],
            _("Département(s) inconnu(s) : %s (codes INSEE attendus, par exemple 29 ou 2A).") % ", ".join(unknown),
        )
    return [found[code] for code in wanted]


def partners_from(ids: list[int], field: str) -> list[Partner]:
    found = Partner.objects.in_bulk(ids)
    unknown = [str(pk) for pk in ids if pk not in found]
    if unknown:
        raise invalid(["body", field], _("Partenaire(s) inconnu(s) : %s.") % ", ".join(unknown))
    return [found[pk] for pk in dict.fromkeys(ids)]


def check_filter_codes(structure: str | None, departement: str | None) -> None:
    if structure and not Structure.objects.filter(slug=structure).exists():
        raise invalid(["query", "structure"], _("Structure inconnue : « %s ».") % structure)
    if departement and not Departement.objects.filter(code=departement).exists():
        raise invalid(["query", "departement"], _("Département inconnu : « %s » (code INSEE attendu).") % departement)


# --- needs ---------------------------------------------------------------------------------------------------


def needs_for(request):
    return readable_needs(
        request.user,
        Need.objects.select_related("structure").prefetch_related(
            Prefetch("projects", queryset=Project.objects.only("pk").order_by("pk"))
        ),
    )


@router.get("/needs", response=Page[NeedOut], auth=MEMBER_AUTH, summary="Lister les besoins et idées")
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


@router.get("/needs/{need_id}", response=NeedOut, auth=MEMBER_AUTH, summary="Lire un besoin")
def get_need(request, need_id: Id):
    return presenters.need_item(request, get_object_or_404(needs_for(request), pk=need_id))


@router.post("/needs", response={201: NeedOut}, auth=MEMBER_AUTH, summary="Enregistrer un besoin ou une idée")
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


# --- creativity sessions -------------------------------------------------------------------------------------


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
    auth=MEMBER_AUTH,
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
    "/creativity-sessions/{session_id}", response=CreativitySessionOut, auth=MEMBER_AUTH, summary="Lire une séance"
)
def get_session(request, session_id: Id):
    return presenters.session_item(request, get_object_or_404(sessions_for(request), pk=session_id))


@router.post(
    "/creativity-sessions",
    response={201: CreativitySessionOut},
    auth=MEMBER_AUTH,
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


@router.get(
    "/projects/{project_id}/similar",
    response=list[SimilarOut],
    summary="Déjà fait ailleurs (projet)",
    tags=["Recherche"],
)
def similar_to_project(request, project_id: Id):
    """Jusqu'à cinq activités créées par d'autres structures, les plus proches d'abord, avec les mots communs."""
    project = get_object_or_404(readable_projects(request.user, Project.objects.all()), pk=project_id)
    return [similar_out(request, activity) for activity in similar_activities(request.user, project)]


@router.get(
    "/needs/{need_id}/similar", response=list[SimilarOut], summary="Déjà fait ailleurs (besoin)", tags=["Recherche"]
)
def similar_to_need(request, need_id: Id):
    """Les activités créées ailleurs qui répondent à un besoin proche de celui-ci."""
    need = get_object_or_404(readable_needs(request.user, Need.objects.all()), pk=need_id)
    return [similar_out(request, activity) for activity in similar_activities(request.user, need)]


# The project endpoints share this router (one router serves GET and PATCH on the same path).
from . import api_projects  # noqa: E402, F401
