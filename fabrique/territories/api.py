"""Reference geography (Code officiel géographique): régions and départements, public."""

from django.utils.translation import gettext as _
from ninja import Query, Router

from fabrique.core.api_answers import answer
from fabrique.core.api_errors import invalid
from fabrique.core.pagination import Page, ReferencePageParams, paginate

from .models import Departement, Region
from .schemas import DepartementFilters, DepartementOut, RegionOut, RegionRef

router = Router(tags=["Territoires"])


@router.get("/departements", response=Page[DepartementOut], summary="Lister les départements")
def list_departements(request, filters: Query[DepartementFilters]):
    """Les 101 départements, par code INSEE, avec leur région ; filtre `region` (code INSEE)."""
    departements = Departement.objects.select_related("region").order_by("code")
    if filters.region:
        if not Region.objects.filter(code=filters.region).exists():
            raise invalid(["query", "region"], _("Région inconnue : « %s » (code INSEE attendu).") % filters.region)
        departements = departements.filter(region_id=filters.region)
    envelope, rows = paginate(request, departements, filters)
    envelope["results"] = [answer(DepartementOut, d, region=answer(RegionRef, d.region)) for d in rows]
    return envelope


@router.get("/regions", response=Page[RegionOut], summary="Lister les régions")
def list_regions(request, params: Query[ReferencePageParams]):
    """Les 18 régions, par nom, avec les codes de leurs départements."""
    envelope, rows = paginate(request, Region.objects.prefetch_related("departements").order_by("name"), params)
    envelope["results"] = [
        answer(RegionOut, r, departements=sorted(d.code for d in r.departements.all())) for r in rows
    ]
    return envelope
