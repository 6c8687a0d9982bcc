"""The search service: one query across every registered type, filtered by the reader's rights, ranked,
paginated, with highlighted snippets and facets (type, theme, région).

Rights are a condition of the SQL query itself (visibility and owning structure of each document), so the
count, the facets and every page only ever hold what the reader may read.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString

from fabrique.core.vocabulary import Theme
from fabrique.territories.models import Region

from . import french
from .backends import ALL, get_backend
from .enums import DocumentType, FacetName
from .models import SearchDocument, SearchFacet
from .registry import adapter_for_type, registered_types
from .visibility import readable_q

RELEVANCE, RECENT = "relevance", "recent"
# Beyond this many matches the total reads "more than COUNT_LIMIT" and the facets count the first ones only:
# counting every row of a query that matches half of the network costs more than it tells.
COUNT_LIMIT = 1000


@dataclass
class SearchRequest:
    text: str = ""
    types: list[str] = field(default_factory=list)
    theme: str = ""
    region: str = ""
    category: str = ""
    structure_id: int | None = None
    order: str = RELEVANCE


@dataclass
class Result:
    document: SearchDocument
    type: str
    type_label: str
    title_html: SafeString
    snippet_html: SafeString
    category_label: str
    themes: list[tuple[str, str]]

    @property
    def title(self) -> str:
        return self.document.title

    @property
    def url(self) -> str:
        return self.document.url

    @property
    def date(self) -> date | None:
        return self.document.date


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchPage:
    count: int
    results: list[Result]
    facets: dict[str, list[FacetValue]]
    terms: list[str]
    empty_query: bool = False
    exact: bool = True  # False: more than COUNT_LIMIT matches, `count` is COUNT_LIMIT and facets are partial


def readable_documents(user) -> QuerySet:
    """The index rows `user` may read, of the types registered now."""
    published = Q(not_before__isnull=True) | Q(not_before__lte=timezone.localdate())
    return SearchDocument.objects.filter(readable_q(user), published, type__in=registered_types())


def _with_facet(queryset: QuerySet, name: str, value: str) -> QuerySet:
    return queryset.filter(pk__in=SearchFacet.objects.filter(name=name, value=value).values("document_id"))


def _filtered(queryset: QuerySet, request: SearchRequest, skip: str = "") -> QuerySet:
    if request.types and skip != "type":
        queryset = queryset.filter(type__in=request.types)
    if request.theme and skip != FacetName.THEME:
        queryset = _with_facet(queryset, FacetName.THEME, request.theme)
    if request.region and skip != FacetName.REGION:
        queryset = _with_facet(queryset, FacetName.REGION, request.region)
    if request.category:
        queryset = queryset.filter(category=request.category)
    if request.structure_id is not None:
        queryset = queryset.filter(structure_id=request.structure_id)
    return queryset


def _stems(terms: list[str]) -> list[str]:
    return [french.stem(term) for term in terms]


def search(user, request: SearchRequest, page: int = 1, page_size: int = 20, facets: bool = True) -> SearchPage:
    terms = french.query_terms(request.text)
    if request.text.strip() and not terms:
        return SearchPage(0, [], {}, [], empty_query=True)
    backend = get_backend()
    base = readable_documents(user)
    if terms:
        base = backend.filter(base, terms, ALL)
    queryset = _filtered(base, request)
    exact = True
    if facets:
        found_facets, count = _facets(base, request)  # the count stops at COUNT_LIMIT + 1
        exact = count <= COUNT_LIMIT
        count = min(count, COUNT_LIMIT)
    else:
        found_facets, count = {}, queryset.count()
    if terms and request.order == RELEVANCE:
        ordering = backend.relevance_ordering()
    else:
        ordering = [F("date").desc(nulls_last=True), "title", "pk"]
    start = (page - 1) * page_size
    rows = []
    if start < count:
        scored = backend.match(_filtered(readable_documents(user), request), terms, ALL) if terms else queryset
        rows = list(
            scored.select_related("structure").prefetch_related("facets").order_by(*ordering)[start : start + page_size]
        )
    stems = _stems(terms)
    return SearchPage(
        count=count,
        results=[_result(document, stems) for document in rows],
        facets=found_facets,
        terms=terms,
        exact=exact,
    )


def _result(document: SearchDocument, stems: list[str]) -> Result:
    adapter = adapter_for_type(document.type)
    theme_labels = dict(Theme.choices)
    themes = [
        (facet.value, str(theme_labels.get(facet.value, facet.value)))
        for facet in document.facets.all()
        if facet.name == FacetName.THEME
    ]
    return Result(
        document=document,
        type=document.type,
        type_label=str(DocumentType(document.type).label),
        title_html=french.highlight(document.title, stems),
        snippet_html=french.snippet(document.summary or document.body, stems),
        category_label=adapter.category_label(document.category) if adapter else document.category,
        themes=themes,
    )


def _facets(base: QuerySet, request: SearchRequest) -> tuple[dict[str, list[FacetValue]], int]:
    """Counts per type, theme and région, over at most COUNT_LIMIT + 1 matches, and the number of matches (at
    most COUNT_LIMIT + 1). Each facet ignores its own filter (to offer the other values) and applies the others;
    facets whose filter is not in use share one grouped query, over the matches of every filter, which also
    counts them: each document has exactly one type row, so their type counts add up to their number."""
    selected = {FacetName.TYPE: request.types, FacetName.THEME: request.theme, FacetName.REGION: request.region}
    groups: dict[str, list[str]] = {"": []}
    for name, value in selected.items():
        groups.setdefault(name if value else "", []).append(name)
    counts: dict[str, dict[str, int]] = {name: {} for name in selected}
    total = 0
    for skip, names in groups.items():
        documents = _filtered(base, request, skip=skip).order_by().values("pk")[: COUNT_LIMIT + 1]
        wanted = {*names, FacetName.TYPE} if skip == "" else set(names)
        rows = (
            SearchFacet.objects.filter(document__in=documents, name__in=sorted(wanted))
            .order_by()
            .values_list("name", "value")
            .annotate(n=Count("pk"))
        )
        for name, value, n in rows:
            if skip == "" and name == FacetName.TYPE:
                total += n
            if name in names:
                counts[name][value] = n
    regions = dict(Region.objects.filter(code__in=counts[FacetName.REGION].keys()).values_list("code", "name"))
    types = counts[FacetName.TYPE]
    found = {
        "type": [
            FacetValue(value, str(DocumentType(value).label), types[value], value in request.types)
            for value in registered_types()
            if types.get(value)
        ],
        FacetName.THEME: _sorted(counts[FacetName.THEME], dict(Theme.choices), request.theme),
        FacetName.REGION: _sorted(counts[FacetName.REGION], regions, request.region),
    }
    return found, total


def _sorted(counts: dict[str, int], labels: dict, selected: str) -> list[FacetValue]:
    values = [FacetValue(value, str(labels.get(value, value)), n, value == selected) for value, n in counts.items()]
    return sorted(values, key=lambda facet: (-facet.count, facet.label))
