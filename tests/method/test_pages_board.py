import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.method.enums import Stage
from fabrique.method.models import ProjectStageLog

from .factories import ProjectFactory, SteeringDecisionFactory

STAGES = [Stage.DETECTION, Stage.OPPORTUNITY, Stage.FEASIBILITY, Stage.PAUSED, Stage.CREATED]


def _projects(structure, count):
    for i in range(count):
        ProjectFactory(structure=structure, stage=STAGES[i % len(STAGES)], departements=["29", "22"])


def _queries(client, url) -> int:
    client.get(url)  # warm the session and the caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["board", "list"])
def test_the_board_and_the_list_cost_the_same_queries_for_3_and_30_projects(page, client_for, member, structure):
    url = reverse("method:board", args=[structure.slug]) if page == "board" else reverse("method:project_list")
    client = client_for(member)
    _projects(structure, 3)
    few = _queries(client, url)
    _projects(structure, 27)
    assert _queries(client, url) == few


def test_the_list_filters_cost_the_same_queries_for_3_and_30_projects(client_for, coordinator, structure):
    url = reverse("method:project_list") + "?stage=detection&theme=mobility&departement=29&year=2024&sort=stage"
    client = client_for(coordinator)
    _projects(structure, 3)
    few = _queries(client, url)
    _projects(structure, 27)
    assert _queries(client, url) == few


def test_the_board_has_one_column_per_stage_with_its_cards(client_for, member, structure):
    ProjectFactory(structure=structure, title="Recyclerie de Quimperlé", stage=Stage.OPPORTUNITY)
    html = client_for(member).get(reverse("method:board", args=[structure.slug])).content.decode()
    for label in ["Détection", "Étude d&#x27;opportunité", "Activité créée", "Abandonné", "En pause"]:
        assert f">{label} <span" in html
    assert "Recyclerie de Quimperlé" in html
    assert "Passer à « transmission à un porteur »" in html


def test_a_member_moves_a_card_forward_from_the_board_without_javascript(client_for, member, structure):
    project = ProjectFactory(structure=structure, title="Recyclerie")
    board = reverse("method:board", args=[structure.slug])
    client = client_for(member)
    response = client.post(
        reverse("method:project_move", args=[project.pk]), {"to": "opportunity", "version": 1, "next": board}
    )
    assert response.status_code == 302 and response["Location"] == board
    project.refresh_from_db()
    assert project.stage == Stage.OPPORTUNITY
    html = client.get(board).content.decode()
    assert "« Recyclerie » est maintenant à l&#x27;étape « étude d&#x27;opportunité »." in html


def test_a_refused_move_from_the_board_says_why_in_french(client_for, member, structure):
    project = ProjectFactory(structure=structure, title="Recyclerie", stage=Stage.OPPORTUNITY)
    ProjectStageLog.objects.create(project=project, from_status=Stage.DETECTION, to_status=Stage.OPPORTUNITY)
    board = reverse("method:board", args=[structure.slug])
    client = client_for(member)
    response = client.post(
        reverse("method:project_move", args=[project.pk]),
        {"to": "transmission", "version": 1, "next": board},
        follow=True,
    )
    assert "n&#x27;a pas changé d&#x27;étape" in response.content.decode()
    assert "décision « go »" in response.content.decode()
    project.refresh_from_db()
    assert project.stage == Stage.OPPORTUNITY


def test_a_card_moved_meanwhile_by_someone_else_is_not_moved_twice(client_for, member, staff_member, structure):
    project = ProjectFactory(structure=structure, title="Recyclerie")
    SteeringDecisionFactory(project=project)
    board = reverse("method:board", args=[structure.slug])
    url = reverse("method:project_move", args=[project.pk])
    client_for(staff_member).post(url, {"to": "opportunity", "version": 1, "next": board})
    response = client_for(member).post(url, {"to": "opportunity", "version": 1, "next": board}, follow=True)
    assert "modifié ou déplacé par quelqu&#x27;un d&#x27;autre" in response.content.decode()
    project.refresh_from_db()
    assert project.stage == Stage.OPPORTUNITY and project.stage_log.count() == 2


def test_with_htmx_the_move_answers_the_board_page_for_the_swap(client_for, member, structure):
    project = ProjectFactory(structure=structure)
    board = reverse("method:board", args=[structure.slug])
    response = client_for(member).post(
        reverse("method:project_move", args=[project.pk]),
        {"to": "opportunity", "version": 1, "next": board},
        HTTP_HX_REQUEST="true",
        follow=True,
    )
    assert response.status_code == 200 and 'id="contenu"' in response.content.decode()


def _card(html: str, project) -> str:
    start = html.index(f'<li class="board-card" id="carte-{project.pk}">')
    return html[start : html.index("</li>", start)]


def test_the_message_of_a_quick_move_sits_in_its_card_and_takes_the_focus(client_for, member, structure):
    moved = ProjectFactory(structure=structure, title="Recyclerie")
    refused = ProjectFactory(structure=structure, title="Garage", stage=Stage.OPPORTUNITY)
    board = reverse("method:board", args=[structure.slug])
    client = client_for(member)
    client.post(reverse("method:project_move", args=[moved.pk]), {"to": "opportunity", "version": 1, "next": board})
    html = client.get(board).content.decode()
    assert 'role="status" tabindex="-1" autofocus>« Recyclerie » est maintenant' in _card(html, moved)
    assert html.count("est maintenant") == 1  # not at the top of the page as well
    client.post(reverse("method:project_move", args=[refused.pk]), {"to": "transmission", "version": 1, "next": board})
    html = client.get(board).content.decode()
    assert 'role="alert" tabindex="-1" autofocus>« Garage » n&#x27;a pas changé' in _card(html, refused)
    assert "est maintenant" not in html  # a message is shown once
    assert html.count("n&#x27;a pas changé") == 1
