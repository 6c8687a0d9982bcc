"""Data built once for a whole test module (the role matrix's world, the shared demo), then undone."""

from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction
from django.test.utils import override_settings


@contextmanager
def built_once_for_the_module(django_db_blocker, **overrides):
    """Inside it, what is written stays until the module's last test, then a rollback undoes it; the settings are
    overridden meanwhile and the cache is emptied before and after. Each test still runs in its own savepoint
    (pytest-django's `db`) inside this transaction."""
    with django_db_blocker.unblock(), override_settings(**overrides):
        cache.clear()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()
