"""Login throttling (django-axes, fabrique/accounts/lockout.py): per (e-mail, address) and per address alone.

A third party cannot keep someone out: failures from the attacker's address never refuse the owner's.
"""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from fabrique.accounts import lockout
from tests.factories import PASSWORD, UserFactory

from .helpers import text

LOGIN = reverse("accounts:login")
ADMIN_LOGIN = reverse("admin:login")
ATTACKER, OWNER, OFFICE, ELSEWHERE = "203.0.113.66", "198.51.100.7", "192.0.2.10", "192.0.2.99"
REFUSED = "les essais sont suspendus"
CSRF = re.compile(r'"X-CSRFToken": "[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.LOGIN_IP_FAILURE_LIMIT = 30
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def _post(client, email, password, ip, url=LOGIN, **data):
    return client.post(url, {"username": email, "password": password, **data}, REMOTE_ADDR=ip)


def _fail(client, email, ip, times, url=LOGIN, **data):
    for _ in range(times):
        _post(client, email, "mauvais-mot-de-passe", ip, url, **data)


def _age_attempts(minutes, seconds=0):
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=minutes, seconds=seconds))


def _logged_in(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


@pytest.fixture
def person(db):
    return UserFactory(email="camille@example.org")


def test_login_by_email_ignores_the_case_of_the_address(client, person):
    response = _post(client, "Camille@Example.ORG", PASSWORD, OWNER)
    assert response.status_code == 302
    assert _logged_in(client, person)


def test_a_wrong_password_is_refused_in_french_and_counted_for_the_address_and_the_pair(client, person):
    response = _post(client, "Camille@Example.org ", "mauvais-mot-de-passe", ATTACKER)
    assert response.status_code == 200
    assert "Adresse e-mail ou mot de passe incorrect." in text(response)
    assert "Encore 4 essais avant une suspension de 15 minutes." in text(response)
    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address, attempt.failures_since_start) == (person.email, ATTACKER, 1)


def test_the_victim_logs_in_from_her_address_while_the_attacker_is_refused_until_the_cool_off(client, person):
    _fail(client, person.email, ATTACKER, 4)
    fifth = _post(client, person.email, "mauvais-mot-de-passe", ATTACKER)
    assert fifth.status_code == 429 and REFUSED in text(fifth)
    _fail(client, person.email, ATTACKER, 45)
    assert AccessAttempt.objects.get(ip_address=ATTACKER).failures_since_start == 50

    owner = _post(client, person.email, PASSWORD, OWNER)
    assert owner.status_code == 302 and _logged_in(client, person)
    client.logout()

    refused = _post(client, person.email, PASSWORD, ATTACKER)
    page = text(refused)
    assert refused.status_code == 429 and not _logged_in(client, person)
    assert (
        "Trop d'échecs de connexion depuis votre adresse réseau\u00a0: par sécurité, les essais sont suspendus." in page
    )
    assert "Réessayez dans 15 minutes" in page
    assert "<h1>Se connecter</h1>" in page  # the site's login page, in its layout
    assert 880 <= int(refused["Retry-After"]) <= 900

    _age_attempts(15, 1)
    after = _post(client, person.email, PASSWORD, ATTACKER)
    assert after.status_code == 302 and _logged_in(client, person)


def test_every_attempt_while_refused_restarts_the_cool_off(client, person):
    _fail(client, person.email, ATTACKER, 5)
    _age_attempts(10)
    again = _post(client, person.email, PASSWORD, ATTACKER)
    assert again.status_code == 429 and "Réessayez dans 15 minutes" in text(again)
    _age_attempts(14)
    assert _post(client, person.email, PASSWORD, ATTACKER).status_code == 429
    _age_attempts(15, 1)
    assert _post(client, person.email, PASSWORD, ATTACKER).status_code == 302


def test_the_pair_is_refused_whatever_the_case_of_the_address(client, person):
    _fail(client, "CAMILLE@example.org", ATTACKER, 5)
    response = _post(client, "camille@EXAMPLE.org", PASSWORD, ATTACKER)
    assert response.status_code == 429 and not _logged_in(client, person)


