"""What the demo loaders share: idempotent writes (find by natural key, create when missing, save only what
differs), the run's report, and the demo logins' conventions.

Each app's loader is a function `loader(report)` in its own `<app>/demo.py`, listed in order in the setting
`FABRIQUE_DEMO_LOADERS`; `fabrique demo` (the `demo` app, on top) runs them in one transaction.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

CHANGE_REASON = "Données de démonstration"
DEMO_PASSWORD = "fabrique-demo-2026"  # noqa: S105 - printed and documented: demo mode only
COORDINATOR_EMAIL = "coordination@example.org"
DEMO_VIA = "demo"


def member_email(slug: str) -> str:
    """The demo login of a structure's administrator."""
    return f"{slug}@example.org"


@dataclass
class LoadReport:
    """What a run of the loaders created or changed, per model (verbose name)."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    new: set = field(default_factory=set)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def note(self, instance: models.Model, *, created: bool) -> None:
        label = str(instance._meta.verbose_name_plural)
        if created:
            self.new.add((instance._meta.label, instance.pk))
        elif (instance._meta.label, instance.pk) in self.new:
            return
        (self.created if created else self.updated)[label] += 1

    def lines(self) -> list[str]:
        if not self.changed:
            return ["Les données de démonstration étaient déjà à jour : rien n'a changé."]
        lines = [f"  {label} : {count} créé(s)" for label, count in sorted(self.created.items())]
        lines += [f"  {label} : {count} mis à jour" for label, count in sorted(self.updated.items())]
        return ["Données de démonstration chargées :", *lines]


def _differs(instance: models.Model, values: dict) -> list[str]:
    return [name for name, value in values.items() if getattr(instance, name) != value]


def _save(instance: models.Model) -> None:
    instance._change_reason = CHANGE_REASON
    instance.full_clean(validate_unique=False, validate_constraints=False)
    instance.save()


def upsert(report: LoadReport, model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """The row matching `lookup` carries `values` afterwards; it is written only when something differs.

    Foreign keys are given by their attname (`structure_id`) so comparing costs no query.
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
        _save(instance)
        report.note(instance, created=True)
        return instance
    changed = _differs(instance, values)
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        if hasattr(instance, "version"):
            instance.version += 1  # forms opened on the old values become stale
        _save(instance)
        report.note(instance, created=False)
    return instance


def sync_m2m(report: LoadReport, instance: models.Model, name: str, targets: list[models.Model]) -> None:
    """Set a many-to-many field to exactly `targets`, only when it differs (each change is a history row)."""
    manager = getattr(instance, name)
    wanted = {target.pk for target in targets}
    if set(manager.values_list("pk", flat=True)) == wanted:
        return
    instance._change_reason = CHANGE_REASON
    manager.set(targets)
    report.note(instance, created=False)


Loader = Callable[[LoadReport], None]
