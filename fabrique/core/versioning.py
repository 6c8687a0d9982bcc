"""Optimistic concurrency: each edit states the version it read; a stale one is refused."""

from django.db import models

from .exceptions import VersionConflict


def save_with_version(instance: models.Model, expected_version: int | None, fields: list[str], by=None) -> None:
    """Save `fields` of `instance` only if its stored version is still `expected_version`.

    The check and the bump happen in one UPDATE, so two concurrent edits cannot both win.
    Must run inside a transaction (history rows are written by the following save()).
    """
    model = type(instance)
    if by is not None and getattr(by, "is_authenticated", False):
        instance._history_user = by  # the author in the history row, outside a request too
    if expected_version is not None:
        bumped = model.objects.filter(pk=instance.pk, version=expected_version).update(version=expected_version + 1)
        if bumped == 0:
            raise VersionConflict()
        instance.version = expected_version + 1
    else:
        instance.version += 1
    instance.save(update_fields=[*fields, "version", *(["updated_at"] if hasattr(instance, "updated_at") else [])])
