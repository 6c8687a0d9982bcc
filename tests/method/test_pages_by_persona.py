"""What the method's pages show to each persona (their status for every persona: tests/role_matrix/)."""

import pytest
from django.urls import reverse

from tests.conftest import ROLES

from .factories import ProjectFactory
from .helpers import expect

L = "login"


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
