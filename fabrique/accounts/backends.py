"""Authentication by e-mail and password, with a lock-out after repeated failures.

Every login goes through `authenticate()`, so the site's form and the Django admin share the same rule.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from .models import LoginFailure

# Failures older than this are of no use, even for an audit; they are purged as new ones arrive.
FAILURE_RETENTION = timedelta(days=30)


class AccountLocked(PermissionDenied):
    """Too many recent failures for this e-mail: refused even with the right password."""

    def __init__(self, until: datetime):
        super().__init__(until)
        self.until = until


def normalize_email(raw: str) -> str:
    return (raw or "").strip().lower()


def _window() -> timedelta:
    return timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def locked_until(email: str) -> datetime | None:
    """When the lock on `email` ends, or None when it is not locked.

    Locked while the last LOGIN_FAILURE_LIMIT failures all fall within LOGIN_LOCKOUT_MINUTES;
    the lock ends when the oldest of them leaves that window.
    """
    limit = settings.LOGIN_FAILURE_LIMIT
    if limit <= 0:
        return None
    since = timezone.now() - _window()
    recent = (
        LoginFailure.objects.filter(email=normalize_email(email), created_at__gt=since)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[limit - 1 : limit]
    )
    oldest_counted = next(iter(recent), None)
    return None if oldest_counted is None else oldest_counted + _window()


def remaining_attempts(email: str) -> int:
    since = timezone.now() - _window()
    used = LoginFailure.objects.filter(email=normalize_email(email), created_at__gt=since).count()
    return max(settings.LOGIN_FAILURE_LIMIT - used, 0)


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record_failure(email: str, request=None) -> None:
    LoginFailure.objects.filter(created_at__lt=timezone.now() - FAILURE_RETENTION).delete()
    LoginFailure.objects.create(email=normalize_email(email)[:254], ip_address=client_ip(request))


def clear_failures(email: str) -> None:
    LoginFailure.objects.filter(email=normalize_email(email)).delete()


class EmailBackend(ModelBackend):
    """ModelBackend (case-insensitive e-mail through the manager) plus the lock-out."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = username if username is not None else kwargs.get("email")
        if email is None or password is None:
            return None
        until = locked_until(email)
        if until is not None:
            raise AccountLocked(until)
        user = super().authenticate(request, username=email, password=password)
        if user is None:
            record_failure(email, request)
        else:
            clear_failures(email)
        return user
