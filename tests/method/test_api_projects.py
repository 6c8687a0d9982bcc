import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.method.enums import Stage
from tests.conftest import ROLES
from tests.snapshots import assert_unchanged, models_of

from .factories import EconomicModelFactory, OutcomeFactory, ProjectFactory, SteeringDecisionFactory

PERSONAL = ["Maëlle Tanguy", "maelle.tanguy@example.org", "Bernard", "73282932000074", "Yann Kerouac", "06 11 22"]


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def patch(client, path, body):
    return client.patch(path, body, content_type="application/json")


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_project_list_is_full_for_the_structure_and_public_activities_only_for_others(
    persona, client_for, project, public_activity
):
    role, user = persona
    response = client_for(user).get("/api/v1/projects")
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["results"]}
    if role in ("coordinator", "member"):
        assert titles == {project.title, public_activity.title}
    else:
        assert titles == {public_activity.title}
        text = response.content.decode()
        for secret in PERSONAL:
            assert secret not in text
        item = response.json()["results"][0]
        assert item["needs"] is None and item["carrier"]["contact"] is None and item["url"] is None
        assert item["outcome"]["siret"] is None and item["abilities"]["view"] is False


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_reading_a_confidential_project_is_a_404_outside_its_structure(persona, client_for, project):
    role, user = persona
    response = client_for(user).get(f"/api/v1/projects/{project.pk}")
    assert response.status_code == (200 if role in ("coordinator", "member") else 404)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_a_member_opens_edits_and_moves_a_project(persona, client_for, structure, project):
    role, user = persona
    client = client_for(user)
    expected = {"coordinator": 403, "member": None, "other_member": 404, "anonymous": 401}[role]
    with assert_unchanged(*models_of("method"), unless=role == "member"):
        opened = post(
            client,
            "/api/v1/projects",
            {"structure": "tag-test", "title": "Tiers-lieu", "theme": "culture", "departements": ["29"]},
        )
        edited = patch(client, f"/api/v1/projects/{project.pk}", {"version": 1, "summary": "Nouveau"})
        moved = post(client, f"/api/v1/projects/{project.pk}/stage", {"to": "opportunity"})
    assert opened.status_code == {"coordinator": 403, "member": 201, "other_member": 403, "anonymous": 401}[role]
    assert edited.status_code == (expected or 200)
    assert moved.status_code == (expected or 200)
    decisions = client.get(f"/api/v1/projects/{project.pk}/decisions")
    assert decisions.status_code == {"coordinator": 200, "member": 200, "other_member": 404, "anonymous": 401}[role]


def test_a_refused_stage_change_is_a_409_with_the_french_reason(client_for, member, project):
    client = client_for(member)
    with assert_unchanged(*models_of("method")):
        response = post(client, f"/api/v1/projects/{project.pk}/stage", {"to": "feasibility"})
    assert response.status_code == 409
    assert "une étape à la fois" in response.json()["detail"]
    assert post(client, f"/api/v1/projects/{project.pk}/stage", {"to": "opportunity"}).status_code == 200
    with assert_unchanged(*models_of("method")):
        response = post(client, f"/api/v1/projects/{project.pk}/stage", {"to": "transmission"})
        nowhere = post(client, f"/api/v1/projects/{project.pk}/stage", {"to": "nowhere"})
    assert response.status_code == 409 and "décision « go »" in response.json()["detail"]
    assert nowhere.status_code == 422


def test_a_project_goes_from_detection_to_created_through_the_api(client_for, member, project):
    client = client_for(member)
    base = f"/api/v1/projects/{project.pk}"
    assert post(client, base + "/stage", {"to": "opportunity", "note": "Étude lancée"}).json()["stage"] == "opportunity"
    decision = post(client, base + "/decisions", {"decided_on": "2024-06-01", "subject": "handover", "choice": "go"})
    assert decision.status_code == 201 and decision.json()["choice_label"] == "go"
    for stage in ["transmission", "feasibility", "launch"]:
        assert post(client, base + "/stage", {"to": stage}).status_code == 200
    model = client.put(
        base + "/economic-model",
        json.dumps(
            {
                "total_budget": "150000",
                "revenue_mix": {"sales": 70, "public_subsidies": 20, "private_funding": 10, "other": 0},
                "jobs_planned_fte": 3,
            }
        ),
        content_type="application/json",
    )
    assert model.status_code == 200 and model.json()["economic_model"]["revenue_mix"]["sales"] == 70.0
    outcome = client.put(
        base + "/outcome",
        json.dumps({"created_on": "2025-02-01", "legal_form": "scic", "jobs_fte": "2.5"}),
        content_type="application/json",
    )
    assert outcome.status_code == 200
    final = post(client, base + "/stage", {"to": "created", "version": outcome.json()["version"]})
    assert final.status_code == 200 and final.json()["stage"] == "created"
    assert final.json()["outcome"]["jobs_fte"] == 2.5
    project.refresh_from_db()
    assert [row.to_status for row in project.stage_log.all()][-1] == Stage.CREATED


