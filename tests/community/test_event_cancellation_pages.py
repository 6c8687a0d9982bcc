"""Cancelling an event from its page: who may, the confirmation form, and what the pages show afterwards."""

import html

import pytest
from django.core import mail

from fabrique.community import services
from fabrique.community.services import registrations
from fabrique.core.exceptions import DomainError
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES

from .factories import EventFactory, in_days

REASON = "Grève des transports : la rencontre est reportée."
CANCEL = {"coordinator": 200, "member": 200, "other_member": 403, "anonymous": 302}


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _cancel(event, by):
    return services.cancel_event(event, by, REASON, expected_version=event.version)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_who_opens_the_confirmation_form(persona, event, client_for):
    name, user = persona
    response = client_for(user).get(f"/evenements/{event.slug}/annuler/")
    assert response.status_code == CANCEL[name]
    if name == "anonymous":
        assert response["Location"].startswith("/comptes/")
    if response.status_code == 200:
        page = _page(response)
        assert "Attention : l'annulation est définitive" in page
        assert 'type="hidden" name="version"' in page
        assert 'name="reason"' in page


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_who_cancels_the_event(persona, event, client_for):
    name, user = persona
    response = client_for(user).post(f"/evenements/{event.slug}/annuler/", {"reason": REASON, "version": 1})
    event.refresh_from_db()
    allowed = name in ("coordinator", "member")
    assert event.is_cancelled == allowed
    if allowed:
        assert response.status_code == 302 and response["Location"] == f"/evenements/{event.slug}/"
    else:
        assert response.status_code == CANCEL[name]


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_cancel_link_is_shown_to_the_organisers_only(persona, structure, client_for):
    name, user = persona
    event = EventFactory(organiser=structure, visibility=Visibility.PUBLIC)
    page = _page(client_for(user).get(f"/evenements/{event.slug}/"))
    assert (f"/evenements/{event.slug}/annuler/" in page) == (name in ("coordinator", "member"))


def test_the_form_warns_of_the_emails_then_redirects_with_a_message(
    event, member, other_member, client_for, django_capture_on_commit_callbacks
):
    registrations.register(event, other_member)
    client = client_for(member)
    assert "La personne inscrite ou en liste d'attente sera prévenue par e-mail" in _page(
        client.get(f"/evenements/{event.slug}/annuler/")
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/evenements/{event.slug}/annuler/", {"reason": REASON, "version": 1}, follow=True)
    assert "L'événement est annulé : les personnes inscrites sont prévenues par e-mail." in _page(response)
    assert [message.to for message in mail.outbox] == [[other_member.email]]


def test_a_missing_reason_or_a_stale_version_keeps_the_form(event, member, client_for):
    client = client_for(member)
    empty = client.post(f"/evenements/{event.slug}/annuler/", {"reason": "  ", "version": 1})
    assert empty.status_code == 200 and "Ce champ est obligatoire" in _page(empty)
    services.update_event(event, member, {"title": "Titre changé"}, expected_version=1)
    stale = client.post(f"/evenements/{event.slug}/annuler/", {"reason": REASON, "version": 1})
    assert stale.status_code == 200 and "modifiée par quelqu'un d'autre" in _page(stale)
    event.refresh_from_db()
    assert not event.is_cancelled


def test_a_cancelled_or_past_event_has_no_confirmation_form(structure, event, member, client_for):
    _cancel(event, member)
    client = client_for(member)
    again = client.get(f"/evenements/{event.slug}/annuler/", follow=True)
    assert again.redirect_chain == [(f"/evenements/{event.slug}/", 302)]
    assert "Cet événement est déjà annulé" in _page(again)
    past = EventFactory(organiser=structure, past=True)
    response = client.post(f"/evenements/{past.slug}/annuler/", {"reason": REASON, "version": 1}, follow=True)
    assert "ne peut plus être annulé" in _page(response)
    past.refresh_from_db()
    assert not past.is_cancelled


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_cancelled_event_page_stays_readable_with_a_notice_and_no_registration(
    persona, structure, coordinator, client_for
):
    _name, user = persona
    event = EventFactory(organiser=structure, visibility=Visibility.PUBLIC)
    _cancel(event, coordinator)
    response = client_for(user).get(f"/evenements/{event.slug}/")
    assert response.status_code == 200
    page = _page(response)
    assert '<h2 id="annulation"' in page and "Événement annulé le " in page and REASON in page
    assert f"/evenements/{event.slug}/inscription/" not in page
    assert "M'inscrire" not in page
    assert "L'événement est annulé : les inscriptions sont fermées." in page
    assert f"/evenements/{event.slug}/annuler/" not in page


def test_registering_from_the_page_of_a_cancelled_event_is_refused(event, member, other_member, client_for):
    _cancel(event, member)
    response = client_for(other_member).post(f"/evenements/{event.slug}/inscription/", follow=True)
    assert "Cet événement est annulé : les inscriptions sont fermées." in _page(response)
    assert not event.registrations.exists()


def test_the_list_and_the_calendar_mark_a_cancelled_event(structure, member, client_for):
    cancelled = EventFactory(organiser=structure, title="Rencontre annulée pour grève")
    EventFactory(organiser=structure, title="Formation maintenue")
    _cancel(cancelled, member)
    client = client_for(member)
    for url in ("/evenements/", "/evenements/calendrier/?mois=" + in_days(10).strftime("%Y-%m")):
        page = _page(client.get(url))
        assert page.count(">annulé</span>") == 1
        assert "Formation maintenue" in page


def test_a_cancelled_event_is_no_longer_edited(event, member, client_for):
    _cancel(event, member)
    event.refresh_from_db()
    client = client_for(member)
    assert f"/evenements/{event.slug}/modifier/" not in _page(client.get(f"/evenements/{event.slug}/"))
    for response in (
        client.get(f"/evenements/{event.slug}/modifier/", follow=True),
        client.post(f"/evenements/{event.slug}/modifier/", {"title": "Autre", "version": event.version}, follow=True),
    ):
        assert response.redirect_chain == [(f"/evenements/{event.slug}/", 302)]
        assert "il ne se modifie plus" in _page(response)
    with pytest.raises(DomainError, match="ne se modifie plus"):
        services.update_event(event, member, {"title": "Autre"}, expected_version=event.version)
    event.refresh_from_db()
    assert event.title != "Autre"
