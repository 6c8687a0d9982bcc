import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

from .helpers import text

LOGIN = reverse("accounts:login")


@pytest.fixture
def person(db):
    return UserFactory(email="dominique@example.org")


def test_login_follows_a_next_address_on_this_site(client, person):
    response = client.post(LOGIN, {"username": person.email, "password": PASSWORD, "next": "/comptes/jetons/"})
    assert response.status_code == 302
    assert response["Location"] == "/comptes/jetons/"


@pytest.mark.parametrize("evil", ["https://evil.example.com/", "//evil.example.com/x", "javascript:alert(1)"])
def test_login_ignores_a_next_address_outside_the_site(client, person, evil):
    response = client.post(LOGIN, {"username": person.email, "password": PASSWORD, "next": evil})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_the_login_page_keeps_the_next_address_in_its_form(client, db):
    response = client.get(LOGIN, {"next": "/comptes/"})
    assert 'name="next" value="/comptes/"' in text(response)


def test_a_logged_in_person_opening_the_login_page_is_sent_on(client, person):
    client.force_login(person)
    assert client.get(LOGIN).status_code == 302


def test_logout_is_refused_by_get(client, person):
    client.force_login(person)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session


def test_logout_by_post_ends_the_session(client, person):
    client.force_login(person)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert "Vous êtes déconnecté·e." in text(client.get(response["Location"]))