def test_a_stale_patch_is_a_409_and_saves_nothing(client_for, member, staff_member, project):
    patch(client_for(staff_member), f"/api/v1/projects/{project.pk}", {"version": 1, "summary": "Premier"})
    project.refresh_from_db()
    assert project.summary == "Premier"
    with assert_unchanged(*models_of("method")):
        response = patch(client_for(member), f"/api/v1/projects/{project.pk}", {"version": 1, "summary": "Second"})
    assert response.status_code == 409 and "quelqu'un d'autre" in response.json()["detail"]


def test_revenue_shares_not_adding_up_are_a_422_on_the_revenue_mix(client_for, member, project):
    body = {
        "total_budget": 1000,
        "revenue_mix": {"sales": 50, "public_subsidies": 20, "private_funding": 10, "other": 5},
        "jobs_planned_fte": 1,
    }
    with assert_unchanged(*models_of("method")):
        response = client_for(member).put(
            f"/api/v1/projects/{project.pk}/economic-model", json.dumps(body), content_type="application/json"
        )
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == ["body", "revenue_mix"] and "totalise 85 %" in error["msg"]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"siret": "73282932000075"}, "siret", "clé de contrôle"),
        ({"created_on": "2020-01-01"}, "created_on", "précède la date de détection"),
        ({"legal_form": "gie"}, "legal_form", "Valeur non reconnue"),
    ],
)
def test_bad_outcome_input_is_a_422_naming_the_field(client_for, member, project, body, field, message):
    full = {"created_on": "2025-01-01", "legal_form": "scop", "jobs_fte": 1, **body}
    with assert_unchanged(*models_of("method")):
        response = client_for(member).put(
            f"/api/v1/projects/{project.pk}/outcome", json.dumps(full), content_type="application/json"
        )
    assert response.status_code == 422
    assert any(e["loc"][-1] == field and message in e["msg"] for e in response.json()["detail"])


def test_a_project_with_an_unknown_theme_or_departement_is_refused(client_for, member, structure):
    client = client_for(member)
    body = {"structure": "tag-test", "title": "X", "theme": "astrologie", "departements": ["29"]}
    with assert_unchanged(*models_of("method")):
        assert post(client, "/api/v1/projects", body).status_code == 422
        response = post(client, "/api/v1/projects", {**body, "theme": "food", "departements": ["29", "100"]})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "departements"]


def test_the_project_list_filters_by_stage_theme_departement_and_year(client_for, coordinator, structure):
    ProjectFactory(structure=structure, stage=Stage.LAUNCH, theme="food", departements=["22"])
    ProjectFactory(structure=structure)
    client = client_for(coordinator)
    assert client.get("/api/v1/projects?stage=launch&theme=food&departement=22&year=2024").json()["count"] == 1
    assert client.get("/api/v1/projects?structure=tag-test").json()["count"] == 2
    assert client.get("/api/v1/projects?stage=finished").status_code == 422


def test_the_project_list_costs_the_same_queries_for_3_and_30_projects(client_for, member, structure, partner):
    def add(count):
        for i in range(count):
            project = ProjectFactory(structure=structure, departements=["29", "22"])
            project.project_partners.create(partner=partner, role="funder")
            SteeringDecisionFactory(project=project)
            if i % 2:
                EconomicModelFactory(project=project)
                OutcomeFactory(project=project)

    client = client_for(member)

    def queries():
        client.get("/api/v1/projects")
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/projects?page_size=100").status_code == 200
        return len(ctx.captured_queries)

    add(3)
    few = queries()
    add(27)
    assert queries() == few
