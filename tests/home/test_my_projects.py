"""« Mon espace » of a person invited on projects: « Mes projets » (the workspace, stage and structure of each),
nothing of the structures otherwise, in the same number of queries for 3 and 30 projects."""

from django.urls import reverse

from fabrique.workspace.enums import ProjectRole
from tests.factories import MembershipFactory, StructureFactory, UserFactory
from tests.method.factories import ProjectFactory
from tests.workspace.factories import ProjectMemberFactory

from .test_my_space_queries import queries_for


def on_projects(user, count: int) -> None:
    structure = StructureFactory()
    for index in range(count):
        project = ProjectFactory(structure=structure, title=f"Projet {count}-{index}")
        ProjectMemberFactory(project=project, user=user, role=ProjectRole.EXPERT, observer=index == 0)


def test_a_person_on_projects_sees_my_projects_and_nothing_of_the_structure(client_for, db):
    carrier = UserFactory()
    structure = StructureFactory(name="Fabrique de Morlaix")
    mine = ProjectFactory(structure=structure, title="Épicerie solidaire")
    ProjectFactory(structure=structure, title="Garage solidaire")
    ProjectMemberFactory(project=mine, user=carrier, role=ProjectRole.CARRIER)
    _queries, page = queries_for(client_for, carrier)
    assert "Mes projets" in page and "Épicerie solidaire" in page and "Fabrique de Morlaix" in page
    assert reverse("workspace:overview", args=[mine.pk]) in page
    assert mine.get_stage_display() in page and "porteur ou porteuse du projet" in page
    assert "Garage solidaire" not in page
    assert "Mes structures" not in page and "Vous n'êtes membre d'aucune structure" not in page


def test_a_member_of_a_structure_without_projects_has_no_my_projects(client_for, member):
    _queries, page = queries_for(client_for, member)
    assert "Mes structures" in page and "Mes projets" not in page


def test_my_projects_cost_the_same_for_3_and_30_projects(client_for, db):
    few, many = UserFactory(), UserFactory()
    MembershipFactory(user=many)  # a member of a structure invited on other structures' projects too
    MembershipFactory(user=few)
    on_projects(few, 3)
    on_projects(many, 30)
    few_queries, few_page = queries_for(client_for, few)
    many_queries, many_page = queries_for(client_for, many)
    assert "Projet 3-2" in few_page and "Projet 30-29" in many_page
    assert few_queries == many_queries


def test_the_team_finds_the_workspace_from_the_method_s_project_page(client_for, member, structure):
    project = ProjectFactory(structure=structure)
    page = client_for(member).get(reverse("method:project_detail", args=[project.pk])).content.decode()
    assert reverse("workspace:overview", args=[project.pk]) in page and "Espace du projet" in page
