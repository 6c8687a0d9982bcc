"""Search API: `GET /search` across every type; the shape of a similar created activity, whose endpoints belong
to the app of what it is similar to (the method's projects and needs)."""

from django.utils.translation import gettext as _
from ninja import Query, Router

from fabrique.core.api_answers import answer
from fabrique.core.api_errors import invalid
from fabrique.core.api_refs import StructureRef
from fabrique.core.pagination import page_of
from fabrique.core.vocabulary import Theme
from fabrique.territories.models import Region

from .query import SearchRequest, search
from .registry import registered_types
from .schemas import FacetOut, SearchFacets, SearchHit, SearchOut, SearchParams, SimilarOut

router = Router(tags=["Recherche"])


def request_from_params(params: SearchParams) -> SearchRequest:
    """Check the filters (422 naming the parameter) and build the search request."""
    types = [value.strip() for value in (params.type or "").split(",") if value.strip()]
    unknown = [value for value in types if value not in registered_types()]
    if unknown:
        raise invalid(
            ["query", "type"],
            _("Type inconnu : « %(value)s » ; types possibles : %(choices)s.")
            % {"value": ", ".join(unknown), "choices": ", ".join(registered_types())},
        )
    if params.theme and params.theme not in Theme.values:
        raise invalid(["query", "theme"], _("Thème inconnu : « %s ».") % params.theme)
    if params.region and not Region.objects.filter(code=params.region).exists():
        raise invalid(["query", "region"], _("Région inconnue : « %s » (code INSEE attendu).") % params.region)
    return SearchRequest(text=params.q, types=types, theme=params.theme or "", region=params.region or "")


def _absolute(request, url: str) -> str | None:
    return request.build_absolute_uri(url) if url else None


def _structure(document):
    structure = document.structure
    return answer(StructureRef, structure) if structure else None


def hit(request, result) -> dict:
    document = result.document
    return answer(
        SearchHit,
        result,
        id=document.object_id,
        title_html=str(result.title_html),
        snippet_html=str(result.snippet_html),
        url=_absolute(request, document.url),
        category=document.category,
        structure=_structure(document),
        themes=[code for code, _label in result.themes],
    )


@router.get("/search", response=SearchOut, summary="Rechercher")
def search_everything(request, params: Query[SearchParams]):
    """Structures, projets, besoins, ressources, événements et actualités, filtrés selon les droits de
    l'appelant : en français, sans tenir compte des accents ni des pluriels, classés (titre avant texte), avec
    des extraits surlignés et des facettes (type, thème, région)."""
    found = search(request.user, request_from_params(params), params.page, params.page_size)
    facets = {
        name: [answer(FacetOut, facet) for facet in found.facets.get(name, [])] for name in SearchFacets.model_fields
    }
    return page_of(
        request,
        params,
        found.count,
        [hit(request, result) for result in found.results],
        SearchOut,
        count_is_exact=found.exact,
        facets=answer(SearchFacets, **facets),
    )


def similar_out(request, activity) -> dict:
    return answer(
        SimilarOut,
        activity,
        url=_absolute(request, activity.url),
        notebook_url=_absolute(request, activity.notebook_url),
        structure=_structure(activity.document),
    )
