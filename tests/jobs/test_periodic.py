"""Periodic jobs: enqueued once per name and period, however many times the scheduler runs."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils.module_loading import import_string

from fabrique.jobs.enums import Period
from fabrique.jobs.models import PeriodicRun
from fabrique.jobs.periodic import period_of, schedule_due

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def weekly_digest(settings):
    settings.FABRIQUE_PERIODIC_JOBS = {"digest": ("tests.jobs.handlers.send_digest", "weekly")}


def test_the_periods_are_the_hour_the_day_and_the_iso_week_of_the_site():
    moment = datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))  # already 1 January 2027 in Paris
    assert period_of("hourly", moment) == "2027-01-01T00"
    assert period_of("daily", moment) == "2027-01-01"
    assert period_of("weekly", moment) == "2026-W53"


def test_a_digest_is_sent_once_per_week_even_if_the_scheduler_runs_twice(
    db, weekly_digest, django_capture_on_commit_callbacks
):
    monday = datetime(2026, 12, 7, 8, tzinfo=PARIS)
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule_due(monday) == ["digest"]
        assert schedule_due(monday.replace(hour=18)) == []
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule_due(datetime(2026, 12, 14, 8, tzinfo=PARIS)) == ["digest"]
    assert len(mail.outbox) == 2
    assert sorted(PeriodicRun.objects.values_list("period", flat=True)) == ["2026-W50", "2026-W51"]


def test_the_scheduler_command_enqueues_each_periodic_job_once(db, weekly_digest, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("scheduler", "--once", verbosity=0)
        call_command("scheduler", "--once", verbosity=0)
    assert len(mail.outbox) == 1


def test_every_declared_periodic_job_names_a_function_and_a_known_period(settings):
    declared = list(settings.FABRIQUE_PERIODIC_JOBS.values())
    assert {"appellation_reminders", "purge_personal_data"} <= set(settings.FABRIQUE_PERIODIC_JOBS)
    assert all(callable(import_string(handler)) for handler, _ in declared)
    assert {period for _, period in declared} <= set(Period.values)
