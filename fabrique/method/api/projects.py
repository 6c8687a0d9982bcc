"""Projects through the API: list, read, open, edit, change stage, steering decisions, economic model, outcome."""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Status

from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_errors import invalid
from fabrique.core.api_types import Id
from fabrique.core.exceptions import DomainError
from fabrique.core.pagination import Page, PageParams, paginate
from fabrique.territories.codes import departements_from

from .. import presenters, services
from ..filters import filter_projects
from ..models import Need, Project, SteeringDecision
from ..perms import project_abilities, readable_projects
from ..schemas import (
    DecisionIn,
    DecisionOut,
    EconomicModelIn,
    OutcomeIn,
    ProjectFilters,
    ProjectIn,
    ProjectOut,
    ProjectPatch,
    StageIn,
)
from .common import (
    CONFLICT,
    check_filter_codes,
    invalid_from,
    partners_from,
    refused,
    router,
    structure_to_write,
)

ECONOMIC_MODEL_RENAMES = {
    "share_sales": ("revenue_mix", "sales"),
    "share_public_subsidies": ("revenue_mix", "public_subsidies"),
    "share_private_funding": ("revenue_mix", "private_funding"),
    "share_other": ("revenue_mix", "other"),
    NON_FIELD_ERRORS: ("revenue_mix",),
}


def projects_for(request):
    """Projects the caller may read (in full or in their public shape); `presenters.attach_project_lists`
    adds their départements, needs and partners."""
    return readable_projects(request.user, Project.objects.select_related("structure", "economic_model", "outcome"))


def _item(request, pk: int) -> dict:
    project = get_object_or_404(projects_for(request), pk=pk)
    return presenters.project_item(request, presenters.attach_project_lists([project])[0])


def _project_to(request, pk: int, ability: str = "view") -> Project:
    """The project if the caller reads it in full (else 404) and may do `ability` on it (else 403).

    A change goes through a service verb, which refuses it (403) when the caller may not make it: it is read
    with the default `view` here, so that the refusal is made once, by the service."""
    project = get_object_or_404(Project.objects.select_related("structure"), pk=pk)
    abilities = project_abilities(request.user, project)
    if not abilities["view"]:
        raise Http404(_("Projet introuvable."))
    if not abilities[ability]:
        raise PermissionDenied(_("Seuls les membres de la structure peuvent faire cela."))
    return project


def _needs_from(ids: list[int], structure) -> list[Need]:
    found = Need.objects.in_bulk(ids)
    unknown = [str(pk) for pk in ids if pk not in found or found[pk].structure_id != structure.pk]
    if unknown:
        raise invalid(["body", "needs"], _("Besoin(s) inconnu(s) pour cette structure : %s.") % ", ".join(unknown))
    return [found[pk] for pk in dict.fromkeys(ids)]


@router.get("/projects", response=Page[ProjectOut], summary="Lister les projets")
def list_projects(request, filters: Query[ProjectFilters]):
    """Les projets des structures de l'appelant (tous pour la coordination) et, pour tous, les activités créées
    publiées, sous leur forme publique (sans données personnelles). Filtres : structure, étape, thème,
    département, année de détection, recherche."""
    check_filter_codes(filters.structure, filters.departement)
    values = filters.model_dump(exclude={"page", "page_size"})
    projects = filter_projects(projects_for(request), **values).order_by("-updated_at", "-pk")
    envelope, rows = paginate(request, projects, filters)
    presenters.attach_project_lists(rows)
    envelope["results"] = [presenters.project_item(request, project) for project in rows]
    return envelope


@router.get("/projects/{project_id}", response=ProjectOut, summary="Lire un projet")
def get_project(request, project_id: Id):
    return _item(request, project_id)


@router.post("/projects", response={201: ProjectOut}, auth=IDENTIFIED, summary="Ouvrir un projet")
def create_project(request, payload: ProjectIn):
    """Ouvre un projet à l'étape détection, pour une structure dont l'appelant est membre, à partir de zéro ou
    plusieurs de ses besoins (qui passent au statut « qualifié »)."""
    data = payload.model_dump()
    structure = structure_to_write(request, data.pop("structure"))
    departements = departements_from(data.pop("departements"), "departements")
    needs = _needs_from(data.pop("needs"), structure)
    data["detected_on"] = data["detected_on"] or timezone.localdate()
    try:
        project = services.create_project(structure, by=request.user, data=data, departements=departements, needs=needs)
    except DjangoValidationError as exc:
        raise invalid_from(exc) from None
    return Status(201, _item(request, project.pk))