def test_one_address_is_refused_for_every_account_after_its_own_higher_limit(client, person):
    for n in range(29):
        _post(client, f"essai-{n}@example.org", "mauvais-mot-de-passe", OFFICE)
    assert _post(client, person.email, PASSWORD, OFFICE).status_code == 302
    client.logout()
    _post(client, "essai-29@example.org", "mauvais-mot-de-passe", OFFICE)

    refused = _post(client, person.email, PASSWORD, OFFICE)
    assert refused.status_code == 429 and REFUSED in text(refused) and not _logged_in(client, person)
    assert _post(client, person.email, PASSWORD, ELSEWHERE).status_code == 302


def test_a_spoofed_forwarded_for_header_does_not_give_a_fresh_address(client, person):
    for n in range(5):
        _post(client, person.email, "mauvais-mot-de-passe", ATTACKER, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    response = client.post(
        LOGIN, {"username": person.email, "password": PASSWORD}, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="10.9.9.9"
    )
    assert response.status_code == 429


def test_a_success_clears_that_pair_only_not_the_failures_of_the_address_on_other_accounts(client, person):
    _fail(client, person.email, ATTACKER, 3)
    _fail(client, "quelqu-un@example.org", ATTACKER, 4)
    assert _post(client, person.email, PASSWORD, ATTACKER).status_code == 302
    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [("quelqu-un@example.org", 4)]


def test_an_unknown_address_is_counted_the_same_way_so_nothing_tells_who_has_an_account(client, person):
    _fail(client, "personne@example.org", ATTACKER, 4)
    _fail(client, person.email, ATTACKER, 4)
    unknown = _post(client, "personne@example.org", "mauvais-mot-de-passe", ATTACKER)
    known = _post(client, person.email, "mauvais-mot-de-passe", ATTACKER)
    assert unknown.status_code == known.status_code == 429
    assert CSRF.sub("", text(unknown)).replace("personne@example.org", "") == CSRF.sub("", text(known)).replace(
        person.email, ""
    )


def test_authenticate_itself_refuses_a_throttled_pair(person):
    request = RequestFactory().post("/", REMOTE_ADDR=ATTACKER)
    for _ in range(5):
        assert authenticate(request, username=person.email, password="faux") is None
    assert (
        authenticate(RequestFactory().post("/", REMOTE_ADDR=ATTACKER), username=person.email, password=PASSWORD) is None
    )
    owner = RequestFactory().post("/", REMOTE_ADDR=OWNER)
    assert authenticate(owner, username=person.email, password=PASSWORD) == person


def test_the_admin_login_is_throttled_the_same_way_with_its_french_page(client, db):
    staff = UserFactory(email="coordination@example.org", coordinator=True)
    _fail(client, staff.email, ATTACKER, 5, ADMIN_LOGIN, next="/admin/")
    refused = _post(client, staff.email, PASSWORD, ATTACKER, ADMIN_LOGIN, next="/admin/")
    page = text(refused)
    assert refused.status_code == 429 and not _logged_in(client, staff)
    assert REFUSED in page and "Réessayez dans 15 minutes" in page
    assert 'id="login-form"' in page  # the admin's own login page
    assert _post(client, staff.email, PASSWORD, OWNER, ADMIN_LOGIN, next="/admin/").status_code == 302


def test_a_refusal_outside_the_login_forms_gets_the_sites_french_page(person):
    request = RequestFactory().post("/", {"username": person.email}, REMOTE_ADDR=ATTACKER)
    for _ in range(5):
        authenticate(request, username=person.email, password="faux")
    response = lockout.lockout_response(request, None, {"username": person.email})
    page = response.content.decode()
    assert response.status_code == 429 and "Connexion suspendue" in page and "Réessayez dans 15 minutes" in page
    assert 880 <= int(response["Retry-After"]) <= 900


def test_an_inactive_account_cannot_log_in(client, db):
    user = UserFactory(email="partie@example.org", is_active=False)
    response = _post(client, user.email, PASSWORD, OWNER)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
