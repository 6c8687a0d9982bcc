"""The coordination's personal-data pages: search, JSON download, erasure with confirmation; roles."""

import json

import pytest
from django.urls import reverse

from fabrique.accounts.models import User
from fabrique.privacy.models import Erasure
from tests.conftest import ROLES

from .conftest import EMAIL


def routes(person):
    return [
        reverse("privacy:people"),
        reverse("privacy:person_export", args=[person.pk]),
        reverse("privacy:person_erase", args=[person.pk]),
    ]


EXPECTED = {"coordinator": 200, "member": 403, "other_member": 403, "anonymous": 302}


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_the_coordination_opens_the_personal_data_pages(persona, person, client_for):
    name, user = persona
    checked = 0
    for url in routes(person):
        response = client_for(user).get(url)
        assert response.status_code == EXPECTED[name], url
        if name == "anonymous":
            assert response["Location"].startswith(reverse("accounts:login"))
        checked += 1
    assert checked == 3


@pytest.mark.parametrize("persona", ["member", "other_member", "anonymous"], indirect=True)
def test_nobody_but_the_coordination_can_post_an_erasure(persona, person, client_for):
    _name, user = persona
    client_for(user).post(reverse("privacy:person_erase", args=[person.pk]), {"confirm": "on"})
    person.refresh_from_db()
    assert person.email == EMAIL and person.is_active


def test_the_search_finds_a_person_by_name_or_address(person, coordinator, client_for):
    page = client_for(coordinator).get(reverse("privacy:people"), {"q": "zéphyr"}).content.decode()
    assert EMAIL in page
    assert reverse("privacy:person_export", args=[person.pk]) in page
    assert "<caption" in page and 'scope="col"' in page


def test_the_export_is_a_json_download(person, coordinator, client_for):
    response = client_for(coordinator).get(reverse("privacy:person_export", args=[person.pk]))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="donnees-personnelles-{person.pk}-')
    assert json.loads(response.content)["person"]["email"] == EMAIL


def test_the_confirmation_page_says_what_will_happen(person, coordinator, client_for):
    page = client_for(coordinator).get(reverse("privacy:person_erase", args=[person.pk])).content.decode()
    assert "Appartenances aux structures" in page
    assert "ligne supprimée" in page.lower()
    assert "Je confirme l&#x27;effacement" in page


def test_an_erasure_without_the_confirmation_erases_nothing(person, coordinator, client_for):
    response = client_for(coordinator).post(reverse("privacy:person_erase", args=[person.pk]), {"reason": "x"})
    assert response.status_code == 200
    assert "Cochez la case pour confirmer l&#x27;effacement." in response.content.decode()
    person.refresh_from_db()
    assert person.email == EMAIL and not Erasure.objects.exists()


def test_a_confirmed_erasure_erases_and_is_listed(person, coordinator, client_for):
    client = client_for(coordinator)
    response = client.post(
        reverse("privacy:person_erase", args=[person.pk]), {"confirm": "on", "reason": "Demande du 2 décembre"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == User.erased_email(person.pk)
    page = client.get(response["Location"]).content.decode()
    assert "Demande du 2 décembre" in page and "personne effacée" in page


def test_the_coordination_area_links_to_the_new_pages(coordinator, client_for):
    page = client_for(coordinator).get(reverse("network:coordination")).content.decode()
    assert reverse("privacy:people") in page and reverse("audit:journal") in page


def test_an_erased_person_s_open_session_no_longer_gives_access(person, coordinator, client_for):
    session = client_for(person)
    assert session.get(reverse("dashboard")).status_code == 200
    client_for(coordinator).post(reverse("privacy:person_erase", args=[person.pk]), {"confirm": "on"})
    response = session.get(reverse("dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
