"""Opening a committee session through the API: a deadline without time zone is read in Paris time, and the
permission is checked before any request is looked up."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from fabrique.appellation.models import CommitteeSession

BASE = "/api/v1/appellation"
PARIS = ZoneInfo("Europe/Paris")


def _open(client, body):
    return client.post(f"{BASE}/sessions", json.dumps(body), content_type="application/json")


def _body(requests, deadline):
    return {
        "held_on": (timezone.localdate() + datetime.timedelta(days=40)).isoformat(),
        "deadline": deadline,
        "requests": requests,
    }


def test_a_deadline_given_as_a_plain_date_is_its_midnight_in_paris(coordinator, submitted, voters, client_for):
    day = timezone.localdate() + datetime.timedelta(days=30)
    response = _open(client_for(coordinator), _body([submitted.pk], day.isoformat()))
    assert response.status_code == 201, response.json()
    session = CommitteeSession.objects.get()
    assert session.deadline == datetime.datetime(day.year, day.month, day.day, tzinfo=PARIS)


def test_a_naive_deadline_is_read_in_paris_time(coordinator, submitted, voters, client_for):
    day = timezone.localdate() + datetime.timedelta(days=30)
    response = _open(client_for(coordinator), _body([submitted.pk], f"{day.isoformat()}T18:30:00"))
    assert response.status_code == 201, response.json()
    deadline = CommitteeSession.objects.get().deadline
    assert deadline == datetime.datetime(day.year, day.month, day.day, 18, 30, tzinfo=PARIS)
    assert response.json()["deadline"].startswith(f"{day.isoformat()}T")


@pytest.mark.parametrize("deadline", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "demain"])
def test_a_deadline_out_of_any_calendar_is_a_422_naming_it(deadline, coordinator, submitted, client_for):
    response = _open(client_for(coordinator), _body([submitted.pk], deadline))
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", "deadline"]]
    assert not CommitteeSession.objects.exists()


@pytest.mark.parametrize("who", ["applicant", "voter", "other_member"])
def test_a_non_coordinator_gets_the_same_403_for_existing_and_unknown_requests(
    who, member, voter, other_member, submitted, client_for
):
    user = {"applicant": member, "voter": voter, "other_member": other_member}[who]
    deadline = (timezone.now() + datetime.timedelta(days=10)).isoformat()
    existing = _open(client_for(user), _body([submitted.pk], deadline))
    unknown = _open(client_for(user), _body([submitted.pk + 1000], deadline))
    assert existing.status_code == unknown.status_code == 403
    assert existing.json() == unknown.json()
    assert not CommitteeSession.objects.exists()
