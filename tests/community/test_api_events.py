"""Events API: lists and details with the pages' visibility, the registration endpoint, organisers' lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.community.services import registrations
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES
from tests.snapshots import assert_unchanged, models_of

from .factories import EventFactory


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_list_holds_network_events_for_the_network_only(persona, structure, client_for):
    name, user = persona
    EventFactory(organiser=structure, visibility=Visibility.PUBLIC, title="Webinaire public")
    EventFactory(organiser=structure, visibility=Visibility.NETWORK, title="Rencontre interne")
    body = client_for(user).get("/api/v1/events").json()
    titles = {item["title"] for item in body["results"]}
    assert titles == ({"Webinaire public"} if name == "anonymous" else {"Webinaire public", "Rencontre interne"})


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_registration_endpoint(persona, event, client_for):
    name, user = persona
    with assert_unchanged(*models_of("community"), unless=name != "anonymous"):
        response = client_for(user).post(
            f"/api/v1/events/{event.slug}/registration", {}, content_type="application/json"
        )
    if name == "anonymous":
        assert response.status_code in (401, 404)
        return
    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"
    with assert_unchanged(*models_of("community")):
        again = client_for(user).post(f"/api/v1/events/{event.slug}/registration", {}, content_type="application/json")
    assert again.status_code == 409
    assert "déjà inscrit·e" in again.json()["detail"]


def test_the_registration_endpoint_answers_the_waiting_list_and_cancels(
    event, member, other_member, colleague, client_for
):
    for user in (member, other_member):
        registrations.register(event, user)
    client = client_for(colleague)
    response = client.post(f"/api/v1/events/{event.slug}/registration", content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == "waitlisted"
    cancelled = client.delete(f"/api/v1/events/{event.slug}/registration")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"


def test_registering_for_another_person_s_structure_is_a_422_naming_the_field(
    event, member, other_structure, client_for
):
    with assert_unchanged(*models_of("community")):
        response = client_for(member).post(
            f"/api/v1/events/{event.slug}/registration",
            {"structure": other_structure.slug},
            content_type="application/json",
        )
        unknown = client_for(member).post(
            f"/api/v1/events/{event.slug}/registration", {"structure": "nulle-part"}, content_type="application/json"
        )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "structure"]
    assert unknown.status_code == 422


def test_a_past_event_refuses_registration_with_409(structure, member, client_for):
    event = EventFactory(organiser=structure, past=True)
    with assert_unchanged(*models_of("community")):
        response = client_for(member).post(f"/api/v1/events/{event.slug}/registration", content_type="application/json")
    assert response.status_code == 409
    assert "closes" in response.json()["detail"]


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_list_of_registrations_is_for_the_organisers(persona, event, other_member, client_for):
    name, user = persona
    registrations.register(event, other_member)
    response = client_for(user).get(f"/api/v1/events/{event.slug}/registrations")
    expected = {"coordinator": 200, "member": 200, "other_member": 403, "anonymous": 404}[name]
    assert response.status_code == expected
    if expected == 200:
        assert [row["status"] for row in response.json()] == ["confirmed"]


def test_the_online_link_is_given_to_the_confirmed_only(structure, member, other_member, client_for):
    event = EventFactory(organiser=structure, place="", online_url="https://visio.example.org/salle")
    client = client_for(other_member)
    assert client.get(f"/api/v1/events/{event.slug}").json()["online_url"] is None
    registrations.register(event, other_member)
    assert client.get(f"/api/v1/events/{event.slug}").json()["online_url"] == "https://visio.example.org/salle"


def test_an_unknown_kind_or_period_is_a_422(client_for, member):
    assert client_for(member).get("/api/v1/events?kind=fete").status_code == 422
    assert client_for(member).get("/api/v1/events?period=demain").status_code == 422


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/events").status_code == 200
    return len(queries)


def test_the_list_costs_the_same_number_of_queries_for_3_and_30_events(structure, member, other_member, client_for):
    client = client_for(member)
    for event in EventFactory.create_batch(3, organiser=structure):
        registrations.register(event, other_member)
    three = _queries(client)
    EventFactory.create_batch(27, organiser=structure)
    assert _queries(client) == three


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_participation_of_a_structure_is_read_by_the_network(persona, structure, client_for):
    name, user = persona
    response = client_for(user).get(f"/api/v1/structures/{structure.slug}/participation")
    assert response.status_code == (401 if name == "anonymous" else 200)
