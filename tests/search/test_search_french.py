"""French search on both databases: accents, plurals, word order, partial words, ranking, and rights."""

import pytest

from fabrique.search.query import SearchRequest, search
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES
from tests.library.factories import ResourceFactory


def titles(user, text, **filters):
    return [result.title for result in search(user, SearchRequest(text=text, **filters)).results]


@pytest.fixture
def library(structure):
    ResourceFactory(
        title="Épicerie solidaire : le guide",
        summary="Ouvrir une épicerie solidaire en milieu rural.",
        body="",
        author_structure=structure,
        visibility=Visibility.PUBLIC,
    )
    ResourceFactory(
        title="Mobilité partagée",
        summary="Autopartage et covoiturage dans les villages.",
        body="",
        author_structure=structure,
        visibility=Visibility.PUBLIC,
        themes=["mobility"],
    )
    ResourceFactory(
        title="Tiers-lieux",
        summary="Animer un tiers-lieu.",
        body="Une épicerie peut y trouver sa place.",
        author_structure=structure,
        visibility=Visibility.PUBLIC,
    )


def test_plurals_and_missing_accents_find_the_singular_with_accents(library):
    assert titles(None, "epiceries solidaires") == ["Épicerie solidaire : le guide"]
    assert titles(None, "mobilite") == ["Mobilité partagée"]
    assert titles(None, "ÉPICERIES") == ["Épicerie solidaire : le guide", "Tiers-lieux"]


def test_word_order_does_not_matter(library):
    assert titles(None, "solidaire épicerie") == titles(None, "épicerie solidaire") == ["Épicerie solidaire : le guide"]


def test_a_partial_word_finds_the_whole_word(library):
    assert titles(None, "mobil") == ["Mobilité partagée"]
    assert titles(None, "covoitur") == ["Mobilité partagée"]


def test_every_word_must_be_found(library):
    assert titles(None, "épicerie covoiturage") == []


def test_a_title_match_ranks_above_a_body_match(library):
    assert titles(None, "épicerie") == ["Épicerie solidaire : le guide", "Tiers-lieux"]


def test_results_carry_highlighted_title_and_snippet(library):
    result = search(None, SearchRequest(text="epiceries")).results[0]
    assert result.title_html == "<mark>Épicerie</mark> solidaire : le guide"
    assert "Ouvrir une <mark>épicerie</mark> solidaire" in result.snippet_html


def test_a_query_of_stop_words_only_says_so(library):
    found = search(None, SearchRequest(text="le pour un"))
    assert found.empty_query and found.count == 0


def test_themes_and_types_filter_and_are_counted(library, public_activity):
    found = search(None, SearchRequest(text="solidaire"))
    types = {facet.value: facet.count for facet in found.facets["type"]}
    assert types == {"project": 1, "resource": 1}
    assert titles(None, "solidaire", types=["project"]) == ["Garage solidaire de Morlaix"]
    themed = search(None, SearchRequest(text="", theme="mobility"))
    assert {r.title for r in themed.results} == {"Mobilité partagée", "Garage solidaire de Morlaix"}
    regions = {facet.value: facet.label for facet in found.facets["region"]}
    assert regions == {"53": "Bretagne"}


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_confidential_project_is_found_only_by_its_structure_and_the_coordinator(
    persona, confidential_project, public_activity
):
    name, user = persona
    found = search(user, SearchRequest(text="conciergerie"))
    visible = name in {"coordinator", "member"}
    assert [r.title for r in found.results] == (["Conciergerie confidentielle des Capucins"] if visible else [])
    assert found.count == (1 if visible else 0)
    facet_counts = sum(facet.count for facet in found.facets["type"])
    assert facet_counts == found.count  # facets do not count what the reader cannot see either
    assert titles(user, "garage") == ["Garage solidaire de Morlaix"]  # the public activity, for everyone


def test_the_rights_apply_before_pagination(structure, other_member, confidential_project):
    for number in range(25):
        ResourceFactory(title=f"Conciergerie numéro {number}", author_structure=structure)
    found = search(other_member, SearchRequest(text="conciergerie"), page=2, page_size=20)
    assert found.count == 25
    assert len(found.results) == 5
    assert all("confidentielle" not in result.title for result in found.results)
