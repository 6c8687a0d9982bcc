import pytest

from fabrique.core.demo_support import LoadReport
from fabrique.demo import seed
from fabrique.method.demo import TARGETS, load_method_demo
from fabrique.method.enums import Stage
from fabrique.method.models import CreativitySession, Need, Project
from fabrique.network.demo import load_accounts, load_network
from fabrique.network.models import Structure
from fabrique.territories.demo import load_territories


@pytest.fixture
def demo_network(db):
    seed.load_all([load_territories, load_network, load_accounts])


def test_each_demo_structure_gets_projects_at_every_stage_marked_fictitious(demo_network):
    load_method_demo()
    for structure in Structure.objects.exclude(status="candidate"):
        projects = Project.objects.filter(structure=structure).exclude(title="Conciergerie d'Ampère")
        assert set(projects.values_list("stage", flat=True)) == set(TARGETS)
        assert all("(fictif)" in title for title in projects.values_list("title", flat=True))
        assert Need.objects.filter(structure=structure).count() >= 10
        assert CreativitySession.objects.filter(structure=structure).count() == 2
    assert not Project.objects.filter(structure__status="candidate").exists()


def test_every_demo_project_keeps_its_stage_equal_to_the_last_log_row(demo_network):
    load_method_demo()
    projects = list(Project.objects.prefetch_related("stage_log"))
    assert projects, "la démonstration n'a créé aucun projet"
    for project in projects:
        log = list(project.stage_log.all())
        assert log[0].from_status == "" and log[-1].to_status == project.stage
        assert all(b.from_status == a.to_status for a, b in zip(log, log[1:], strict=False))
        if project.stage in (Stage.TRANSMISSION, Stage.FEASIBILITY, Stage.LAUNCH, Stage.CREATED):
            assert project.decisions.filter(subject="handover", choice="go").exists()


def test_the_conciergerie_d_ampere_is_a_public_created_activity_with_fictitious_figures(demo_network, client):
    load_method_demo()
    project = Project.objects.get(title="Conciergerie d'Ampère")
    assert project.structure.slug == "france-active-alsace" and project.is_public_activity
    assert list(project.departements.values_list("code", flat=True)) == ["67"]
    assert "fictifs" in project.outcome.note
    html = client.get(project.get_public_url()).content.decode()
    assert "Conciergerie d&#x27;Ampère" in html and "fictifs" in html


def test_a_second_run_changes_nothing(demo_network):
    first = load_method_demo()
    assert first.changed
    counts = (Project.objects.count(), Need.objects.count(), CreativitySession.objects.count())
    second = load_method_demo(LoadReport())
    assert not second.changed
    assert (Project.objects.count(), Need.objects.count(), CreativitySession.objects.count()) == counts


def test_the_demo_data_is_the_same_from_one_database_to_another(demo_network):
    load_method_demo()
    titles = sorted(Project.objects.values_list("structure__slug", "title", "stage", "detected_on"))
    Project.objects.all().delete()
    Need.objects.all().delete()
    CreativitySession.objects.all().delete()
    load_method_demo()
    assert sorted(Project.objects.values_list("structure__slug", "title", "stage", "detected_on")) == titles
