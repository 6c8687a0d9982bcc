from dataclasses import replace

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.http import HttpRequest

from bench import generate as command
from bench import generator
from bench.generator import checks as generator_checks
from fabrique.core.demo_support import COORDINATOR_EMAIL, DEMO_PASSWORD, member_email
from fabrique.method.enums import Stage
from fabrique.method.models import Need, Project
from fabrique.network.models import Partnership, Structure
from fabrique.search.indexing import rebuild
from fabrique.search.models import SearchDocument, SearchFacet

SMALL = generator.SCALES["small"]


class _Rollback(Exception):
    def __init__(self, value):
        self.value = value


def _digest_of(seed_value: int) -> str:
    try:
        with transaction.atomic():
            generator.generate(SMALL, seed_value)
            raise _Rollback(generator_checks.digest())
    except _Rollback as done:
        return done.value


@pytest.fixture
def small_network(db):
    return generator.generate(SMALL, 1)


def test_the_same_seed_gives_the_same_network_and_another_seed_another(db):
    first, second, other = _digest_of(7), _digest_of(7), _digest_of(8)
    assert first == second
    assert other != first


def test_the_generated_network_keeps_the_invariants_of_the_demo(small_network):
    assert generator_checks.problems() == []


def test_the_generated_network_has_the_sizes_of_its_scale(small_network):
    assert Structure.objects.count() == SMALL.structures
    assert Partnership.objects.count() == SMALL.partnerships
    assert Need.objects.count() == SMALL.needs
    assert Project.objects.count() == SMALL.projects
    assert apps.get_model("accounts", "User").objects.count() == SMALL.users
    assert apps.get_model("library", "Resource").objects.count() == SMALL.resources
    assert apps.get_model("community", "Event").objects.count() == SMALL.events


def test_projects_are_spread_over_every_stage_and_only_joined_structures_have_any(small_network):
    assert set(Project.objects.values_list("stage", flat=True)) == set(Stage.values)
    assert not Project.objects.filter(structure__status="candidate").exists()
    assert not Need.objects.filter(structure__status="candidate").exists()


def test_every_generated_row_passes_its_model_validation(small_network):
    labels = [
        "network.Structure",
        "network.Partner",
        "network.Partnership",
        "method.CreativitySession",
        "method.Need",
        "method.Project",
        "method.SteeringDecision",
        "method.EconomicModel",
        "method.Outcome",
        "method.ProjectPartner",
        "library.Resource",
        "community.Event",
    ]
    for label in labels:
        for instance in apps.get_model(label).objects.all():
            instance.full_clean(validate_unique=False)


def test_everything_invented_says_so(small_network):
    assert all("(fictive)" in name for name in Structure.objects.values_list("name", flat=True))
    assert all("(fictif)" in title for title in Project.objects.values_list("title", flat=True))
    assert all("(fictif)" in title for title in Need.objects.values_list("title", flat=True))


def _index_rows(types):
    documents = {
        (row[0], row[1]): row[2:]
        for row in SearchDocument.objects.filter(type__in=types).values_list(
            "type", "object_id", "title", "summary", "body", "keywords", "url", "visibility", "structure_id",
            "category", "date", "not_before",
        )
    }  # fmt: skip
    facets = set(
        SearchFacet.objects.filter(document__type__in=types).values_list(
            "document__type", "document__object_id", "name", "value"
        )
    )
    fts = set()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.type, d.object_id, f.title, f.summary, f.body, f.keywords FROM search_fts f "
                "JOIN search_searchdocument d ON d.id = f.rowid WHERE d.type IN ('need', 'project')"
            )
            fts = set(cursor.fetchall())
    return documents, facets, fts


def test_the_search_rows_written_with_needs_and_projects_are_those_a_rebuild_writes(small_network):
    written = _index_rows(["need", "project"])
    assert len(written[0]) == SMALL.needs + SMALL.projects
    rebuild(["need", "project"])
    assert _index_rows(["need", "project"]) == written


def test_the_created_activities_of_the_generated_network_are_in_their_own_index(small_network):
    created = set(SearchDocument.objects.filter(type="project", category=Stage.CREATED).values_list("pk", flat=True))
    assert created
    if connection.vendor == "sqlite":  # PostgreSQL: a partial index, nothing to fill
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid FROM search_similar_fts")
            assert {row[0] for row in cursor.fetchall()} == created


def test_the_generated_accounts_log_in_with_the_demo_password(small_network, client):
    member = Structure.objects.exclude(status="candidate").order_by("slug").first()
    for email in (COORDINATOR_EMAIL, member_email(member.slug)):
        assert client.login(request=HttpRequest(), email=email, password=DEMO_PASSWORD), email
        client.logout()


def test_the_coordinator_reads_the_generated_pages(small_network, client):
    assert client.login(request=HttpRequest(), email=COORDINATOR_EMAIL, password=DEMO_PASSWORD)
    project = Project.objects.order_by("pk").first()
    urls = [
        "/",
        "/carte/",
        "/structures/",
        project.structure.get_absolute_url(),
        f"/methode/structures/{project.structure.slug}/tableau/",
        project.get_absolute_url(),
        "/recherche/?q=epicerie",
        "/api/v1/projects?page_size=50",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_search_finds_generated_needs_for_the_coordinator_only(small_network, client):
    need = Need.objects.order_by("pk").first()
    word = max(need.title.split(), key=len)
    client.login(request=HttpRequest(), email=COORDINATOR_EMAIL, password=DEMO_PASSWORD)
    found = client.get("/api/v1/search", {"q": word, "type": "need"}).json()
    assert found["count"] > 0
    client.logout()
    assert client.get("/api/v1/search", {"q": word, "type": "need"}).json()["count"] == 0


def test_the_generator_refuses_a_database_that_already_holds_a_network(small_network, settings):
    settings.DEMO_MODE = True
    with pytest.raises(SystemExit, match="base vide"):
        command.main(["--scale", "small", "-v", "0"])


def test_the_command_refuses_without_debug_or_the_demo_mode(db, settings):
    settings.DEBUG, settings.DEMO_MODE = False, False
    with pytest.raises(SystemExit, match="mot de passe connu"):
        command.main(["--scale", "small", "-v", "0"])
    assert not Structure.objects.exists()


def test_the_command_generates_the_network_of_the_scale_asked(db, settings, monkeypatch, capsys):
    settings.DEMO_MODE = True
    monkeypatch.setitem(generator.SCALES, "small", replace(SMALL, needs=100, projects=30))
    assert command.main(["--scale", "small", "--seed", "3"]) == 0
    assert (Project.objects.count(), Need.objects.count()) == (30, 100)
    assert COORDINATOR_EMAIL in capsys.readouterr().out
