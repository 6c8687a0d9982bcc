from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from fabrique.accounts.backends import locked_until
from fabrique.accounts.models import LoginFailure
from tests.factories import PASSWORD, UserFactory

from .helpers import text

LOGIN = reverse("accounts:login")


def _post(client, email, password, **extra):
    return client.post(LOGIN, {"username": email, "password": password}, **extra)


def _fail(client, email, times):
    for _ in range(times):
        _post(client, email, "mauvais-mot-de-passe")


@pytest.fixture
def person(db):
    return UserFactory(email="camille@example.org")


def test_login_by_email_ignores_the_case_of_the_address(client, person):
    response = _post(client, "Camille@Example.ORG", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_a_wrong_password_is_refused_in_french_and_recorded_with_the_ip(client, person):
    response = _post(client, person.email, "mauvais-mot-de-passe", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    assert "Adresse e-mail ou mot de passe incorrect." in text(response)
    assert "Encore 4 essais" in text(response)
    failure = LoginFailure.objects.get()
    assert (failure.email, failure.ip_address) == ("camille@example.org", "203.0.113.7")


@override_settings(LOGIN_FAILURE_LIMIT=5, LOGIN_LOCKOUT_MINUTES=15)
def test_after_five_failures_even_the_right_password_is_refused_with_a_time_to_retry(client, person):
    _fail(client, person.email, 4)
    fifth = _post(client, person.email, "mauvais-mot-de-passe")
    assert "la connexion est bloquée" in text(fifth)
    response = _post(client, person.email, PASSWORD)
    assert response.status_code == 200
    page = text(response)
    assert "la connexion est bloquée" in page
    assert "Réessayez dans 15 minutes" in page
    assert "_auth_user_id" not in client.session
    # Refused attempts while locked do not extend the lock.
    assert LoginFailure.objects.count() == 5


@override_settings(LOGIN_FAILURE_LIMIT=5, LOGIN_LOCKOUT_MINUTES=15)
def test_the_lock_is_per_address_whatever_its_case(client, person):
    _fail(client, "CAMILLE@example.org", 5)
    assert locked_until("camille@EXAMPLE.org") is not None
    _post(client, person.email, PASSWORD)
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT=5, LOGIN_LOCKOUT_MINUTES=15)
def test_the_lock_ends_after_the_delay(client, person):
    _fail(client, person.email, 5)
    _post(client, person.email, PASSWORD)
    assert "_auth_user_id" not in client.session
    LoginFailure.objects.update(created_at=timezone.now() - timedelta(minutes=15, seconds=1))
    response = _post(client, person.email, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


@override_settings(LOGIN_FAILURE_LIMIT=5, LOGIN_LOCKOUT_MINUTES=15)
def test_old_failures_do_not_count_towards_the_lock(client, person):
    _fail(client, person.email, 4)
    LoginFailure.objects.update(created_at=timezone.now() - timedelta(minutes=20))
    _fail(client, person.email, 1)
    response = _post(client, person.email, PASSWORD)
    assert response.status_code == 302


def test_a_successful_login_clears_the_failures(client, person):
    _fail(client, person.email, 3)
    _post(client, person.email, PASSWORD)
    assert not LoginFailure.objects.filter(email=person.email).exists()


def test_an_unknown_address_is_locked_the_same_way_so_nothing_tells_who_has_an_account(client, db):
    _fail(client, "personne@example.org", 5)
    assert locked_until("personne@example.org") is not None


@override_settings(LOGIN_FAILURE_LIMIT=5, LOGIN_LOCKOUT_MINUTES=15)
def test_authenticate_itself_refuses_a_locked_address(person):
    request = RequestFactory().post("/")
    for _ in range(5):
        assert authenticate(request, username=person.email, password="faux") is None
    assert authenticate(request, username=person.email, password=PASSWORD) is None


@override_settings(LOGIN_FAILURE_LIMIT=5, LOGIN_LOCKOUT_MINUTES=15)
def test_the_admin_login_goes_through_the_same_lock_out(client, db):
    staff = UserFactory(email="coordination@example.org", coordinator=True)
    admin_login = reverse("admin:login")
    for _ in range(5):
        client.post(admin_login, {"username": staff.email, "password": "faux", "next": "/admin/"})
    response = client.post(admin_login, {"username": staff.email, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 200
    assert "la connexion est bloquée" in text(response)
    assert "_auth_user_id" not in client.session
    LoginFailure.objects.update(created_at=timezone.now() - timedelta(hours=1))
    response = client.post(admin_login, {"username": staff.email, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302


def test_an_inactive_account_cannot_log_in(client, db):
    user = UserFactory(email="partie@example.org", is_active=False)
    response = _post(client, user.email, PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
