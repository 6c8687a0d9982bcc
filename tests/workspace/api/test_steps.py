"""The next steps through the API: the same rights as the tab, `abilities` in each answer, bad input as a French
422, a stale version as a 409."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fabrique.workspace.enums import NextStepStatus
from fabrique.workspace.models import NextStep
from tests.workspace.factories import NextStepFactory


def _in(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def _url(project) -> str:
    return f"/api/v1/projects/{project.pk}/next-steps"


def test_the_carrier_adds_a_step_for_themself_and_completes_it(project, carrier, client_for):
    client = client_for(carrier)
    response = client.post(
        _url(project), {"title": "Ouvrir le compte", "due_on": _in(5)}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["owner"]["id"] == carrier.pk and body["status"] == "todo" and body["stage"] == project.stage
    assert body["abilities"] == {"view": True, "change": True} and body["late"] is False
    done = client.post(
        f"/api/v1/next-steps/{body['id']}/status", {"status": "done", "version": 1}, content_type="application/json"
    )
    assert done.status_code == 200 and done.json()["status"] == "done" and done.json()["done_at"]


def test_an_observer_lists_but_cannot_add(project, observer, member, client_for):
    NextStepFactory(project=project, owner=member)
    client = client_for(observer)
    listed = client.get(_url(project)).json()
    assert listed["count"] == 1 and listed["results"][0]["abilities"] == {"view": True, "change": False}
    refused = client.post(_url(project), {"title": "x", "due_on": _in(3)}, content_type="application/json")
    assert refused.status_code == 403 and "Votre place" in refused.json()["detail"]
    assert NextStep.objects.count() == 1


def test_a_stranger_gets_404s(project, other_member, member, client_for):
    step = NextStepFactory(project=project, owner=member)
    client = client_for(other_member)
    assert client.get(_url(project)).status_code == 404
    assert (
        client.post(_url(project), {"title": "x", "due_on": _in(3)}, content_type="application/json").status_code == 404
    )
    patch = client.patch(f"/api/v1/next-steps/{step.pk}", {"title": "y", "version": 1}, content_type="application/json")
    assert patch.status_code == 404


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"title": "Appeler", "due_on": "2020-01-01"}, "due_on", "L'échéance ne peut pas être dans le passé."),
        ({"title": "Appeler", "due_on": "2099-01-01", "owner": 999999}, "owner", "Choisissez une personne du projet"),
    ],
)
def test_bad_input_is_a_french_422_and_nothing_is_saved(project, member, client_for, body, field, message):
    response = client_for(member).post(_url(project), body, content_type="application/json")
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(error["loc"][-1] == field and message in error["msg"] for error in errors), errors
    assert not NextStep.objects.exists()


def test_a_stale_version_is_a_409(project, member, client_for):
    step = NextStepFactory(project=project, owner=member)
    client = client_for(member)
    url = f"/api/v1/next-steps/{step.pk}"
    assert client.patch(url, {"title": "Revu", "version": 1}, content_type="application/json").status_code == 200
    stale = client.patch(url, {"title": "Encore", "version": 1}, content_type="application/json")
    assert stale.status_code == 409 and "modifiée par quelqu'un d'autre" in stale.json()["detail"]
    step.refresh_from_db()
    assert step.title == "Revu"


def test_only_the_owner_and_the_team_change_a_step(project, carrier, expert, client_for):
    step = NextStepFactory(project=project, owner=carrier)
    url = f"/api/v1/next-steps/{step.pk}/status"
    body = {"status": NextStepStatus.BLOCKED}
    assert client_for(expert).post(url, body, content_type="application/json").status_code == 403
    assert client_for(carrier).post(url, body, content_type="application/json").status_code == 200


def test_the_list_filters_the_open_steps(project, member, client_for):
    NextStepFactory(project=project, owner=member, status=NextStepStatus.DONE)
    NextStepFactory(project=project, owner=member)
    client = client_for(member)
    assert client.get(_url(project), {"open": "true"}).json()["count"] == 1
    assert client.get(_url(project), {"status": "done"}).json()["count"] == 1


def test_the_list_costs_the_same_for_3_and_30_steps(project, member, carrier, client_for):
    client = client_for(member)

    def queries() -> int:
        client.get(_url(project))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(_url(project)).status_code == 200
        return len(captured)

    for owner in (member, carrier, member):
        NextStepFactory(project=project, owner=owner)
    few = queries()
    for index in range(27):
        NextStepFactory(project=project, owner=carrier if index % 2 else member)
    assert queries() == few
