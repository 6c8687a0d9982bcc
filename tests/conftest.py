"""Personas (as in the role matrix): coordinator, member of the structure, member of another, anonymous."""

import os
import shutil
import sqlite3
from contextlib import closing

import pytest
from django.test import Client

from fabrique.accounts.enums import MembershipRole

from .factories import MembershipFactory, StructureFactory, UserFactory

ROLES = ["coordinator", "member", "other_member", "anonymous"]

# `shared_demo`: the demo network loaded once per module, for the tests that read it.
pytest_plugins = ["tests.shared_demo"]


@pytest.fixture(autouse=True)
def map_computed_each_time(settings):
    """The map is cached between requests (territories/map.py); tests see it computed, except its own tests."""
    settings.MAP_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache: the API rate limits count there, and all tests share 127.0.0.1."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Every test creates personas; the production hasher would cost about a second each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def structure(db):
    return StructureFactory(name="TAg Test", slug="tag-test", departements=["29"])


@pytest.fixture
def other_structure(db):
    return StructureFactory(name="Autre Fabrique", slug="autre-fabrique", departements=["21"])


@pytest.fixture
def coordinator(db):
    return UserFactory(email="coordination@example.org", coordinator=True)


@pytest.fixture
def member(structure):
    return MembershipFactory(structure=structure, user__email="membre@example.org", role=MembershipRole.ADMIN).user


@pytest.fixture
def staff_member(structure):
    return MembershipFactory(structure=structure, user__email="charge@example.org", role=MembershipRole.STAFF).user


@pytest.fixture
def other_member(other_structure):
    return MembershipFactory(structure=other_structure, user__email="autre@example.org").user


@pytest.fixture
def persona(request, coordinator, member, other_member):
    """Parametrize with `@pytest.mark.parametrize("persona", ROLES, indirect=True)`; gives (name, user)."""
    users = {"coordinator": coordinator, "member": member, "other_member": other_member, "anonymous": None}
    return request.param, users[request.param]


@pytest.fixture
def client_for():
    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_directory(settings, tmp_path_factory):
    """Uploaded and demo files never land in the data directory of the checkout."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """`make mutation` keeps its test database between sessions (see `django_db_modify_db_settings`)."""
    return bool(os.environ.get("FABRIQUE_MUTATION_DB")) or request.config.getvalue("reuse_db")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Under `make mutation` (one session per mutant, two at a time), each session has its own migrated database.

    FABRIQUE_MUTATION_DB names a SQLite template: the first session migrates it, the next ones work on a copy of it
    (milliseconds instead of the ~10 s of migrations), removed when the session ends.
    """
    from django.conf import settings
    from django.db import connections

    template = os.environ.get("FABRIQUE_MUTATION_DB")
    if not template:
        yield
        return
    test_settings = settings.DATABASES["default"].setdefault("TEST", {})
    if not os.path.exists(template):
        test_settings["NAME"] = template
        yield
        connections.close_all()
        with closing(sqlite3.connect(template)) as database:  # the copies read the file alone, without its WAL
            database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return
    copy = f"{template}.{os.getpid()}"
    shutil.copyfile(template, copy)
    test_settings["NAME"] = copy
    yield
    connections.close_all()
    for path in (copy, f"{copy}-wal", f"{copy}-shm"):
        if os.path.exists(path):
            os.remove(path)
