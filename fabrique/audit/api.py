"""The activity feeds through the API: a project's (`/projects/{id}/activity`, whoever views its workspace, each what
they may) and a structure's (`/structures/{slug}/activity`, its team and the coordination), as on the pages."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router

from fabrique.core.api_answers import answer
from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_types import Id, Text
from fabrique.core.pagination import PageParams, page_of, paginate
from fabrique.network.models import Structure
from fabrique.workspace.views.common import workspace_for

from . import feed, sentences
from .perms import structure_feed_abilities
from .schemas import ActivityOut, ActivityPage

router = Router(tags=["Fil d'activité"], auth=IDENTIFIED)


def _item(item: feed.Item) -> dict:
    return answer(ActivityOut, item, author=sentences.name_of(item.author), project=item.project_id)


def _page(request, rows, params: PageParams, *, internal: bool, abilities: dict[str, bool]) -> dict:
    envelope, page_rows = paginate(request, rows, params)
    results = [_item(item) for item in feed.items(page_rows, internal=internal)]
    return page_of(request, params, envelope["count"], results, schema=ActivityPage, abilities=abilities)


@router.get("/projects/{project_id}/activity", response=ActivityPage, summary="Lire le fil d'activité d'un projet")
def project_activity(request, project_id: Id, params: Query[PageParams]):
    """Qui a fait quoi sur le projet, du plus récent au plus ancien. Le porteur, les partenaires et les experts n'y
    lisent que ce qu'ils voient dans l'espace du projet (ni les notes de suivi, ni les décisions du comité de
    pilotage, ni ce que l'équipe garde pour elle) ; 404 pour qui n'est pas sur le projet."""
    project, _place, abilities = workspace_for(request.user, project_id)
    internal = abilities["see_internal"]
    return _page(request, feed.project_rows(project, internal=internal), params, internal=internal, abilities=abilities)


@router.get("/structures/{slug}/activity", response=ActivityPage, summary="Lire le fil d'activité d'une structure")
def structure_activity(request, slug: Text, params: Query[PageParams]):
    """Ses projets et sa propre fiche (statut, partenariats, équipe, besoins, séances, demande d'appellation), pour
    son équipe et la coordination (403 pour les autres)."""
    structure = get_object_or_404(Structure, slug=slug)
    abilities = structure_feed_abilities(request.user, structure)
    if not abilities["view"]:
        raise PermissionDenied(_("Le fil d'activité d'une structure est réservé à son équipe et à la coordination."))
    return _page(request, feed.structure_rows(structure), params, internal=True, abilities=abilities)
