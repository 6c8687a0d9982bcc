"""Personas (as in the role matrix): coordinator, member of the structure, member of another, anonymous."""

import os
import shutil
import sqlite3
from contextlib import closing

import pytest
from django.test import Client

from fabrique.accounts.models import ApiToken
from fabrique.network.enums import MembershipRole

from .factories import MembershipFactory, StructureFactory, UserFactory

ROLES = ["coordinator", "member", "other_member", "anonymous"]

# `shared_demo`: the demo network loaded once per module, for the tests that read it; the longest modules first.
pytest_plugins = ["tests.shared_demo", "tests.scheduling"]


@pytest.fixture(autouse=True)
def map_computed_each_time(settings):
    """The map is cached between requests (network/map.py); tests see it computed, except its own tests."""
    settings.MAP_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache: the API rate limits count there, and all tests share 127.0.0.1."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def jobs_run_at_once(settings):
    """Queued jobs (e-mails above all) run as soon as their transaction commits, in the test's process; the job
    tests (tests/jobs/) run the database and Redis backends with a real worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Every test creates personas; the production hasher would cost about a second each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def bearer_client():
    """A client that authenticates with a fresh personal token of `user`, without session nor CSRF token."""

    def make(user):
        _, raw = ApiToken.issue(user, "script de test")
        return Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")

    return make


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


# `make mutation` runs the tests once per mutant, two sessions at a time: each session works on its own copy of a
# SQLite database migrated once (milliseconds instead of the ~10 s of migrations). FABRIQUE_MUTATION_DB names it.
MUTATION_TEMPLATE = os.environ.get("FABRIQUE_MUTATION_DB", "")


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """Under `make mutation`, the session's copy is already migrated: keep it, migrate nothing."""
    return bool(MUTATION_TEMPLATE) or request.config.getvalue("reuse_db")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Under `make mutation`, the session's test database is a copy of the template, when there is one already."""
    from django.conf import settings

    if not MUTATION_TEMPLATE:
        yield
        return
    copy = f"{MUTATION_TEMPLATE}.{os.getpid()}"
    if os.path.exists(MUTATION_TEMPLATE):
        shutil.copyfile(MUTATION_TEMPLATE, copy)
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = copy
    yield
    for path in (copy, f"{copy}-wal", f"{copy}-shm"):
        if os.path.exists(path):
            os.remove(path)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Under `make mutation`, the first session's database, just migrated (before any test empties a table), becomes
    the template of the next ones."""
    from django.conf import settings
    from django.db import connections

    if MUTATION_TEMPLATE and not os.path.exists(MUTATION_TEMPLATE):
        migrated = settings.DATABASES["default"]["TEST"]["NAME"]
        with django_db_blocker.unblock():
            connections.close_all()
        with closing(sqlite3.connect(migrated)) as database:  # the copies read the file alone, without its WAL
            database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copyfile(migrated, f"{MUTATION_TEMPLATE}.tmp")
        os.replace(f"{MUTATION_TEMPLATE}.tmp", MUTATION_TEMPLATE)
    yield


# The API's callers: the role matrix's personas plus `member` through a personal token (accounts, network).
CALLERS = ["coordinator", "member", "other_member", "anonymous", "bearer"]


@pytest.fixture
def caller(request, coordinator, member, other_member, client_for):
    """The role matrix of the API, plus `member` through a personal token: gives (name, user, client)."""
    from django.test import Client

    from fabrique.accounts.models import ApiToken

    name = request.param
    if name == "bearer":
        _, raw = ApiToken.issue(member, "script de test")
        return name, member, Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")
    user = {"coordinator": coordinator, "member": member, "other_member": other_member, "anonymous": None}[name]
    return name, user, client_for(user)
