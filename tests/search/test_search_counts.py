"""The total of a search is the number of its results, whichever filters are selected (it is read from the
type facet rows of the matches, one per document)."""

import pytest

from fabrique.search.query import SearchRequest, search
from tests.library.factories import ResourceFactory


@pytest.fixture
def resources(structure, public_activity):
    ResourceFactory(title="Épicerie solidaire", themes=["food"], author_structure=structure, visibility="public")
    ResourceFactory(title="Mobilité solidaire", themes=["mobility"], author_structure=structure, visibility="network")
    ResourceFactory(
        title="Vélo solidaire", themes=["mobility", "food"], author_structure=structure, visibility="network"
    )


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"types": ["project"]},
        {"theme": "mobility"},
        {"region": "53"},
        {"types": ["resource", "project"], "theme": "mobility"},
        {"types": ["resource"], "theme": "mobility", "region": "53"},
        {"theme": "food", "region": "27"},
    ],
)
def test_the_total_is_the_number_of_results(resources, member, filters):
    found = search(member, SearchRequest(text="solidaire", **filters), page_size=50)
    assert found.exact
    assert found.count == len(found.results)
    type_facet = sum(facet.count for facet in found.facets["type"] if facet.selected or not filters.get("types"))
    assert type_facet == found.count


def test_a_document_with_two_themes_is_counted_once(resources, member):
    found = search(member, SearchRequest(text="vélo"))
    assert found.count == 1
    assert {facet.value: facet.count for facet in found.facets["theme"]} == {"mobility": 1, "food": 1}
