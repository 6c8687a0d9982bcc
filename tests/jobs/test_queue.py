"""The queue's rules, with the jobs run as soon as their transaction commits (the immediate backend)."""

from django.core import mail
from django.db import transaction
from django.urls import reverse

from fabrique.jobs.enums import JobStatus
from fabrique.jobs.mail import send_email
from fabrique.jobs.models import Job
from fabrique.jobs.queue import run_job


def test_an_e_mail_is_sent_only_once_its_transaction_is_committed(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            send_email("claude@example.org", "Bienvenue", "Bonjour")
            assert mail.outbox == []
    assert [m.to for m in mail.outbox] == [["claude@example.org"]]
    job = Job.objects.get()
    assert (job.status, job.attempts, job.payload) == (JobStatus.DONE, 1, {})


def test_an_e_mail_of_a_rolled_back_transaction_is_never_sent(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                send_email("claude@example.org", "Bienvenue", "Bonjour")
                raise RuntimeError("refusé")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not Job.objects.exists()


def test_an_e_mail_with_a_key_already_used_is_not_sent_again(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = send_email("claude@example.org", "Annulé", "L'événement est annulé.", key="event-cancelled:1")
    with django_capture_on_commit_callbacks(execute=True):
        second = send_email("claude@example.org", "Annulé", "L'événement est annulé.", key="event-cancelled:1")
    assert first.pk == second.pk
    assert len(mail.outbox) == 1


def test_a_second_delivery_of_a_job_already_run_does_nothing(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = send_email("claude@example.org", "Bienvenue", "Bonjour")
    assert run_job.call(job.pk) == "skipped"
    assert len(mail.outbox) == 1


def test_an_e_mail_refused_twice_is_sent_at_the_third_try(db, refusing_mail_server, django_capture_on_commit_callbacks):
    refusing_mail_server(2)
    with django_capture_on_commit_callbacks(execute=True):
        job = send_email("claude@example.org", "Bienvenue", "Bonjour")
    job.refresh_from_db()
    assert (job.status, job.attempts, job.last_error) == (JobStatus.DONE, 3, "")
    assert len(mail.outbox) == 1


def test_an_e_mail_refused_at_every_try_stays_failed_with_its_error_for_the_coordination(
    db, refusing_mail_server, django_capture_on_commit_callbacks, client, coordinator
):
    refusing_mail_server(3)
    with django_capture_on_commit_callbacks(execute=True):
        job = send_email("claude@example.org", "Bienvenue", "Bonjour")
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.FAILED, 3)
    assert "serveur d'e-mails injoignable" in job.last_error
    assert job.payload["to"] == "claude@example.org"  # kept, to run it again
    assert mail.outbox == []

    coordinator.is_staff = True
    coordinator.save()
    client.force_login(coordinator)
    listing = client.get(reverse("admin:jobs_job_changelist"), {"status__exact": "failed"})
    assert listing.status_code == 200
    assert "fabrique.jobs.mail.deliver" in listing.content.decode()
    detail = client.get(reverse("admin:jobs_job_change", args=[job.pk]))
    assert "serveur d&#x27;e-mails injoignable" in detail.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:jobs_job_changelist"),
            {"action": "run_failed_again", "_selected_action": [job.pk]},
            follow=True,
        )
    assert "1 tâche relancée." in response.content.decode()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.DONE, 1)
    assert len(mail.outbox) == 1
