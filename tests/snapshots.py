"""Snapshots of database rows, to prove that a refused change wrote nothing.

    with assert_unchanged(Structure, Partnership):
        response = client.patch(...)
    assert response.status_code == 403

`rows_of(*models)` reads every row of each model (the values of all its concrete fields, ordered by primary key),
together with the rows of its django-simple-history tables and of the tables behind its own many-to-many fields:
a refusal must leave no history row and no link behind either. `assert_unchanged` compares the rows before and
after its block and fails with the rows added, removed and changed, field by field; `unless=` turns the check off
for the personas of a role matrix that are allowed the change.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps
from django.db import models as db_models

Rows = dict[str, dict[object, dict[str, object]]]
SHOWN_PER_TABLE = 10  # enough to see what happened without drowning the message


def tables_of(model: type[db_models.Model]) -> list[type[db_models.Model]]:
    """The model, its django-simple-history tables if it has any, and the automatic tables of its many-to-many."""
    tables = [model]
    history_attribute = getattr(model._meta, "simple_history_manager_attribute", None)
    if history_attribute:
        history = getattr(model, history_attribute).model
        tables.append(history)
        # the history of its many-to-many fields (HistoricalRecords(m2m_fields=...)) has its own tables
        tables += [getattr(history, field.name).model for field in getattr(history, "_history_m2m_fields", ())]
    links = [field.remote_field.through for field in model._meta.local_many_to_many]
    return tables + [link for link in links if link._meta.auto_created]


def every_model() -> list[type[db_models.Model]]:
    """Every model of the Fabrique apps (their history and link tables come with them through `tables_of`).

    Unmanaged models are left out: they are views on tables of their own (SQLite's FTS5 search tables, whose hidden
    column reads differently at each query), and the managed model they mirror is watched already."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("fabrique.")
        and model._meta.managed
        and not model._meta.auto_created
        and not model.__name__.startswith("Historical")
    ]


def models_of(app_label: str) -> list[type[db_models.Model]]:
    """The managed models of one app (`models_of("method")`), history and link tables coming with them."""
    return [model for model in every_model() if model._meta.app_label == app_label]


def rows_of(*models: type[db_models.Model]) -> Rows:
    """Every row of the given models and of their history and many-to-many tables, keyed by table then pk."""
    if not models:
        raise ValueError("rows_of needs at least one model: an empty snapshot would prove nothing")
    snapshot: Rows = {}
    for model in models:
        for table in tables_of(model):
            attnames = [field.attname for field in table._meta.concrete_fields]
            rows = table._base_manager.order_by("pk").values(*attnames)
            snapshot[table._meta.label] = {row[table._meta.pk.attname]: row for row in rows}
    return snapshot


def differences(before: Rows, after: Rows) -> list[str]:
    """Human-readable lines: for each table, the rows added, removed and changed (field: before → after)."""
    lines = []
    for label in sorted(before.keys() | after.keys()):
        old, new = before.get(label, {}), after.get(label, {})
        found = [f"  + {pk}: {new[pk]}" for pk in sorted(new.keys() - old.keys(), key=str)]
        found += [f"  - {pk}: {old[pk]}" for pk in sorted(old.keys() - new.keys(), key=str)]
        for pk in sorted(old.keys() & new.keys(), key=str):
            changed = [
                f"{name}: {old[pk][name]!r} → {new[pk][name]!r}" for name in old[pk] if old[pk][name] != new[pk][name]
            ]
            if changed:
                found.append(f"  ~ {pk}: " + ", ".join(changed))
        if found:
            lines.append(f"{label}:")
            lines += found[:SHOWN_PER_TABLE]
            if len(found) > SHOWN_PER_TABLE:
                lines.append(f"  … et {len(found) - SHOWN_PER_TABLE} autre(s)")
    return lines


@contextmanager
def assert_unchanged(*models: type[db_models.Model], unless: bool = False) -> Iterator[Rows]:
    """Fail if the block adds, removes or changes any row of the given models (history and links included).

    `unless=True` skips the check, for a role matrix where some personas are allowed the change:
    `with assert_unchanged(Structure, unless=status == 200): ...`."""
    before = rows_of(*models)
    yield before
    if unless:
        return
    found = differences(before, rows_of(*models))
    if found:  # raised, not asserted: pytest's rewriting of a bare assert would re-indent the diff
        raise AssertionError("La base a changé alors que rien ne devait être écrit :\n" + "\n".join(found))
