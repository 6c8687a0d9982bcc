"""A project's next steps through the API: list, add, edit, change status, with the same rights and verbs as the
« Prochaines étapes » tab (404 for whoever is not on the project, 403 for a place that may not write)."""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Status

from fabrique.core.api_answers import answer
from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_errors import from_django, invalid
from fabrique.core.api_types import Day, Id, Input, Text, Version
from fabrique.core.pagination import Out, Page, PageParams, paginate
from fabrique.method.enums import Stage

from ..enums import NextStepStatus
from ..models import NextStep
from ..perms import place_on, step_abilities, workspace_abilities
from ..selectors import possible_owners
from ..services import steps as services
from ..views.common import workspace_for

router = Router(tags=["Espace projet"], auth=IDENTIFIED)

StatusCode = Literal[tuple(NextStepStatus.values)]  # type: ignore[valid-type]
StageCode = Literal[tuple(Stage.values)]  # type: ignore[valid-type]
CONFLICT = {409: {"description": "Modifiée entre-temps : la raison est donnée en français dans `detail`."}}


class StepOwner(Out):
    id: int
    name: str


class NextStepOut(Out):
    id: int
    project: int
    title: str
    owner: StepOwner | None = Field(description="La personne responsable, de l'équipe ou invitée sur le projet.")
    due_on: date
    late: bool = Field(description="Ouverte et l'échéance est passée.")
    status: StatusCode
    status_label: str
    stage: StageCode
    created_at: datetime
    done_at: datetime | None
    version: int
    url: str
    abilities: dict[str, bool] = Field(description="Ce que l'appelant peut faire : view, change.")


class NextStepIn(Input):
    title: Text = Field(min_length=1, max_length=200)
    owner: Id | None = Field(None, description="Une personne du projet (par défaut, l'appelant·e).")
    due_on: Day = Field(description="Pas dans le passé.")
    stage: StageCode | None = Field(None, description="Par défaut, l'étape où se trouve le projet.")


class NextStepPatch(Input):
    version: Version = Field(ge=1, description="Version lue : une modification faite entre-temps est refusée (409).")
    title: Text = Field(None, min_length=1, max_length=200)
    owner: Id = None
    due_on: Day = None
    stage: StageCode = None


class NextStepStatusIn(Input):
    status: StatusCode
    version: Version | None = Field(None, ge=1, description="Version lue ; si elle est dépassée, 409.")


class StepFilters(PageParams):
    status: StatusCode | None = Field(None, description="Seulement les étapes de ce statut.")
    open: bool = Field(False, description="Seulement les étapes ouvertes (pas faites).")


def _item(request, step: NextStep, place=None) -> dict:
    owner = step.owner
    return answer(
        NextStepOut,
        step,
        id=step.pk,
        project=step.project_id,
        owner=answer(StepOwner, id=owner.pk, name=owner.get_full_name() or owner.email) if owner else None,
        late=step.is_late(timezone.localdate()),
        status_label=str(step.get_status_display()),
        url=reverse("workspace:steps", args=[step.project_id]) + f"#etape-{step.pk}",
        abilities=step_abilities(request.user, step, place),
    )


def _owner(project, owner_id: int | None, default):
    if owner_id is None:
        return default
    owner = possible_owners(project).filter(pk=owner_id).first()
    if owner is None:
        raise invalid(["body", "owner"], _("Choisissez une personne du projet : de l'équipe ou invitée."))
    return owner


def _step(request, step_id: int) -> NextStep:
    """The step if the caller is on its project (else 404, as for the project itself)."""
    step = get_object_or_404(NextStep.objects.select_related("project__structure", "owner"), pk=step_id)
    if not workspace_abilities(request.user, step.project)["view"]:
        raise Http404(_("Projet introuvable."))
    return step


@router.get("/projects/{project_id}/next-steps", response=Page[NextStepOut], summary="Lister les prochaines étapes")
def list_steps(request, project_id: Id, filters: Query[StepFilters]):
    """Les prochaines étapes d'un projet, par échéance. Pour qui est sur le projet et pour la coordination."""
    project, place, _abilities = workspace_for(request.user, project_id)
    steps = NextStep.objects.filter(project=project).select_related("owner")
    if filters.status:
        steps = steps.filter(status=filters.status)
    if filters.open:
        steps = steps.open()
    envelope, rows = paginate(request, steps.order_by("due_on", "pk"), filters)
    for step in rows:
        step.project = project
    envelope["results"] = [_item(request, step, place) for step in rows]
    return envelope


@router.post("/projects/{project_id}/next-steps", response={201: NextStepOut}, summary="Ajouter une prochaine étape")
def create_step(request, project_id: Id, payload: NextStepIn):
    """L'équipe, le porteur, les partenaires et les experts en ajoutent (pas un observateur, pas la coordination).
    La personne responsable, si ce n'est pas l'appelant·e, en est notifiée."""
    project, _place, _abilities = workspace_for(request.user, project_id, "write")  # refused before the body is read
    data = payload.model_dump()
    data["owner"] = _owner(project, data["owner"], request.user)
    data["stage"] = data["stage"] or ""
    try:
        step = services.create_step(project, by=request.user, data=data)
    except ValidationError as exc:
        raise from_django(exc) from None
    return Status(201, _item(request, step))


@router.patch(
    "/next-steps/{step_id}",
    response=NextStepOut,
    summary="Modifier une prochaine étape",
    openapi_extra={"responses": CONFLICT},
)
def update_step(request, step_id: Id, payload: NextStepPatch):
    """Modifie les champs envoyés (l'équipe ou la personne responsable). `version` est celle lue."""
    step = _step(request, step_id)
    data = payload.model_dump(exclude_unset=True)
    version = data.pop("version")
    if not step_abilities(request.user, step)["change"]:  # refused before the owner named is looked up
        raise PermissionDenied(_("Seuls l'équipe et la personne responsable modifient cette prochaine étape."))
    if "owner" in data:
        data["owner"] = _owner(step.project, data["owner"], None)
    try:
        services.update_step(step, by=request.user, data=data, expected_version=version)
    except ValidationError as exc:
        raise from_django(exc) from None
    return _item(request, step)


@router.post(
    "/next-steps/{step_id}/status",
    response=NextStepOut,
    summary="Changer le statut d'une prochaine étape",
    openapi_extra={"responses": CONFLICT},
)
def change_status(request, step_id: Id, payload: NextStepStatusIn):
    """À faire, en cours, bloquée, faite (l'équipe ou la personne responsable)."""
    step = _step(request, step_id)
    services.set_step_status(step, payload.status, by=request.user, expected_version=payload.version)
    return _item(request, step, place_on(request.user, step.project))
