"""The method's API: « déjà fait ailleurs », the activities created elsewhere closest to a project or a need."""

from django.shortcuts import get_object_or_404

from fabrique.core.api_types import Id
from fabrique.search.api import similar_out
from fabrique.search.schemas import SimilarOut
from fabrique.search.similarity import similar_activities

from ..models import Need, Project
from ..perms import readable_needs, readable_projects
from .common import router


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
