"""Every e-mail of the platform is a job: queued in the transaction that decided it, sent by the worker after
the commit, tried again when the mail server refuses it, and sent once per key."""

from django.core.mail import EmailMessage

from .models import Job
from .queue import enqueue


def send_email(to: str, subject: str, body: str, *, key: str = "", headers: dict | None = None) -> Job:
    """Queue one e-mail to one address (nobody sees the other recipients). With a `key` (what the e-mail tells,
    e.g. `invitation:12`), a second call with the same key sends nothing."""
    return enqueue(
        "fabrique.jobs.mail.deliver",
        key=f"email:{key}" if key else "",
        to=to,
        subject=str(subject),
        body=str(body),
        headers=headers or {},
    )


def deliver(to: str, subject: str, body: str, headers: dict | None = None) -> None:
    """Run by the worker; raises when the mail server refuses, so that the job is tried again."""
    EmailMessage(subject, body, None, [to], headers=headers or None).send()
