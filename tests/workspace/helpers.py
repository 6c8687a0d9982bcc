"""Small helpers shared by the tests of a project's people."""

import re

from django.core import mail
from django.urls import reverse

LINK = re.compile(r"http://testserver\.example/espace-projet/invitation/([\w-]+)/")


def invite_through_the_page(client, project, django_capture_on_commit_callbacks, **data):
    """POST the invite form of the people page, run the e-mail queued on commit; the response and the raw token."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workspace:people", args=[project.pk]), data)
    match = mail.outbox and LINK.search(mail.outbox[-1].body)
    return response, (match.group(1) if match else None)


def accept_url(raw: str) -> str:
    return reverse("workspace:accept_invitation", args=[raw])
