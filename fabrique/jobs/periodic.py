"""Periodic jobs, declared in one place (the FABRIQUE_PERIODIC_JOBS setting: name → (function, period)) and
enqueued by `fabrique scheduler`: once per name and period (hour, day or ISO week, in the site's time zone),
however many times the scheduler runs in that period."""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from .enums import Period
from .models import PeriodicRun
from .queue import enqueue


def period_of(period: str, now: datetime) -> str:
    local = timezone.localtime(now)
    if period == Period.HOURLY:
        return local.strftime("%Y-%m-%dT%H")
    if period == Period.DAILY:
        return local.date().isoformat()
    if period == Period.WEEKLY:
        year, week, _ = local.isocalendar()
        return f"{year}-W{week:02d}"
    raise ImproperlyConfigured(f"Période inconnue : {period!r} (hourly, daily ou weekly).")


def schedule_due(now: datetime | None = None) -> list[str]:
    """Enqueue each periodic job not yet enqueued for its current period; returns the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for name, (handler, period) in settings.FABRIQUE_PERIODIC_JOBS.items():
        current = period_of(period, now)
        with transaction.atomic():
            if PeriodicRun.objects.filter(name=name, period=current).exists():
                continue
            job = enqueue(handler, key=f"periodic:{name}:{current}")
            _, created = PeriodicRun.objects.get_or_create(name=name, period=current, defaults={"job": job})
        if created:
            enqueued.append(name)
    return enqueued
