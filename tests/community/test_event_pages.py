"""Event pages: who reads, registers, organises and records attendance; the list's query cost."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.community.enums import RegistrationStatus as S
from fabrique.community.models import Event
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES

from .factories import EventFactory, in_days

READ = {
    Visibility.PUBLIC: {"coordinator": 200, "member": 200, "other_member": 200, "anonymous": 200},
    Visibility.NETWORK: {"coordinator": 200, "member": 200, "other_member": 200, "anonymous": 302},
}
MANAGE = {"coordinator": 200, "member": 200, "other_member": 403, "anonymous": 302}


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("visibility", list(READ))
def test_the_event_page_follows_its_visibility(persona, visibility, structure, client_for):
    name, user = persona
    event = EventFactory(organiser=structure, visibility=visibility)
    assert client_for(user).get(f"/evenements/{event.slug}/").status_code == READ[visibility][name]


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_list_and_calendar_show_network_events_to_the_network_only(persona, structure, client_for):
    name, user = persona
    EventFactory(organiser=structure, visibility=Visibility.PUBLIC, title="Webinaire public")
    EventFactory(organiser=structure, visibility=Visibility.NETWORK, title="Rencontre interne")
    for url in ("/evenements/", "/evenements/calendrier/?mois=" + in_days(10).strftime("%Y-%m")):
        page = html.unescape(client_for(user).get(url).content.decode())
        assert "Webinaire public" in page
        assert ("Rencontre interne" in page) == (name != "anonymous")


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_editing_and_attendance_are_for_the_organisers(persona, structure, client_for):
    name, user = persona
    event = EventFactory(organiser=structure)
    client = client_for(user)
    assert client.get(f"/evenements/{event.slug}/modifier/").status_code == MANAGE[name]
    assert client.get(f"/evenements/{event.slug}/presences/").status_code == MANAGE[name]


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_registering_from_the_page(persona, event, client_for):
    name, user = persona
    response = client_for(user).post(f"/evenements/{event.slug}/inscription/")
    assert response.status_code == 302
    registered = event.registrations.filter(status=S.CONFIRMED).exists()
    assert registered == (name != "anonymous")
    if name == "anonymous":
        assert response["Location"].startswith("/comptes/")


def test_a_full_event_offers_the_waiting_list_and_says_so(event, member, other_member, colleague, client_for):
    client_for(member).post(f"/evenements/{event.slug}/inscription/")
    client_for(other_member).post(f"/evenements/{event.slug}/inscription/")
    client = client_for(colleague)
    page = html.unescape(client.get(f"/evenements/{event.slug}/").content.decode())
    assert "complet (2 places)" in page
    assert "M'inscrire sur la liste d'attente" in page
    response = client.post(f"/evenements/{event.slug}/inscription/", follow=True)
    assert "vous êtes sur la liste d'attente" in html.unescape(response.content.decode())
    response = client.post(f"/evenements/{event.slug}/desinscription/", follow=True)
    assert "Votre inscription est annulée" in html.unescape(response.content.decode())


def test_the_online_link_is_given_to_confirmed_people_only(structure, member, other_member, client_for):
    event = EventFactory(organiser=structure, place="", online_url="https://visio.example.org/salle-42")
    client = client_for(other_member)
    assert "salle-42" not in client.get(f"/evenements/{event.slug}/").content.decode()
    client.post(f"/evenements/{event.slug}/inscription/")
    assert "salle-42" in client.get(f"/evenements/{event.slug}/").content.decode()


def test_a_member_organises_an_event_for_its_structure(client_for, member, structure, other_structure):
    data = {
        "title": "Formation : le business plan social",
        "kind": "training",
        "starts_at": in_days(20).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": in_days(20, 17).strftime("%Y-%m-%dT%H:%M"),
        "place": "Quimper",
        "visibility": "network",
        "capacity": "12",
    }
    client = client_for(member)
    refused = client.post("/evenements/nouveau/", {**data, "organiser": other_structure.pk})
    assert refused.status_code == 200 and not Event.objects.exists()
    response = client.post("/evenements/nouveau/", {**data, "organiser": structure.pk})
    event = Event.objects.get()
    assert response["Location"] == f"/evenements/{event.slug}/"
    assert (event.organiser, event.capacity, event.created_by) == (structure, 12, member)


def test_an_event_without_place_or_link_or_ending_before_it_starts_is_refused(client_for, member, structure):
    data = {
        "title": "Webinaire",
        "kind": "webinar",
        "starts_at": in_days(20, 14).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": in_days(20, 10).strftime("%Y-%m-%dT%H:%M"),
        "visibility": "network",
        "organiser": structure.pk,
    }
    page = html.unescape(client_for(member).post("/evenements/nouveau/", data).content.decode())
    assert "Indiquez un lieu ou un lien de connexion" in page
    assert "La fin de l'événement doit suivre son début" in page
    assert not Event.objects.exists()


def test_a_larger_capacity_gives_places_to_the_waiting_list(event, member, other_member, colleague, client_for):
    for user in (member, other_member, colleague):
        client_for(user).post(f"/evenements/{event.slug}/inscription/")
    form = {
        "title": event.title,
        "kind": event.kind,
        "starts_at": event.starts_at.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": event.ends_at.strftime("%Y-%m-%dT%H:%M"),
        "place": event.place,
        "visibility": event.visibility,
        "organiser": event.organiser_id,
        "capacity": "3",
        "version": event.version,
    }
    assert client_for(member).post(f"/evenements/{event.slug}/modifier/", form).status_code == 302
    assert event.registrations.filter(status=S.CONFIRMED).count() == 3


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/evenements/").status_code == 200
    return len(queries)


def test_the_event_list_costs_the_same_number_of_queries_for_3_and_30_events(structure, member, client_for):
    client = client_for(member)
    EventFactory.create_batch(3, organiser=structure)
    three = _list_queries(client)
    EventFactory.create_batch(27, organiser=structure)
    assert _list_queries(client) == three
