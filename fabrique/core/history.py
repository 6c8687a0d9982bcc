"""The history tables of django-simple-history, found once for the journal and the privacy tools."""

from django.apps import apps
from django.db import models
from simple_history.models import HistoricalChanges


def history_models() -> list[type[models.Model]]:
    """Every history table with an author (the many-to-many ones hold none), ordered by label."""
    return sorted(
        (m for m in apps.get_models() if issubclass(m, HistoricalChanges) and hasattr(m, "history_user")),
        key=lambda m: m._meta.label,
    )


def history_of(model: type[models.Model]) -> type[models.Model] | None:
    manager = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, manager).model if manager else None