@router.patch(
    "/projects/{project_id}",
    response=ProjectOut,
    auth=IDENTIFIED,
    summary="Modifier un projet",
    openapi_extra={"responses": CONFLICT},
)
def update_project(request, project_id: Id, payload: ProjectPatch):
    """Modifie les champs envoyés. `version` est celle lue : si quelqu'un a enregistré entre-temps, 409 et rien
    n'est enregistré. L'étape se change avec `POST /projects/{id}/stage`."""
    project = _project_to(request, project_id)
    data = payload.model_dump(exclude_unset=True)
    version = data.pop("version")
    codes, need_ids = data.pop("departements", None), data.pop("needs", None)
    departements = departements_from(codes, "departements") if codes is not None else None
    needs = _needs_from(need_ids, project.structure) if need_ids is not None else None
    try:
        services.update_project(
            project, by=request.user, data=data, expected_version=version, departements=departements, needs=needs
        )
    except DjangoValidationError as exc:
        raise invalid_from(exc) from None
    except DomainError as exc:
        raise refused(exc) from None
    return _item(request, project.pk)


@router.post(
    "/projects/{project_id}/stage",
    response=ProjectOut,
    auth=IDENTIFIED,
    summary="Changer l'étape d'un projet",
    openapi_extra={"responses": CONFLICT},
)
def move_project(request, project_id: Id, payload: StageIn):
    """Avance d'une étape, recule (motif obligatoire), met en pause ou abandonne (motif obligatoire), reprend.
    La transmission demande une décision « go » du comité de pilotage ; l'activité créée demande le résultat
    (date de création, forme juridique). Un changement refusé répond 409 avec la raison."""
    project = _project_to(request, project_id, "move")
    try:
        services.change_stage(project, payload.to, by=request.user, note=payload.note, expected_version=payload.version)
    except DomainError as exc:
        raise refused(exc) from None
    return _item(request, project.pk)


@router.get(
    "/projects/{project_id}/decisions",
    response=Page[DecisionOut],
    auth=IDENTIFIED,
    summary="Lister les décisions du comité de pilotage",
)
def list_decisions(request, project_id: Id, params: Query[PageParams]):
    project = _project_to(request, project_id, "view")
    decisions = SteeringDecision.objects.filter(project=project).prefetch_related("attendee_partners")
    envelope, rows = paginate(request, decisions.order_by("-decided_on", "-pk"), params)
    envelope["results"] = [presenters.decision_item(decision) for decision in rows]
    return envelope


@router.post(
    "/projects/{project_id}/decisions",
    response={201: DecisionOut},
    auth=IDENTIFIED,
    summary="Consigner une décision du comité de pilotage",
)
def create_decision(request, project_id: Id, payload: DecisionIn):
    """Une décision « go » sur la transmission (`handover`) ou le go / no-go (`go_no_go`) ouvre la transmission."""
    project = _project_to(request, project_id)
    data = payload.model_dump()
    partners = partners_from(data.pop("attendee_partners"), "attendee_partners")
    try:
        decision = services.record_decision(project, by=request.user, data=data, attendee_partners=partners)
    except DjangoValidationError as exc:
        raise invalid_from(exc) from None
    return Status(201, presenters.decision_item(decision))


@router.put(
    "/projects/{project_id}/economic-model",
    response=ProjectOut,
    auth=IDENTIFIED,
    summary="Enregistrer le modèle économique",
    openapi_extra={"responses": CONFLICT},
)
def put_economic_model(request, project_id: Id, payload: EconomicModelIn):
    """Budget, répartition des recettes (total 100 %), année d'équilibre, emplois prévus. `version` : celle lue,
    0 s'il n'y en avait pas ; une version dépassée répond 409."""
    project = _project_to(request, project_id)
    data = payload.model_dump()
    version = data.pop("version")
    mix = data.pop("revenue_mix")
    data.update(
        share_sales=mix["sales"],
        share_public_subsidies=mix["public_subsidies"],
        share_private_funding=mix["private_funding"],
        share_other=mix["other"],
    )
    try:
        services.save_economic_model(project, by=request.user, data=data, expected_version=version)
    except DjangoValidationError as exc:
        raise invalid_from(exc, ECONOMIC_MODEL_RENAMES) from None
    except DomainError as exc:
        raise refused(exc) from None
    return _item(request, project.pk)


@router.put(
    "/projects/{project_id}/outcome",
    response=ProjectOut,
    auth=IDENTIFIED,
    summary="Enregistrer le résultat (activité créée)",
    openapi_extra={"responses": CONFLICT},
)
def put_outcome(request, project_id: Id, payload: OutcomeIn):
    """Date de création (pas avant la détection), forme juridique, SIRET (vérifié), emplois, suivis à 1 et 3 ans."""
    project = _project_to(request, project_id)
    data = payload.model_dump()
    version = data.pop("version")
    try:
        services.save_outcome(project, by=request.user, data=data, expected_version=version)
    except DjangoValidationError as exc:
        raise invalid_from(exc) from None
    except DomainError as exc:
        raise refused(exc) from None
    return _item(request, project.pk)
