"""Notifications: a row on the recipient's page « Mes notifications » and an e-mail sent once the
transaction that caused it is committed."""

from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction

from fabrique.accounts.models import User
from fabrique.jobs.mail import send_email
from fabrique.network.enums import MembershipRole

from .models import Notification


def admins_of(structure_ids: Iterable[int]) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, memberships__structure_id__in=list(structure_ids), memberships__role=MembershipRole.ADMIN
        )
        .distinct()
        .order_by("pk")
    )


def members_of(structure_ids: Iterable[int]) -> list[User]:
    return list(
        User.objects.filter(is_active=True, memberships__structure_id__in=list(structure_ids)).distinct().order_by("pk")
    )


def coordinators() -> list[User]:
    return list(User.objects.filter(is_active=True, is_coordinator=True).order_by("pk"))


def notify(recipients: Iterable[User], *, kind: str, subject: str, body: str, url: str = "", key: str = "") -> int:
    """Record one notification per recipient and queue its e-mail on commit.

    With a `key`, a recipient who already has a notification with that key gets nothing (idempotent)."""
    created = 0
    link = f"{settings.SITE_URL}{url}" if url else ""
    for user in recipients:
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    recipient=user, kind=kind, subject=subject, body=body, url=url, key=key
                )
        except IntegrityError:
            continue
        created += 1
        text = f"{body}\n\n{link}" if link else body
        send_email(user.email, subject, text, key=f"notification:{notification.pk}")  # by the worker, after the commit
    return created
