"""Déjà fait ailleurs: created activities of other structures, closest first, within the reader's rights."""

import pytest

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import Stage
from fabrique.method.models import Need
from fabrique.search.similarity import similar_activities
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES
from tests.library.factories import ResourceFactory
from tests.method.factories import NeedFactory, ProjectFactory


@pytest.fixture
def elsewhere(other_structure):
    """Two created activities of another structure: one public, one confidential."""
    public = ProjectFactory(
        structure=other_structure,
        title="Épicerie solidaire du bourg",
        summary="Une épicerie solidaire tenue par des habitants.",
        theme=Theme.FOOD,
        stage=Stage.CREATED,
        is_public=True,
    )
    confidential = ProjectFactory(
        structure=other_structure,
        title="Épicerie solidaire confidentielle",
        summary="Une épicerie solidaire dont le projet n'est pas publié.",
        theme=Theme.FOOD,
        stage=Stage.CREATED,
        is_public=False,
    )
    ProjectFactory(structure=other_structure, title="Épicerie solidaire en étude", stage=Stage.OPPORTUNITY)
    return public, confidential


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_confidential_activity_elsewhere_is_never_listed_to_whoever_may_not_read_it(
    persona, structure, elsewhere, client_for
):
    name, user = persona
    need = NeedFactory(structure=structure, title="Épiceries solidaires", theme=Theme.FOOD)
    titles = [activity.title for activity in similar_activities(user, need)]
    expected = ["Épicerie solidaire du bourg"]
    if name in {"coordinator", "other_member"}:  # the other structure reads its own confidential project
        expected = ["Épicerie solidaire du bourg", "Épicerie solidaire confidentielle"]
    assert sorted(titles) == sorted(expected)
    response = client_for(user).get(f"/api/v1/needs/{need.pk}/similar")
    assert response.status_code == (200 if name in {"coordinator", "member"} else 404)


def test_a_public_notebook_is_offered_when_the_activity_has_one(structure, other_structure, member, elsewhere):
    public, confidential = elsewhere
    notebook = ResourceFactory(
        title="Carnet de l'épicerie",
        kind="project_notebook",
        author_structure=other_structure,
        visibility=Visibility.PUBLIC,
    )
    notebook.projects.add(public)
    need = NeedFactory(structure=structure, title="Épicerie solidaire", theme=Theme.FOOD)
    activity = similar_activities(member, need)[0]
    assert activity.notebook_url == f"/bibliotheque/{notebook.slug}/"


def test_a_need_without_meaningful_words_finds_nothing(structure, member, elsewhere):
    need = Need(structure=structure, title="Le la les", description="", theme=Theme.FOOD)
    assert similar_activities(member, need) == []


def test_an_activity_is_offered_from_the_day_it_is_created_and_no_longer_once_deleted(
    structure, other_structure, member
):
    project = ProjectFactory(
        structure=other_structure,
        title="Garage solidaire",
        summary="",
        theme=Theme.MOBILITY,
        stage=Stage.LAUNCH,
        is_public=True,
    )
    need = NeedFactory(structure=structure, title="Garage solidaire pour le canton", theme=Theme.MOBILITY)
    assert similar_activities(member, need) == []
    project.stage = Stage.CREATED
    project.save()
    assert [activity.title for activity in similar_activities(member, need)] == ["Garage solidaire"]
    project.title = "Atelier vélo"
    project.save()
    [activity] = similar_activities(member, need)  # still the same theme, no shared word any more
    assert (activity.title, activity.matched_words, activity.same_theme) == ("Atelier vélo", [], True)
    project.delete()
    assert similar_activities(member, need) == []


def test_the_index_of_created_activities_refilled_from_scratch_answers_the_same(structure, member, elsewhere):
    from fabrique.search.backends import SIMILAR_SCOPE, get_backend
    from fabrique.search.enums import DocumentType

    assert SIMILAR_SCOPE == (DocumentType.PROJECT, Stage.CREATED)
    need = NeedFactory(structure=structure, title="Épicerie solidaire", theme=Theme.FOOD)
    before = [activity.title for activity in similar_activities(member, need)]
    assert before == ["Épicerie solidaire du bourg"]
    get_backend().refresh_similar()
    assert [activity.title for activity in similar_activities(member, need)] == before


@pytest.fixture
def small_common_threshold(monkeypatch):
    """Words held by more than half of the created activities are common from 4 activities on (200 in use)."""
    from django.core.cache import cache

    from fabrique.search import backends

    monkeypatch.setattr(backends, "COMMON_MIN_DOCUMENTS", 4)
    key = f"search:similar-common-words:{backends.get_backend().vendor}"
    cache.delete(key)
    yield
    cache.delete(key)


def test_a_word_most_created_activities_hold_does_not_make_them_all_candidates(
    structure, other_structure, member, small_common_threshold
):
    for title in ("Épicerie solidaire", "Crèche solidaire", "Cantine solidaire", "Garage solidaire"):
        ProjectFactory(
            structure=other_structure, title=title, summary="", theme=Theme.FOOD, stage=Stage.CREATED, is_public=True
        )
    need = NeedFactory(structure=structure, title="Garage solidaire", description="", theme=Theme.MOBILITY)
    [garage] = similar_activities(member, need)
    assert garage.title == "Garage solidaire"
    assert garage.matched_words == ["Garage", "solidaire"]  # still a word in common
    # a need made of common words only is still answered
    need = NeedFactory(structure=structure, title="Solidaire", description="", theme=Theme.FOOD)
    assert len(similar_activities(member, need)) == 4


def test_the_vectors_read_for_common_words_are_those_of_the_similar_scope():
    from fabrique.search.backends import _CREATED_VECTORS, SIMILAR_SCOPE

    type_, category = SIMILAR_SCOPE
    assert f"WHERE type = '{type_}' AND category = '{category}'" in _CREATED_VECTORS


def test_an_activity_sharing_only_common_words_is_not_offered(
    structure, other_structure, member, small_common_threshold
):
    for title in ("Épicerie solidaire", "Crèche solidaire", "Garage solidaire"):
        ProjectFactory(
            structure=other_structure,
            title=title,
            summary="",
            theme=Theme.FOOD,
            stage=Stage.CREATED,
            is_public=True,
            departements=["21"],
        )
    ProjectFactory(  # found through its département (a keyword), sharing only « solidaire » in its title
        structure=other_structure,
        title="Cantine solidaire",
        summary="",
        theme=Theme.FOOD,
        stage=Stage.CREATED,
        is_public=True,
        departements=["29"],
    )
    need = NeedFactory(structure=structure, title="Garage solidaire Finistère", description="", theme=Theme.MOBILITY)
    assert [activity.title for activity in similar_activities(member, need)] == ["Garage solidaire"]
