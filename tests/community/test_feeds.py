"""The iCalendar feed of events and the Atom feed of public news."""

import datetime

from fabrique.community.ical import _fold
from fabrique.search.visibility import Visibility

from .factories import EventFactory, NewsPostFactory


def test_the_icalendar_feed_gives_public_events_to_a_calendar_application(structure, client):
    EventFactory(organiser=structure, visibility=Visibility.PUBLIC, title="Webinaire ; mobilité, rurale")
    EventFactory(organiser=structure, visibility=Visibility.NETWORK, title="Rencontre interne")
    response = client.get("/evenements/agenda.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "SUMMARY:Webinaire \\; mobilité\\, rurale" in body
    assert "Rencontre interne" not in body
    assert body.count("BEGIN:VEVENT") == 1


def test_a_member_logged_in_gets_the_network_events_too(structure, member, client_for):
    EventFactory(organiser=structure, visibility=Visibility.NETWORK, title="Rencontre interne")
    assert "Rencontre interne" in client_for(member).get("/evenements/agenda.ics").content.decode()


def test_one_event_as_ics_has_utc_times_and_its_address(structure, client):
    event = EventFactory(organiser=structure, visibility=Visibility.PUBLIC)
    body = client.get(f"/evenements/{event.slug}.ics").content.decode()
    start = event.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}" in body
    assert f"URL:http://127.0.0.1:8000/evenements/{event.slug}/" in body


def test_the_connection_link_of_an_online_event_is_never_in_the_calendar_files(structure, member, client_for):
    event = EventFactory(
        organiser=structure, visibility=Visibility.PUBLIC, place="", online_url="https://visio.example.org/salle-42"
    )
    for user in (None, member):
        client = client_for(user)
        for address in ("/evenements/agenda.ics", f"/evenements/{event.slug}.ics"):
            body = client.get(address).content.decode().replace("\r\n ", "")
            assert "salle-42" not in body
            assert "LOCATION:En ligne" in body
            assert "Lien de connexion donné aux inscrit·es" in body


def test_long_lines_are_folded_without_cutting_a_character():
    line = "DESCRIPTION:" + "é" * 60
    folded = _fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_the_atom_feed_lists_published_public_news_only(db, client):
    NewsPostFactory(title="Neuf nouvelles structures", visibility=Visibility.PUBLIC)
    NewsPostFactory(title="Note au réseau", visibility=Visibility.NETWORK)
    NewsPostFactory(title="Brouillon", published_on=None)
    NewsPostFactory(title="Programmée", published_on=datetime.date.today() + datetime.timedelta(days=3))
    response = client.get("/actualites/atom.xml")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Neuf nouvelles structures" in body
    for hidden in ("Note au réseau", "Brouillon", "Programmée"):
        assert hidden not in body
