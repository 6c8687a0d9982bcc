"""The indicators API: `GET /api/v1/indicators?year=&structure=&region=&departement=`."""

from ninja import Query, Router
from ninja.errors import AuthenticationError

from fabrique.core.api_errors import invalid

from . import indicators, presenters
from .schemas import IndicatorFilters, IndicatorsOut
from .selection import LoginRequired, select

router = Router(tags=["Indicateurs"])


UNKNOWN_OR_CLOSED = {
    403: {"description": "Indicateurs d'une structure ou d'un département que l'appelant ne peut pas lire."},
    404: {"description": "Structure, région ou département inconnu."},
}


@router.get(
    "/indicators",
    response=IndicatorsOut,
    by_alias=True,
    summary="Lire les indicateurs",
    openapi_extra={"responses": UNKNOWN_OR_CLOSED},
)
def get_indicators(request, filters: Query[IndicatorFilters]):
    """Les indicateurs d'une année (définitions : docs/indicators.md), pour le réseau, une région (publics),
    une structure (ses membres et la coordination) ou un département (partenaires qui le suivent)."""
    try:
        selection = select(
            request.user,
            year=filters.year,
            structure=filters.structure,
            region=filters.region,
            departement=filters.departement,
        )
    except ValueError as exc:
        raise invalid(["query", "year"], str(exc)) from None
    except LoginRequired:
        raise AuthenticationError() from None
    figures = indicators.cached_compute(selection.year, selection.scope)
    return presenters.figures_dict(figures, selection.structure.slug if selection.structure else None)
