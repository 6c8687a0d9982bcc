"""POST /api/v1/events/{slug}/cancel: who may, the refusals as JSON, and the cancellation in the event output."""

import pytest
from django.core import mail

from fabrique.community import services
from fabrique.community.services import registrations
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES
from tests.snapshots import assert_unchanged, models_of

from .factories import EventFactory

REASON = "Salle indisponible."


def _post(client, event, body):
    return client.post(f"/api/v1/events/{event.slug}/cancel", body, content_type="application/json")


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_who_cancels_through_the_api(persona, event, client_for):
    name, user = persona
    expected = {"coordinator": 200, "member": 200, "other_member": 403, "anonymous": 404}[name]
    with assert_unchanged(*models_of("community"), unless=expected == 200):
        response = _post(client_for(user), event, {"reason": REASON, "version": event.version})
    assert response.status_code == expected
    event.refresh_from_db()
    assert event.is_cancelled == (expected == 200)
    body = response.json()
    if expected != 200:
        assert isinstance(body["detail"], str)
    else:
        assert body["cancelled_at"] is not None and body["cancel_reason"] == REASON
        assert body["registration_open"] is False
        assert body["abilities"]["cancel"] is False and body["abilities"]["register"] is False
        assert body["version"] == event.version == 2


def test_an_anonymous_caller_who_reads_a_public_event_must_log_in(structure, client):
    event = EventFactory(organiser=structure, visibility=Visibility.PUBLIC)
    with assert_unchanged(*models_of("community")):
        response = _post(client, event, {"reason": REASON, "version": 1})
    assert response.status_code == 401 and response.json()["detail"] == "Authentification requise."


def test_the_registrants_are_told_once_the_cancellation_is_committed(
    event, member, other_member, client_for, django_capture_on_commit_callbacks
):
    registrations.register(event, other_member)
    with django_capture_on_commit_callbacks(execute=True):
        assert _post(client_for(member), event, {"reason": REASON, "version": 1}).status_code == 200
    assert [message.to for message in mail.outbox] == [[other_member.email]]


def test_a_stale_version_is_a_409(event, member, client_for):
    services.update_event(event, member, {"title": "Titre changé"}, expected_version=1)
    with assert_unchanged(*models_of("community")):
        response = _post(client_for(member), event, {"reason": REASON, "version": 1})
    assert response.status_code == 409
    assert "modifiée par quelqu'un d'autre" in response.json()["detail"]


def test_an_event_already_cancelled_or_over_is_a_409_saying_why(structure, event, member, client_for):
    client = client_for(member)
    assert _post(client, event, {"reason": REASON, "version": 1}).status_code == 200
    past = EventFactory(organiser=structure, past=True)
    with assert_unchanged(*models_of("community")):
        again = _post(client, event, {"reason": "Autre motif", "version": 2})
        over = _post(client, past, {"reason": REASON, "version": 1})
    assert again.status_code == 409 and "déjà annulé" in again.json()["detail"]
    assert over.status_code == 409 and "terminé" in over.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reason": "   ", "version": 1}, "reason"),
        ({"reason": "x" * 2001, "version": 1}, "reason"),
        ({"reason": REASON}, "version"),
        ({"reason": REASON, "version": 1, "notify": False}, "notify"),
    ],
)
def test_a_bad_body_is_a_422_naming_the_field(event, member, client_for, body, field):
    with assert_unchanged(*models_of("community")):
        response = _post(client_for(member), event, body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]


def test_the_event_output_carries_the_cancellation(event, member, other_member, client_for):
    client = client_for(other_member)
    listed = client.get("/api/v1/events").json()["results"][0]
    assert (listed["cancelled_at"], listed["cancel_reason"]) == (None, "")
    services.cancel_event(event, member, REASON, expected_version=1)
    for body in (client.get("/api/v1/events").json()["results"][0], client.get(f"/api/v1/events/{event.slug}").json()):
        assert body["cancelled_at"] is not None and body["cancel_reason"] == REASON
        assert body["registration_open"] is False


def test_the_registration_endpoint_refuses_a_cancelled_event(event, member, other_member, client_for):
    services.cancel_event(event, member, REASON, expected_version=1)
    with assert_unchanged(*models_of("community")):
        response = client_for(other_member).post(
            f"/api/v1/events/{event.slug}/registration", content_type="application/json"
        )
    assert response.status_code == 409
    assert response.json() == {"detail": "Cet événement est annulé : les inscriptions sont fermées."}


def test_the_openapi_schema_describes_the_endpoint_and_the_fields(client, db):  # each request checks the database first
    schema = client.get("/api/v1/openapi.json").json()
    assert "post" in schema["paths"]["/api/v1/events/{slug}/cancel"]
    assert {"cancelled_at", "cancel_reason"} <= set(schema["components"]["schemas"]["EventOut"]["properties"])
