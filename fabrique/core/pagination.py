"""Page-number pagination shared by every list of the API.

`?page=` (from 1) and `?page_size=` (1 to MAX_PAGE_SIZE); the answer is
`{"count", "page", "page_size", "next", "previous", "results"}`. A page past the end is empty, not an error.
"""

from typing import Generic, TypeVar

from django.db.models import QuerySet
from ninja import Field, Schema
from pydantic import BaseModel

from .api_answers import answer

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
# Far past any list; keeps the offset (page × size) within what the database reads.
MAX_PAGE = 1_000_000

T = TypeVar("T")


class PageParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description=f"Numéro de page, de 1 à {MAX_PAGE}.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Éléments par page (par défaut {DEFAULT_PAGE_SIZE}, au plus {MAX_PAGE_SIZE}).",
    )


class ReferencePageParams(PageParams):
    """Reference lists (régions, départements) fit in one page by default."""

    page_size: int = Field(
        MAX_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Éléments par page (par défaut et au plus {MAX_PAGE_SIZE}).",
    )


class Out(BaseModel):
    """An answer built as a dict by a presenter (`api_answers.answer`), validated by pydantic alone.

    ninja's `Schema` reads each field through a wrapper that resolves attributes of model instances: for
    dicts that is a tenth of an API page of 50 projects spent for nothing."""


class Page(Out, Generic[T]):
    count: int = Field(description="Nombre total d'éléments, toutes pages confondues.")
    page: int
    page_size: int
    next: str | None = Field(None, description="Adresse de la page suivante, ou null.")
    previous: str | None = Field(None, description="Adresse de la page précédente, ou null.")
    results: list[T]


def _page_url(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(request, queryset: QuerySet, params: PageParams) -> tuple[dict, list]:
    """Count and slice `queryset` (two queries); returns the envelope with empty results, and the page's rows.

    The caller turns the rows into results (abilities, URLs) and sets `envelope["results"]`."""
    count = queryset.count()
    start = (params.page - 1) * params.page_size
    rows = list(queryset[start : start + params.page_size]) if start < count else []
    return page_of(request, params, count), rows


def page_of(request, params: PageParams, count: int, results: list | None = None, schema=Page, **values) -> dict:
    """The envelope of a page of `count` results in all; `schema` may add fields to `Page`'s, given in `values`."""
    start = (params.page - 1) * params.page_size
    return answer(
        schema,
        count=count,
        page=params.page,
        page_size=params.page_size,
        next=_page_url(request, params.page + 1) if start + params.page_size < count else None,
        previous=_page_url(request, params.page - 1) if params.page > 1 else None,
        results=[] if results is None else results,
        **values,
    )
