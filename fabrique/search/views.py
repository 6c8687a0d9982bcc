"""The search results page: one box, filters, facets, highlighted snippets; readable without JavaScript."""

from django.core.paginator import Page, Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .forms import SearchForm
from .query import search

PER_PAGE = 20


class _Counted:
    """A sequence that only knows its length, so Django's paginator can number pages without loading rows."""

    def __init__(self, count: int):
        self.count = count

    def __len__(self):
        return self.count

    def __getitem__(self, item):
        return []


@require_safe
def results(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "found": None}
    if form.is_bound and form.is_valid() and any(form.cleaned_data.values()):
        number = _page_number(request)
        found = search(request.user, form.search_request(), number, PER_PAGE)
        paginator = Paginator(_Counted(found.count), PER_PAGE)
        page = Page(found.results, min(number, paginator.num_pages), paginator)
        query = request.GET.copy()
        query.pop("page", None)
        context.update({"found": found, "page": page, "query": query.urlencode()})
    return render(request, "search/results.html", context)


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1
