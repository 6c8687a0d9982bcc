"""The registry's API: structures, collectives and the map (reads); writes live in `write` and `partners`."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query

from fabrique.core.api_answers import answer
from fabrique.core.api_errors import invalid
from fabrique.core.api_types import Text
from fabrique.core.pagination import Page, PageParams, paginate
from fabrique.territories.models import Departement, Region

from .. import presenters
from ..enums import StructureStatus
from ..map import build_map
from ..models import Collective, Structure
from ..perms import readable_structures
from ..schemas import (
    CollectiveOut,
    MapDepartement,
    MapRegion,
    MapStructure,
    StructureDetailOut,
    StructureFilters,
    StructureOut,
)
from .router import router


def structures_for(request):
    """The structures the caller may read, with what a list item needs prefetched."""
    return readable_structures(request.user, Structure.objects.prefetch_related("departements", "collectives"))


def _filtered(request, filters: StructureFilters):
    structures = structures_for(request)
    if filters.status:
        structures = structures.filter(status=filters.status)
    if filters.region:
        region = filters.region.strip()
        if not Region.objects.filter(code=region).exists():
            raise invalid(["query", "region"], _("Région inconnue : « %s » (code INSEE attendu).") % region)
        structures = structures.filter(pk__in=Structure.objects.in_region(region).values("pk"))
    if filters.departement:
        code = filters.departement.strip().upper()  # "2a" is Corse-du-Sud too
        if not Departement.objects.filter(code=code).exists():
            raise invalid(["query", "departement"], _("Département inconnu : « %s » (code INSEE attendu).") % code)
        structures = structures.filter(pk__in=Structure.objects.filter(departements=code).values("pk"))
    if filters.q:
        structures = structures.filter(Q(name__unaccent_icontains=filters.q) | Q(city__unaccent_icontains=filters.q))
    return structures.order_by("name", "pk")


@router.get("/structures", response=Page[StructureOut], summary="Lister les structures")
def list_structures(request, filters: Query[StructureFilters]):
    """Structures du réseau, par nom. Les candidates ne sont visibles que de la coordination et de leurs membres."""
    envelope, rows = paginate(request, _filtered(request, filters), filters)
    envelope["results"] = [presenters.structure_item(request, s) for s in rows]
    return envelope


@router.get("/structures/{slug}", response=StructureDetailOut, summary="Lire une structure")
def get_structure(request, slug: Text):
    """Une structure, ses partenaires en cours par type, ses collectifs et ses dates de statut."""
    structure = get_object_or_404(structures_for(request), slug=slug)
    return presenters.structure_detail(request, structure)


def collectives_for(request):
    members = readable_structures(request.user, Structure.objects.order_by("name"))
    return Collective.objects.prefetch_related(Prefetch("structures", queryset=members, to_attr="visible_members"))


@router.get("/collectives", response=Page[CollectiveOut], summary="Lister les collectifs", tags=["Collectifs"])
def list_collectives(request, params: Query[PageParams]):
    """Collectifs de structures (par exemple « Le Générateur Bourgogne-Franche-Comté »), avec leurs membres."""
    envelope, rows = paginate(request, collectives_for(request).order_by("name", "pk"), params)
    envelope["results"] = [presenters.collective_item(request, c) for c in rows]
    return envelope


@router.get("/collectives/{slug}", response=CollectiveOut, summary="Lire un collectif", tags=["Collectifs"])
def get_collective(request, slug: Text):
    return presenters.collective_item(request, get_object_or_404(collectives_for(request), slug=slug))


@router.get("/map", response=list[MapDepartement], summary="Carte du réseau", tags=["Carte"])
def network_map(request):
    """Les 101 départements, chacun avec les structures visibles qui le couvrent et leur statut le plus avancé."""
    origin = request.build_absolute_uri("/").rstrip("/")  # once, not once per structure
    return [
        answer(
            MapDepartement,
            entry,
            region=answer(MapRegion, code=entry.region_code, name=entry.region_name),
            status_label=str(StructureStatus(entry.status).label) if entry.status else None,
            structures=[answer(MapStructure, s, url=f"{origin}{s.url}") for s in entry.structures],
        )
        for entry in build_map(request.user).departements
    ]
