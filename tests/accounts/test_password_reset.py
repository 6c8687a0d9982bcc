import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

from .helpers import text

RESET = reverse("accounts:password_reset")
LOGIN = reverse("accounts:login")
LINK = re.compile(r"http://testserver\.example(/comptes/mot-de-passe/nouveau/[^/\s]+/[^/\s]+/)")
CSRF = re.compile(r'"X-CSRFToken": "[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"')
NEW = "Un-tout-nouveau-mot-de-passe-7"


@pytest.fixture
def person(db):
    return UserFactory(email="claude@example.org")


@pytest.fixture
def ask_reset(client, django_capture_on_commit_callbacks):
    """Ask for a link; the e-mail is a job, sent once the request's work is committed."""

    def ask(email, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(RESET, {"email": email}, **kwargs)

    return ask


def test_a_known_address_receives_a_french_link_on_the_site(client, ask_reset, person):
    response = ask_reset("Claude@Example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["claude@example.org"]
    assert "Nouveau mot de passe" in message.subject
    assert "ignorez ce message" in message.body
    assert LINK.search(message.body)


def test_an_unknown_address_gets_exactly_the_same_answer_and_no_e_mail(client, ask_reset, person):
    known = ask_reset(person.email, follow=True)
    mail.outbox.clear()
    unknown = ask_reset("inconnu@example.org", follow=True)
    assert mail.outbox == []
    assert [r[0] for r in known.redirect_chain] == [r[0] for r in unknown.redirect_chain]
    assert CSRF.sub("", text(known)) == CSRF.sub("", text(unknown))
    assert "Si un compte existe pour cette adresse" in text(unknown)


def test_an_inactive_account_receives_nothing(client, ask_reset, db):
    UserFactory(email="partie@example.org", is_active=False)
    ask_reset("partie@example.org")
    assert mail.outbox == []


def test_the_link_sets_a_new_password_once_and_forgets_the_failed_logins_of_that_account(client, ask_reset, person):
    for ip in ("203.0.113.66", "198.51.100.7"):
        for _ in range(5):
            client.post(LOGIN, {"username": person.email, "password": "faux"}, REMOTE_ADDR=ip)
    client.post(LOGIN, {"username": "autre@example.org", "password": "faux"}, REMOTE_ADDR="203.0.113.66")
    assert AccessAttempt.objects.filter(username=person.email).count() == 2
    ask_reset(person.email)
    path = LINK.search(mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    assert "Nouveau mot de passe" in text(form_page)
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_complete")
    person.refresh_from_db()
    assert person.check_password(NEW) and not person.check_password(PASSWORD)
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["autre@example.org"]
    assert (
        client.post(LOGIN, {"username": person.email, "password": NEW}, REMOTE_ADDR="203.0.113.66").status_code == 302
    )
    client.logout()
    reused = client.get(path, follow=True)
    assert "Ce lien n'est plus valable" in text(reused)


def test_a_weak_new_password_is_refused_with_the_field_named(client, ask_reset, person):
    ask_reset(person.email)
    path = LINK.search(mail.outbox[0].body).group(1)
    set_url = client.get(path, follow=True).redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "azerty", "new_password2": "azerty"})
    assert response.status_code == 200
    assert 'href="#id_new_password2">' in text(response)
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
