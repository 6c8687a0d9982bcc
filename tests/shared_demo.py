"""The demo network loaded once per test module, for the tests that read it (`shared_demo`).

Loading the demo costs 7 to 10 s. A module whose tests ask for `shared_demo` loads it once, in a transaction
rolled back after the module's last test; each test runs in its own savepoint inside it (pytest-django's `db`),
so what one test writes is undone before the next. A test of the same module that uses the database without
`shared_demo` would see the demo rows, or empty them (a transactional test): the collection refuses such a module.
Tests of the load itself (a first run, a second run, a run that fails) keep loading it on a fresh database.
"""

from collections import defaultdict

import pytest
from django.core.management import call_command

from tests.module_data import built_once_for_the_module

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}


@pytest.fixture(scope="module")
def demo_loaded_for_the_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """`make demo`'s data (FABRIQUE_DEMO=true), loaded once; yields the directory holding its files."""
    media = tmp_path_factory.mktemp("demo-media")
    fast_hasher = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with built_once_for_the_module(django_db_blocker, DEMO_MODE=True, MEDIA_ROOT=media, PASSWORD_HASHERS=fast_hasher):
        call_command("demo", "--no-serve", verbosity=0)
        yield media


@pytest.fixture
def shared_demo(demo_loaded_for_the_module, db, settings):
    """The demo network, inside this test's savepoint; the files it stored stay readable."""
    settings.DEMO_MODE = True
    settings.MEDIA_ROOT = demo_loaded_for_the_module


def _uses_the_database(item) -> bool:
    return bool(DATABASE_FIXTURES & set(item.fixturenames)) or item.get_closest_marker("django_db") is not None


def modules_mixing_the_shared_demo(items) -> dict[str, list[str]]:
    """Module → its tests that use the database beside the shared demo, or flush it (a transactional test)."""
    by_module = defaultdict(list)
    for item in items:
        if hasattr(item, "fixturenames") and getattr(item, "module", None) is not None:
            by_module[item.module.__name__].append(item)
    mixing = {}
    for module, module_items in by_module.items():
        if not any("shared_demo" in item.fixturenames for item in module_items):
            continue
        wrong = sorted(
            item.name
            for item in module_items
            if _uses_the_database(item)
            and ("shared_demo" not in item.fixturenames or "transactional_db" in item.fixturenames)
        )
        if wrong:
            mixing[module] = wrong
    return mixing


def pytest_collection_modifyitems(items):
    """A module sharing the demo shares it in every test that touches the database, and never flushes it."""
    mixing = modules_mixing_the_shared_demo(items)
    if mixing:
        lines = [f"  {module}: {', '.join(names)}" for module, names in sorted(mixing.items())]
        raise pytest.UsageError(
            "shared_demo is loaded once per module: every test of such a module that uses the database asks for "
            "it, and none is transactional. Move these tests to another module:\n" + "\n".join(lines)
        )
