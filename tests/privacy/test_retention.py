"""The periodic purge: contacts of who brought a need after the retention, inactive accounts warned once then
deactivated, old login attempts and expired sessions."""

import datetime

import pytest
from axes.models import AccessLog
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from fabrique.method.models import Need
from fabrique.privacy.models import InactivityNotice
from fabrique.privacy.retention import purge, purge_need_contacts
from tests.factories import UserFactory
from tests.method.factories import NeedFactory

NOW = timezone.make_aware(datetime.datetime(2030, 6, 1, 3, 0))
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def retention(settings):
    settings.NEED_CONTACT_RETENTION_DAYS = 100
    settings.INACTIVE_ACCOUNT_DAYS = 365
    settings.INACTIVE_ACCOUNT_GRACE_DAYS = 30
    settings.LOGIN_RECORD_RETENTION_DAYS = 30


def need_with_contact(structure, consent_on, **extra):
    need = NeedFactory(
        structure=structure, brought_by_name="Habitant", brought_by_contact="06 00 00 00 00", brought_by_consent=True
    )
    Need.objects.filter(pk=need.pk).update(brought_by_consent_on=consent_on, **extra)
    need.history.update(brought_by_consent_on=consent_on, history_date=NOW - 200 * DAY)
    return need


# --- the contact of who brought a need -----------------------------------------------------------------


def test_saving_a_need_with_consent_dates_the_consent_and_unticking_forgets_it(structure):
    need = NeedFactory(structure=structure, brought_by_contact="a@example.org", brought_by_consent=True)
    assert need.brought_by_consent_on == timezone.localdate()
    need.brought_by_contact, need.brought_by_consent = "", False
    need.save(update_fields=["brought_by_contact", "brought_by_consent"])
    need.refresh_from_db()
    assert need.brought_by_consent_on is None


def test_a_need_recorded_with_consent_through_the_form_shows_the_consent_date(client_for, member, structure):
    from django.urls import reverse
    from django.utils import formats

    data = {
        "title": "Réparer les vélos",
        "theme": "mobility",
        "departement": "29",
        "source": "inhabitant",
        "detected_on": "2024-05-14",
        "brought_by_name": "Erwan",
        "brought_by_contact": "erwan@example.org",
        "brought_by_consent": "on",
    }
    client = client_for(member)
    client.post(reverse("method:need_create", args=[structure.slug]), data)
    need = Need.objects.get()
    assert need.brought_by_consent_on == timezone.localdate()
    day = formats.date_format(timezone.localdate(), "j F Y")
    assert f"(consentement du {day})" in client.get(need.get_absolute_url()).content.decode()


def test_a_contact_is_emptied_after_the_retention_from_its_consent_date(structure):
    expired = need_with_contact(structure, (NOW - 101 * DAY).date())
    kept = need_with_contact(structure, (NOW - 99 * DAY).date())
    emptied, copies = purge_need_contacts(NOW)
    expired.refresh_from_db()
    kept.refresh_from_db()
    assert emptied == 1 and copies >= 1
    assert (expired.brought_by_name, expired.brought_by_contact, expired.brought_by_consent) == ("", "", False)
    assert (kept.brought_by_name, kept.brought_by_contact, kept.brought_by_consent) == (
        "Habitant",
        "06 00 00 00 00",
        True,
    )


def test_the_history_copies_of_an_expired_contact_are_emptied_too(structure):
    expired = need_with_contact(structure, (NOW - 101 * DAY).date())
    purge_need_contacts(NOW)
    assert expired.history.exists()
    assert not expired.history.exclude(brought_by_contact="").exists()
    assert not expired.history.exclude(brought_by_name="").exists()


def test_without_a_consent_date_the_retention_runs_from_the_recording_of_the_need(structure):
    old = need_with_contact(structure, None, created_at=NOW - 101 * DAY)
    recent = need_with_contact(structure, None, created_at=NOW - 10 * DAY)
    purge_need_contacts(NOW)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.brought_by_contact == "" and recent.brought_by_contact == "06 00 00 00 00"


