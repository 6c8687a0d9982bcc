"""Small helpers shared by the tests of members and invitations."""

import re

from django.core import mail

from fabrique.network.enums import MembershipRole
from fabrique.network.services import members as services

LINK = re.compile(r"http://testserver\.example/comptes/invitation/([\w-]+)/")


def send_invitation(django_capture_on_commit_callbacks, *, by, email, structure=None, role=MembershipRole.STAFF, **kw):
    """Invite through the service, run the e-mail queued on commit, return (invitation, raw token from the e-mail)."""
    with django_capture_on_commit_callbacks(execute=True):
        invitation, raw = services.invite(by=by, email=email, structure=structure, role=role, **kw)
    match = LINK.search(mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    assert match.group(1) == raw
    return invitation, raw
