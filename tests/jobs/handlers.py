"""What the job tests queue: a mail server that refuses a number of times, and a periodic digest."""

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from fabrique.jobs.mail import send_email


class RefusingEmailBackend(EmailBackend):
    """Refuses the next `refusals` messages (a mail server out of reach), then delivers to mail.outbox."""

    refusals = 0

    def send_messages(self, messages):
        if RefusingEmailBackend.refusals > 0:
            RefusingEmailBackend.refusals -= 1
            raise ConnectionRefusedError("serveur d'e-mails injoignable")
        return super().send_messages(messages)


def send_digest():
    """A periodic job: one e-mail per run."""
    send_email("lectrice@example.org", "Votre résumé", "Ce qui s'est passé cette semaine.")


def outbox_subjects() -> list[str]:
    return [message.subject for message in mail.outbox]