def test_the_need_itself_stays(structure):
    expired = need_with_contact(structure, (NOW - 400 * DAY).date())
    purge_need_contacts(NOW)
    expired.refresh_from_db()
    assert expired.title and expired.source and Need.objects.count() == 1


# --- inactive accounts -------------------------------------------------------------------------------------


def inactive_person(days: int, **extra):
    return UserFactory(last_login=NOW - days * DAY, date_joined=NOW - 2000 * DAY, **extra)


def test_an_account_inactive_for_long_is_warned_once_in_french(db, django_capture_on_commit_callbacks):
    person = inactive_person(400, email="dormant@example.org")
    active = inactive_person(10)
    with django_capture_on_commit_callbacks(execute=True):
        assert purge(NOW).accounts_warned == 1
        assert purge(NOW + DAY).accounts_warned == 0
    assert [m.to for m in mail.outbox] == [["dormant@example.org"]]
    assert "sera désactivé le 1 juillet 2030" in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Votre compte")
    assert InactivityNotice.objects.filter(user=person).exists()
    assert not InactivityNotice.objects.filter(user=active).exists()


def test_a_warned_account_is_deactivated_after_the_grace_period(db, django_capture_on_commit_callbacks):
    person = inactive_person(400)
    with django_capture_on_commit_callbacks(execute=True):
        purge(NOW)
    assert purge(NOW + 29 * DAY).accounts_deactivated == 0
    person.refresh_from_db()
    assert person.is_active
    assert purge(NOW + 31 * DAY).accounts_deactivated == 1
    person.refresh_from_db()
    assert not person.is_active
    assert len(mail.outbox) == 1  # no second warning


def test_a_login_after_the_warning_keeps_the_account(db):
    person = inactive_person(400)
    purge(NOW)
    person.last_login = NOW + 2 * DAY
    person.save(update_fields=["last_login"])
    assert purge(NOW + 31 * DAY).accounts_deactivated == 0
    person.refresh_from_db()
    assert person.is_active


def test_an_account_reactivated_by_the_coordination_is_not_deactivated_again(db):
    person = inactive_person(400)
    purge(NOW)
    purge(NOW + 31 * DAY)
    person.is_active = True
    person.save(update_fields=["is_active"])
    report = purge(NOW + 62 * DAY)
    person.refresh_from_db()
    assert person.is_active and report.accounts_warned == 0 and report.accounts_deactivated == 0


def test_an_account_that_uses_its_api_token_is_not_inactive(db):
    from fabrique.accounts.models import ApiToken

    person = inactive_person(400)
    token, _raw = ApiToken.issue(person, "script")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=NOW - 3 * DAY)
    assert purge(NOW).accounts_warned == 0


def test_an_account_that_never_logged_in_counts_from_its_creation(db):
    UserFactory(last_login=None, date_joined=NOW - 400 * DAY)
    UserFactory(last_login=None, date_joined=NOW - 10 * DAY)
    assert purge(NOW).accounts_warned == 1


# --- login attempts, sessions and the command ---------------------------------------------------------------


def test_old_login_attempts_are_deleted(db):
    now = timezone.now()
    old = AccessLog.objects.create(username="a@example.org", ip_address="192.0.2.1", user_agent="x", http_accept="*")
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=now - 31 * DAY)
    AccessLog.objects.create(username="b@example.org", ip_address="192.0.2.2", user_agent="x", http_accept="*")
    assert purge(now).login_records == 1
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["b@example.org"]


def test_the_command_says_what_it_did_in_french(structure, capsys):
    need_with_contact(structure, datetime.date(2000, 1, 1))
    call_command("purge_personal_data")
    out = capsys.readouterr().out
    assert "Besoins dont les coordonnées ont été vidées : 1" in out
    assert "Comptes inactifs avertis : 0" in out
