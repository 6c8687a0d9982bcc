"""The queue. `enqueue` records a job in the caller's transaction and hands it to django-tasks once that
transaction is committed; the worker then runs `run_job`.

The rules: a job runs only from `queued` or `retrying` (a second delivery of the same job does nothing); a job
that raises is tried again after a growing delay, FABRIQUE_JOB_ATTEMPTS tries in all, then stays `failed` with its
error for the coordination, who may run it again; a job's key is unique, so whatever is keyed (an e-mail, a
periodic run) is enqueued once."""

import logging
import traceback
import uuid
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from .enums import RUNNABLE, JobStatus
from .models import Job

logger = logging.getLogger(__name__)

ERROR_MAX_LENGTH = 4000
# Done jobs and the task backend's finished results are deleted after this many days (prune, run daily).
JOB_RETENTION_DAYS = 30


def max_attempts() -> int:
    return max(1, settings.FABRIQUE_JOB_ATTEMPTS)


def retry_delay(attempts: int) -> int:
    """Seconds before the next try: FABRIQUE_JOB_RETRY_SECONDS, then four times more after each failure."""
    return settings.FABRIQUE_JOB_RETRY_SECONDS * 4 ** max(attempts - 1, 0)


def enqueue(handler: str, *, key: str = "", **payload) -> Job:
    """Queue `handler(**payload)` (a dotted path, JSON arguments) to run after the current transaction commits.

    With a `key` already used, nothing is queued and the existing job is returned."""
    key = key or f"{handler}:{uuid.uuid4().hex}"
    with transaction.atomic():
        job, created = Job.objects.get_or_create(key=key, defaults={"handler": handler, "payload": payload})
    if created:
        # robust: a queue out of reach must not turn a saved change into an error page (the scheduler hands the
        # job over again, see hand_over_stalled)
        transaction.on_commit(partial(hand_over, job.pk), robust=True)
    return job


def hand_over(job_id: int, delay: int = 0) -> None:
    """Give the job to the task backend, to run now or after `delay` seconds when the backend can defer."""
    runner = run_job
    if delay and runner.get_backend().supports_defer:
        runner = runner.using(run_after=timezone.now() + timedelta(seconds=delay))
    runner.enqueue(job_id)


def hand_over_stalled(now=None) -> int:
    """Jobs queued or to retry for more than an hour (the queue was out of reach when they were handed over, or a
    worker stopped) are handed over again; a job already run ignores the second delivery."""
    cutoff = (now or timezone.now()) - timedelta(hours=1)
    stalled = Job.objects.filter(status__in=RUNNABLE, created_at__lt=cutoff).exclude(started_at__gte=cutoff)
    ids = list(stalled.values_list("pk", flat=True)[:500])
    for job_id in ids:
        hand_over(job_id)
    return len(ids)


def _claim(job_id: int) -> Job | None:
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id, status__in=RUNNABLE).first()
        if job is None:
            return None
        job.status = JobStatus.RUNNING
        job.attempts += 1
        job.started_at = timezone.now()
        job.save(update_fields=["status", "attempts", "started_at"])
    return job


def _record_failure(job: Job, error: Exception) -> str:
    again = job.attempts < max_attempts()
    status = JobStatus.RETRYING if again else JobStatus.FAILED
    text = "".join(traceback.format_exception(error))[-ERROR_MAX_LENGTH:]
    Job.objects.filter(pk=job.pk).update(status=status, last_error=text, finished_at=None if again else timezone.now())
    if again:
        logger.warning("Tâche %s en échec (essai %s), relancée : %s", job.key, job.attempts, error)
        hand_over(job.pk, delay=retry_delay(job.attempts))
    else:
        logger.error("Tâche %s abandonnée après %s essais : %s", job.key, job.attempts, error)
    return status


@task()
def run_job(job_id: int) -> str:
    """The one django-tasks task: run the job once, record its outcome; returns its new status."""
    job = _claim(job_id)
    if job is None:
        return "skipped"
    try:
        import_string(job.handler)(**job.payload)
    except Exception as error:
        return _record_failure(job, error)
    # what ran keeps no arguments: they may hold addresses or one-time links (password reset, invitation)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.DONE, payload={}, last_error="", finished_at=timezone.now())
    return JobStatus.DONE


def prune(now=None) -> int:
    """Delete the jobs done more than JOB_RETENTION_DAYS days ago, and the database backend's finished results."""
    cutoff = (now or timezone.now()) - timedelta(days=JOB_RETENTION_DAYS)
    deleted = Job.objects.filter(status=JobStatus.DONE, finished_at__lt=cutoff).delete()[0]
    DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted


def run_again(job: Job) -> bool:
    """The coordination runs a failed job again, with all its tries; False if it was not failed (any more)."""
    with transaction.atomic():
        updated = Job.objects.filter(pk=job.pk, status=JobStatus.FAILED).update(
            status=JobStatus.QUEUED, attempts=0, finished_at=None
        )
        if updated:
            transaction.on_commit(partial(hand_over, job.pk), robust=True)
    return bool(updated)
