"""Generation numbers that invalidate a cache: keys carry the generation, a write to the data bumps it.

A generation watches database tables, not model signals: every INSERT, UPDATE, DELETE or TRUNCATE on one of its
tables bumps it, whichever path wrote it (`save()`, `bulk_create()`, `QuerySet.update()`, a many-to-many change,
raw SQL), so no bulk write can forget to. The statements are seen by a wrapper that `install()` puts on every
database connection (Django's `execute_wrapper`); it reads the first words of each statement, and bumps after
the statement ran.

A change is bumped twice: at once, and again after its transaction commits. In between, another request may
rebuild the value from the data as it was before the commit and store it under the new generation; the second
bump leaves that stale value behind.
"""

import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.db.models import Model

# The table a data-changing statement writes to; TRUNCATE (a flush) may name several and is read apart.
_WRITE = re.compile(r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[\"`]?(\w+)", re.I)
_TRUNCATE = re.compile(r"\s*TRUNCATE\b", re.I)
_FIRST_LETTERS = frozenset("IUDRTiudrt \n")

_keys_by_table: dict[str, set[str]] = {}


def _incr(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, None)


def bump(key: str, using: str | None = None) -> None:
    _incr(key)
    transaction.on_commit(lambda: _incr(key), using=using)


@dataclass(frozen=True)
class Generation:
    """The generation kept under `key` in the cache; `watch()` ties it to the tables it depends on."""

    key: str

    def current(self) -> int:
        value = cache.get(self.key)
        if value is None:
            cache.add(self.key, 1, None)
            value = cache.get(self.key, 1)
        return value

    def bump(self) -> None:
        bump(self.key)


def watch(key: str, *models: type[Model]) -> Generation:
    """The generation `key`, bumped by any write to the tables of `models` (pass a many-to-many field's
    `through` model to watch its links). Called from an `AppConfig.ready()`."""
    for model in models:
        _keys_by_table.setdefault(model._meta.db_table, set()).add(key)
    return Generation(key)


def _tables_written(sql: str) -> list[str]:
    match = _WRITE.match(sql)
    if match:
        return [match.group(1)]
    if _TRUNCATE.match(sql):
        return [table for table in _keys_by_table if f'"{table}"' in sql or f"`{table}`" in sql]
    return []


def _bump_on_write(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if sql and sql[0] in _FIRST_LETTERS:  # a SELECT costs one comparison
        keys = {key for table in _tables_written(sql) for key in _keys_by_table.get(table, ())}
        for key in sorted(keys):
            bump(key, using=context["connection"].alias)
    return result


def _wrap(sender, connection, **kwargs) -> None:
    if _bump_on_write not in connection.execute_wrappers:  # kept across reconnections of the same wrapper
        connection.execute_wrappers.append(_bump_on_write)


def install() -> None:
    """Watch every database connection opened from now on (CoreConfig.ready(), before any is opened)."""
    connection_created.connect(_wrap, dispatch_uid="fabrique-generations")
    for connection in connections.all(initialized_only=True):
        _wrap(None, connection)
