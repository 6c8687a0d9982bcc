import pytest

from .handlers import RefusingEmailBackend


@pytest.fixture
def refusing_mail_server(settings):
    """`refuse(n)`: the next n e-mails are refused by the mail server; jobs are tried again at once."""
    settings.EMAIL_BACKEND = "tests.jobs.handlers.RefusingEmailBackend"
    settings.FABRIQUE_JOB_RETRY_SECONDS = 0
    settings.FABRIQUE_JOB_ATTEMPTS = 3

    def refuse(times: int) -> None:
        RefusingEmailBackend.refusals = times

    yield refuse
    RefusingEmailBackend.refusals = 0
