"""Retention periods, applied by `fabrique purge_personal_data` (to run every day; see docs/operations.md)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from fabrique.jobs.mail import send_email
from fabrique.method.models import Need

from .models import InactivityNotice

# Tables of login attempts (django-axes) and the column dating each row.
LOGIN_RECORDS = [
    ("axes.AccessAttempt", "attempt_time"),
    ("axes.AccessLog", "attempt_time"),
    ("axes.AccessFailureLog", "attempt_time"),
]
BROUGHT_BY_EMPTY = {"brought_by_name": "", "brought_by_contact": "", "brought_by_consent": False}


@dataclass
class PurgeReport:
    need_contacts: int = 0
    need_history_copies: int = 0
    accounts_warned: int = 0
    accounts_deactivated: int = 0
    login_records: int = 0
    sessions: int = 0
    details: list[str] = field(default_factory=list)


def _expired(cutoff: datetime, date_field: str, recorded_field: str) -> Q:
    """Consent dated before the cutoff, or, without a consent date, recorded before it."""
    return Q(**{f"{date_field}__lt": cutoff.date()}) | Q(
        **{f"{date_field}__isnull": True, f"{recorded_field}__lt": cutoff}
    )


def purge_need_contacts(now: datetime) -> tuple[int, int]:
    """The rule: who brought a need (name, contact, consent) is kept NEED_CONTACT_RETENTION_DAYS days from the
    day their consent was recorded (from the day the need was recorded when no consent is dated), then emptied,
    in the need and in its history copies. Returns (needs, history copies) emptied."""
    cutoff = now - timedelta(days=settings.NEED_CONTACT_RETENTION_DAYS)
    holds_someone = ~Q(brought_by_name="") | ~Q(brought_by_contact="")
    with transaction.atomic():
        needs = Need.objects.filter(holds_someone, _expired(cutoff, "brought_by_consent_on", "created_at"))
        emptied = needs.update(**BROUGHT_BY_EMPTY, brought_by_consent_on=None)
        copies = Need.history.filter(holds_someone, _expired(cutoff, "brought_by_consent_on", "history_date"))
        copied = copies.update(**BROUGHT_BY_EMPTY, brought_by_consent_on=None)
    return emptied, copied


def _last_activity():
    return Coalesce(F("last_login"), F("date_joined"))


def _inactive_since(cutoff: datetime):
    """Active accounts with no login (nor use of an API token) since the cutoff."""
    token_used = Exists(
        apps.get_model("accounts", "ApiToken").objects.filter(user=OuterRef("pk"), last_used_at__gte=cutoff)
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .annotate(activity=_last_activity(), token_used=token_used)
        .filter(activity__lt=cutoff, token_used=False)
    )


def _send_warning(person, context: dict, now: datetime) -> None:
    subject = render_to_string("privacy/emails/inactivity_subject.txt", context).strip()
    body = render_to_string("privacy/emails/inactivity_body.txt", context)
    # a job per person: one unreachable mailbox does not stop the others' warnings
    send_email(person.email, subject, body, key=f"inactivity:{person.pk}:{now:%Y-%m-%d}")


def warn_inactive_accounts(now: datetime) -> int:
    """The rule: an account without login for INACTIVE_ACCOUNT_DAYS days is warned by e-mail, once per inactive
    period (a login since the warning starts a new one); the e-mail gives the date of its deactivation."""
    cutoff = now - timedelta(days=settings.INACTIVE_ACCOUNT_DAYS)
    warned_since_activity = InactivityNotice.objects.filter(user=OuterRef("pk"), warned_at__gte=OuterRef("activity"))
    people = list(_inactive_since(cutoff).exclude(Exists(warned_since_activity)).order_by("pk"))
    deadline = now + timedelta(days=settings.INACTIVE_ACCOUNT_GRACE_DAYS)
    context = {
        "network_name": settings.NETWORK_NAME,
        "login_url": settings.SITE_URL + reverse("accounts:login"),
        "deadline": formats.date_format(timezone.localtime(deadline), "j F Y"),
        "months": settings.INACTIVE_ACCOUNT_DAYS // 30,
    }
    for person in people:
        with transaction.atomic():
            InactivityNotice.objects.update_or_create(user=person, defaults={"warned_at": now, "deactivated_at": None})
            _send_warning(person, context, now)  # sent by the worker after the commit
    return len(people)


def deactivate_inactive_accounts(now: datetime) -> int:
    """The rule: an account warned INACTIVE_ACCOUNT_GRACE_DAYS days ago and still without login is deactivated
    (its data stay; the coordination can reactivate it)."""
    grace_cutoff = now - timedelta(days=settings.INACTIVE_ACCOUNT_GRACE_DAYS)
    people = list(
        _inactive_since(now - timedelta(days=settings.INACTIVE_ACCOUNT_DAYS))
        .filter(
            inactivity_notice__warned_at__lte=grace_cutoff,
            inactivity_notice__deactivated_at__isnull=True,  # reactivated by the coordination: left alone
            activity__lt=F("inactivity_notice__warned_at"),
        )
        .order_by("pk")
    )
    for person in people:
        with transaction.atomic():
            person.is_active = False
            person._change_reason = _("Désactivé après une longue inactivité")
            person.save(update_fields=["is_active"])
            InactivityNotice.objects.filter(user=person).update(deactivated_at=now)
    return len(people)


def purge_login_records(now: datetime) -> int:
    """Login attempts (e-mail, address, browser) older than LOGIN_RECORD_RETENTION_DAYS days are deleted."""
    cutoff = now - timedelta(days=settings.LOGIN_RECORD_RETENTION_DAYS)
    deleted = 0
    for label, date_field in LOGIN_RECORDS:
        try:
            model = apps.get_model(label)
        except LookupError:  # django-axes not installed
            continue
        deleted += model.objects.filter(**{f"{date_field}__lt": cutoff}).delete()[0]
    return deleted


def purge(now: datetime | None = None) -> PurgeReport:
    now = now or timezone.now()
    report = PurgeReport()
    report.need_contacts, report.need_history_copies = purge_need_contacts(now)
    report.accounts_deactivated = deactivate_inactive_accounts(now)
    report.accounts_warned = warn_inactive_accounts(now)
    report.login_records = purge_login_records(now)
    report.sessions = Session.objects.filter(expire_date__lt=now).delete()[0]
    return report
