"""Every endpoint of the method's API, for the coordinator, a member, a member of another structure, an anonymous."""

import json

import pytest

from tests.conftest import ROLES
from tests.snapshots import assert_unchanged, models_of

# (method, path template, body, expected status per persona: coordinator, member, other_member, anonymous)
ENDPOINTS = [
    ("get", "/api/v1/needs", None, (200, 200, 200, 401)),
    ("get", "/api/v1/needs/{need}", None, (200, 200, 404, 401)),
    ("post", "/api/v1/needs", "need", (403, 201, 403, 401)),
    ("get", "/api/v1/creativity-sessions", None, (200, 200, 200, 401)),
    ("get", "/api/v1/creativity-sessions/{session}", None, (200, 200, 404, 401)),
    ("post", "/api/v1/creativity-sessions", "session", (403, 201, 403, 401)),
    ("get", "/api/v1/projects", None, (200, 200, 200, 200)),
    ("get", "/api/v1/projects/{project}", None, (200, 200, 404, 404)),
    ("get", "/api/v1/projects/{public}", None, (200, 200, 200, 200)),
    ("post", "/api/v1/projects", "project", (403, 201, 403, 401)),
    ("patch", "/api/v1/projects/{project}", {"version": 1, "summary": "Résumé"}, (403, 200, 404, 401)),
    ("post", "/api/v1/projects/{project}/stage", {"to": "opportunity"}, (403, 200, 404, 401)),
    ("get", "/api/v1/projects/{project}/decisions", None, (200, 200, 404, 401)),
    (
        "post",
        "/api/v1/projects/{project}/decisions",
        {"decided_on": "2024-06-01", "subject": "handover", "choice": "go"},
        (403, 201, 404, 401),
    ),
    (
        "put",
        "/api/v1/projects/{project}/economic-model",
        {
            "total_budget": 1000,
            "revenue_mix": {"sales": 100, "public_subsidies": 0, "private_funding": 0, "other": 0},
            "jobs_planned_fte": 1,
        },
        (403, 200, 404, 401),
    ),
    (
        "put",
        "/api/v1/projects/{project}/outcome",
        {"created_on": "2025-01-02", "legal_form": "scop", "jobs_fte": 2},
        (403, 200, 404, 401),
    ),
]
BODIES = {
    "need": {"structure": "tag-test", "title": "Idée", "theme": "food", "departement": "29", "source": "elected"},
    "session": {
        "structure": "tag-test",
        "title": "Séance",
        "held_on": "2024-03-02",
        "place": "Brest",
        "departement": "29",
        "participants_count": 12,
    },
    "project": {"structure": "tag-test", "title": "Projet", "theme": "food", "departements": ["29"]},
}


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize(("method", "path", "body", "outcomes"), ENDPOINTS, ids=[f"{e[0]} {e[1]}" for e in ENDPOINTS])
def test_each_endpoint_answers_each_persona_as_the_role_matrix_says(
    persona, method, path, body, outcomes, client_for, need, session, project, public_activity
):
    role, user = persona
    url = path.format(need=need.pk, session=session.pk, project=project.pk, public=public_activity.pk)
    payload = BODIES.get(body, body) if isinstance(body, str) else body
    kwargs = {"data": json.dumps(payload), "content_type": "application/json"} if payload is not None else {}
    expected = outcomes[ROLES.index(role)]
    with assert_unchanged(*models_of("method"), unless=expected < 400):
        response = getattr(client_for(user), method)(url, **kwargs)
    assert response.status_code == expected, response.content
    assert "detail" in response.json() or response.status_code < 400
