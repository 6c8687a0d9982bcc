"""Who sees a project's workspace and what each may do there: the team, its people, the coordination, nobody else."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.method.models import Project
from fabrique.workspace.enums import ProjectRole
from fabrique.workspace.models import ProjectMember
from fabrique.workspace.perms import place_on, readable_workspaces, workspace_abilities
from tests.factories import UserFactory

from .factories import ProjectMemberFactory


def _granted(user, project):
    return {name for name, allowed in workspace_abilities(user, project).items() if allowed}


def test_each_place_on_a_project(project, member, other_member, coordinator, carrier, expert, observer):
    assert _granted(member, project) == {"view", "see_internal", "write", "write_internal", "manage_people"}
    assert _granted(carrier, project) == {"view", "write", "leave"}
    assert _granted(expert, project) == {"view", "write", "leave"}
    assert _granted(observer, project) == {"view", "leave"}
    assert _granted(coordinator, project) == {"view", "see_internal"}
    assert _granted(other_member, project) == set()
    assert _granted(UserFactory(), project) == set()


def test_a_carrier_is_on_their_project_only(project, other_project, carrier):
    assert place_on(carrier, project).role == ProjectRole.CARRIER
    assert not place_on(carrier, other_project).on_project
    assert set(readable_workspaces(carrier, Project.objects.all())) == {project}


def test_the_team_and_the_coordination_read_every_workspace_of_their_reach(
    project, other_project, member, other_member, coordinator
):
    assert set(readable_workspaces(member, Project.objects.all())) == {project, other_project}
    assert set(readable_workspaces(coordinator, Project.objects.all())) == {project, other_project}
    assert not readable_workspaces(other_member, Project.objects.all()).exists()


def test_a_removed_person_loses_access_at_once(project, carrier, client_for):
    client = client_for(carrier)
    url = reverse("workspace:overview", args=[project.pk])
    assert client.get(url).status_code == 200
    ProjectMember.objects.filter(user=carrier).delete()
    assert client.get(url).status_code == 404


def test_the_workspace_is_404_for_whoever_is_not_on_the_project(project, other_project, carrier, client_for):
    assert client_for(carrier).get(reverse("workspace:overview", args=[other_project.pk])).status_code == 404
    page = client_for(carrier).get(reverse("workspace:overview", args=[project.pk])).content.decode()
    assert "Épicerie solidaire de Morlaix" in page
    assert "Vous êtes sur ce projet comme porteur ou porteuse du projet." in page
    # The carrier is not of the team: no link to the method's page of the project.
    assert reverse("method:project_detail", args=[project.pk]) not in page


def test_only_an_expert_observes_and_only_a_partner_is_linked_to_the_registry(project):
    member = ProjectMemberFactory.build(project=project, user=UserFactory(), role=ProjectRole.CARRIER, observer=True)
    with pytest.raises(ValidationError, match="Seul un expert peut être observateur."):
        member.full_clean()


@pytest.mark.parametrize("count", [3, 30])
def test_the_overview_costs_the_same_queries_for_3_and_30_people(project, member, client_for, count):
    for _ in range(count):
        ProjectMemberFactory(project=project, role=ProjectRole.PARTNER)
    client = client_for(member)
    url = reverse("workspace:overview", args=[project.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) == OVERVIEW_QUERIES


# session, user, roles, project, team, people, the header's notifications badge
OVERVIEW_QUERIES = 7
