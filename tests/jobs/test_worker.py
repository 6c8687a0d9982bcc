"""The same job tests with a real queue and its worker, run in the test's process: the database backend always,
Redis (RQ) with `FABRIQUE_TASKS_BACKEND=rq REDIS_URL=redis://127.0.0.1:6379/15 pytest -m redis tests/jobs` (a step of
.ci/run; the Redis database named is emptied)."""

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from fabrique.jobs.enums import JobStatus
from fabrique.jobs.mail import send_email
from fabrique.jobs.models import Job
from fabrique.jobs.periodic import schedule_due

REDIS_URL = os.environ.get("REDIS_URL", "")

BACKENDS = [
    pytest.param("database", id="database"),
    pytest.param("rq", id="redis", marks=pytest.mark.redis),
]


@pytest.fixture(params=BACKENDS)
def run_worker(request, settings, transactional_db):
    """Configure the backend; returns a function that runs the worker until the queue is empty."""
    if request.param == "database":
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        settings.FABRIQUE_TASKS_BACKEND = "database"
        return lambda: call_command("worker", batch=True, verbosity=0)

    if not REDIS_URL or settings.FABRIQUE_TASKS_BACKEND != "rq":
        pytest.fail("the redis-marked tests run with FABRIQUE_TASKS_BACKEND=rq and REDIS_URL=redis://…/15")
    import redis  # Local import: only the Redis tests need the client

    redis.Redis.from_url(REDIS_URL).flushdb()
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    # A worker in the test's process (SimpleWorker, no fork): it sees the test database.
    return lambda: call_command(
        "rqworker",
        "default",
        burst=True,
        worker_class="rq.worker.SimpleWorker",
        job_class="django_tasks_rq.backend.Job",
        verbosity=0,
    )


def test_nothing_is_sent_before_the_worker_runs(run_worker):
    send_email("claude@example.org", "Bienvenue", "Bonjour")
    assert mail.outbox == []
    run_worker()
    assert len(mail.outbox) == 1
    assert Job.objects.get().status == JobStatus.DONE


def test_an_e_mail_job_failing_twice_is_retried_then_sent_once(run_worker, refusing_mail_server):
    refusing_mail_server(2)
    job = send_email("claude@example.org", "Bienvenue", "Bonjour")
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.DONE, 3)
    assert len(mail.outbox) == 1


def test_an_e_mail_job_failing_at_every_try_is_shown_to_the_coordination(
    run_worker, refusing_mail_server, client, coordinator
):
    refusing_mail_server(5)
    job = send_email("claude@example.org", "Bienvenue", "Bonjour")
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.FAILED, 3)
    assert mail.outbox == []
    coordinator.is_staff = True
    coordinator.save()
    client.force_login(coordinator)
    detail = client.get(f"/admin/jobs/job/{job.pk}/change/")
    assert "serveur d&#x27;e-mails injoignable" in detail.content.decode()


def test_a_digest_is_sent_once_per_period_even_if_the_scheduler_runs_twice(run_worker, settings):
    settings.FABRIQUE_PERIODIC_JOBS = {"digest": ("tests.jobs.handlers.send_digest", "daily")}
    morning = datetime(2026, 12, 7, 8, tzinfo=ZoneInfo("Europe/Paris"))
    assert schedule_due(morning) == ["digest"]
    assert schedule_due(morning.replace(hour=20)) == []
    run_worker()
    assert schedule_due(morning.replace(hour=21)) == []
    run_worker()
    assert len(mail.outbox) == 1
