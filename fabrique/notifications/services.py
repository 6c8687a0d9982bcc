"""Notify people: one row per recipient on « Mes notifications », and, by each one's preference for the kind, an
e-mail now (a job, sent after the commit), a line in a daily or weekly digest, or nothing more."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta
from itertools import groupby

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from fabrique.accounts.models import User
from fabrique.jobs.mail import send_email
from fabrique.jobs.periodic import period_of

from .enums import Delivery, NotificationKind
from .models import Notification, Preference
from .tokens import unsubscribe_headers, unsubscribe_url

DIGEST_WINDOW = {Delivery.DAILY: timedelta(days=1), Delivery.WEEKLY: timedelta(days=7)}
_IN_APP_ONLY: ContextVar[bool] = ContextVar("notifications_in_app_only", default=False)


@contextmanager
def in_app_only() -> Iterator[None]:
    """Inside this block notify() records the notifications on the site and e-mails nobody, neither now nor in a
    digest (the demo loaders call the services that notify: a load must not mail the demo's people)."""
    token = _IN_APP_ONLY.set(True)
    try:
        yield
    finally:
        _IN_APP_ONLY.reset(token)


def deliveries(user: User) -> dict[str, str]:
    """Kind → how it reaches the person (by e-mail at once when they chose nothing)."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, Delivery.NOW) for kind in NotificationKind.values}


def notify(
    recipients: Iterable[User], *, kind: str, subject: str, body: str, url: str = "", key: str = "", email=True
) -> int:
    """Record one notification per recipient; e-mail it now to those who want it so (after the commit).

    With a `key`, a recipient who already has a notification with that key gets nothing (idempotent). With
    email=False the event was already told by another e-mail (an invitation): the notification stays on the site.
    Returns the number of notifications created."""
    people = [user for user in recipients if user.is_active]
    chosen = dict(
        Preference.objects.filter(user__in=people, kind=kind).values_list("user_id", "delivery")
    )  # one query for all the recipients
    created = 0
    for user in people:
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    recipient=user, kind=kind, subject=subject, body=body, url=url, key=key
                )
        except IntegrityError:
            continue
        created += 1
        if not email or _IN_APP_ONLY.get():
            Notification.objects.filter(pk=notification.pk).update(emailed_at=notification.created_at)
        elif chosen.get(user.pk, Delivery.NOW) == Delivery.NOW:
            _email_now(notification, user)
    return created


def _email_now(notification: Notification, user: User) -> None:
    link = unsubscribe_url(user, [notification.kind])
    context = {
        "notification": notification,
        "link": f"{settings.SITE_URL}{notification.url}" if notification.url else "",
        "kind": NotificationKind(notification.kind).label,
        "unsubscribe": link,
        "preferences": settings.SITE_URL + reverse("notifications:preferences"),
        "network_name": settings.NETWORK_NAME,
    }
    body = render_to_string("notifications/emails/notification_body.txt", context)
    send_email(
        user.email, notification.subject, body, key=f"notification:{notification.pk}", headers=unsubscribe_headers(link)
    )
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


def mark_read(user: User, notification: Notification) -> bool:
    """Only the recipient marks a notification read; False when it already was."""
    return bool(
        Notification.objects.filter(pk=notification.pk, recipient=user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
    )


def mark_all_read(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def set_preferences(user: User, choices: dict[str, str]) -> None:
    """Kind → delivery, for the kinds given; an unknown kind or delivery is refused and nothing is saved."""
    for kind, delivery in choices.items():
        if kind not in NotificationKind.values:
            raise ValidationError({kind: _("Type de notification inconnu.")})
        if delivery not in Delivery.values:
            raise ValidationError({kind: _("Choisissez un des envois proposés.")})
    with transaction.atomic():
        for kind, delivery in choices.items():
            Preference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})


def unsubscribe(user: User, kinds: Iterable[str]) -> None:
    """No more e-mail for these kinds; the notifications stay on the site."""
    set_preferences(user, dict.fromkeys(kinds, Delivery.NONE))


def send_digests(delivery: str, now: datetime | None = None) -> int:
    """One e-mail per person who chose this digest for some kind and has notifications of those kinds not yet
    e-mailed, from the last day or week; once per person and period. Returns the number of digests queued."""
    now = now or timezone.now()
    wanted = Preference.objects.filter(user=OuterRef("recipient"), kind=OuterRef("kind"), delivery=delivery)
    rows = (
        Notification.objects.filter(emailed_at__isnull=True, created_at__gte=now - DIGEST_WINDOW[delivery])
        .filter(Exists(wanted), recipient__is_active=True)
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "pk")
    )
    period = period_of(delivery, now)
    sent = 0
    for _recipient, group in groupby(rows, key=lambda row: row.recipient_id):
        items = list(group)
        with transaction.atomic():
            _email_digest(items[0].recipient, items, delivery, period)
            Notification.objects.filter(pk__in=[item.pk for item in items]).update(emailed_at=now)
        sent += 1
    return sent


def _email_digest(user: User, items: list[Notification], delivery: str, period: str) -> None:
    kinds = sorted({item.kind for item in items})
    link = unsubscribe_url(user, kinds)
    count = len(items)
    subject = (
        ngettext(
            "Votre résumé du jour : %(count)s notification", "Votre résumé du jour : %(count)s notifications", count
        )
        if delivery == Delivery.DAILY
        else ngettext(
            "Votre résumé de la semaine : %(count)s notification",
            "Votre résumé de la semaine : %(count)s notifications",
            count,
        )
    ) % {"count": count}
    context = {
        "items": items,
        "site_url": settings.SITE_URL,
        "kinds": [NotificationKind(kind).label for kind in kinds],
        "unsubscribe": link,
        "preferences": settings.SITE_URL + reverse("notifications:preferences"),
        "network_name": settings.NETWORK_NAME,
    }
    body = render_to_string("notifications/emails/digest_body.txt", context)
    send_email(
        user.email, subject, body, key=f"digest:{delivery}:{user.pk}:{period}", headers=unsubscribe_headers(link)
    )


def send_daily_digests() -> int:
    return send_digests(Delivery.DAILY)


def send_weekly_digests() -> int:
    return send_digests(Delivery.WEEKLY)
