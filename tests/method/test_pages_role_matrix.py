"""Every page of the method, for the coordinator, a member, a member of another structure and an anonymous visitor."""

import pytest
from django.urls import reverse

from fabrique.method.enums import Stage
from tests.conftest import ROLES

from .factories import ProjectFactory
from .helpers import assert_no_inline_code, expect

L = "login"

# (name, url kwargs from fixtures, expected outcome per persona: coordinator, member, other_member, anonymous)
READ_PAGES = [
    ("method:board", "structure", (200, 200, 403, L)),
    ("method:need_list", "structure", (200, 200, 403, L)),
    ("method:session_list", "structure", (200, 200, 403, L)),
    ("method:need_create", "structure", (403, 200, 403, L)),
    ("method:session_create", "structure", (403, 200, 403, L)),
    ("method:project_create", "structure", (403, 200, 403, L)),
    ("method:need_detail", "need", (200, 200, 404, L)),
    ("method:need_edit", "need", (403, 200, 404, L)),
    ("method:session_detail", "session", (200, 200, 404, L)),
    ("method:session_edit", "session", (403, 200, 404, L)),
    ("method:project_detail", "project", (200, 200, 404, L)),
    ("method:project_edit", "project", (403, 200, 404, L)),
    ("method:project_move", "project", (403, 200, 404, L)),
    ("method:project_partners", "project", (200, 200, 404, L)),
    ("method:decision_create", "project", (403, 200, 404, L)),
    ("method:economic_model_edit", "project", (403, 200, 404, L)),
    ("method:outcome_edit", "project", (403, 200, 404, L)),
    ("method:project_list", None, (200, 200, 200, L)),
    ("method:territories", None, (200, 200, 200, L)),
    ("method:activity_list", None, (200, 200, 200, 200)),
    ("method:activity_detail", "public_activity", (200, 200, 200, 200)),
]


def _url(name, target, request):
    if target is None:
        return reverse(name)
    obj = request.getfixturevalue(target)
    if target == "structure":
        return reverse(name, args=[obj.slug])
    if target == "public_activity":
        return reverse(name, args=[obj.slug])
    return reverse(name, args=[obj.pk])


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize(("name", "target", "outcomes"), READ_PAGES, ids=[p[0] for p in READ_PAGES])
def test_each_page_answers_each_persona_as_the_role_matrix_says(persona, name, target, outcomes, client_for, request):
    role, user = persona
    response = client_for(user).get(_url(name, target, request))
    expect(response, outcomes[ROLES.index(role)])
    if response.status_code == 200:
        assert_no_inline_code(response.content.decode())


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_method_home_sends_a_member_to_its_board_and_lists_every_board_for_the_coordinator(
    persona, client_for, structure, other_structure
):
    role, user = persona
    response = client_for(user).get(reverse("method:home"))
    if role == "anonymous":
        expect(response, L)
    elif role == "member":
        assert response.status_code == 302 and response["Location"] == reverse("method:board", args=[structure.slug])
    elif role == "coordinator":
        html = response.content.decode()
        assert structure.name in html and other_structure.name in html and "lecture seule" in html
    else:
        assert response.status_code == 302
        assert response["Location"] == reverse("method:board", args=[other_structure.slug])


# (name, target, data, expected outcome per persona) for the state-changing POSTs.
WRITES = [
    ("method:project_move", "project", {"to": Stage.OPPORTUNITY, "version": 1}, (403, 302, 404, L)),
    ("method:note_add", "project", {"text": "Appel du maire"}, (403, 302, 404, L)),
    (
        "method:need_create",
        "structure",
        {"title": "Besoin", "theme": "food", "departement": "29", "source": "elected", "detected_on": "2024-01-02"},
        (403, 302, 403, L),
    ),
    (
        "method:decision_create",
        "project",
        {"decided_on": "2024-05-02", "subject": "handover", "choice": "go"},
        (403, 302, 404, L),
    ),
]


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize(("name", "target", "data", "outcomes"), WRITES, ids=[w[0] for w in WRITES])
def test_only_members_of_the_structure_change_its_method_data(
    persona, name, target, data, outcomes, client_for, request
):
    role, user = persona
    response = client_for(user).post(_url(name, target, request), data)
    expect(response, outcomes[ROLES.index(role)])


def test_the_coordinator_reads_a_board_without_any_move_button(client_for, coordinator, structure):
    ProjectFactory(structure=structure, title="Tiers-lieu de Carhaix")
    html = client_for(coordinator).get(reverse("method:board", args=[structure.slug])).content.decode()
    assert "Tiers-lieu de Carhaix" in html
    assert "Lecture seule" in html and "Passer à" not in html and "Ouvrir un projet" not in html


def test_a_member_of_another_structure_finds_none_of_its_projects_in_the_list_or_by_search(
    client_for, other_member, project
):
    client = client_for(other_member)
    for query in ["", "?q=Garage", f"?structure={project.structure.slug}"]:
        html = client.get(reverse("method:project_list") + query).content.decode()
        assert "Garage solidaire" not in html
