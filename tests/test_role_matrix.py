"""One role matrix for the whole platform: every route of the URL conf and every operation of the OpenAPI
document, for eight personas, against the table of tests/role_matrix/expectations.py.

A route or an operation added without a row in the table fails tests/test_consistency.py. A refused write must
also leave the database as it was: no INSERT, UPDATE or DELETE reaches it during the request. A persona outside
the owning structure and the coordination never reads a word of its confidential objects, and no HTML page
carries inline code. The world is built once for the module; each persona's request runs in a savepoint inside
it.
"""

import json
import re

import pytest
from django.contrib import admin
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.method.helpers import INLINE_CODE
from tests.module_data import built_once_for_the_module
from tests.role_matrix import expectations
from tests.role_matrix.table import WRITES, refusal
from tests.role_matrix.world import CONFIDENTIAL, PERSONAS, PROJECT_PEOPLE, PROJECT_WORDS, build

API_PREFIX = "/api/v1"
WRITE_SQL = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
# Who may read the owning structure's confidential objects; any other persona's page must not show a word of them.
READERS = {"coordinator", "admin", "staff"}
# Tables a refused request may still write: the session (messages, CSRF) and the login throttle's records.
BOOKKEEPING_TABLES = re.compile(r"^(django_session|axes_\w+)$")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once, in a transaction rolled back after the module's last test."""
    files = tmp_path_factory.mktemp("role-matrix")
    with built_once_for_the_module(
        django_db_blocker,
        MEDIA_ROOT=files / "media",
        APPELLATION_PRIVATE_ROOT=files / "private",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    ):
        built = build()
        built.files = files
        yield built


@pytest.fixture
def matrix(world, db, settings):
    """The world, inside this test's savepoint; the files it stored stay readable."""
    settings.MEDIA_ROOT = world.files / "media"
    settings.APPELLATION_PRIVATE_ROOT = world.files / "private"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return world


def _body(world, row):
    data = expectations.DATA.get(f"{row.method} {row.route}", {})
    return data(world) if callable(data) else data


def _call(world, row, persona):
    """The response to the row's request by the persona, and the tables it wrote."""
    kwargs = {} if row.target == "-" else world.targets[row.target]
    client = world.client(persona)
    body = _body(world, row)
    if row.route.startswith("/"):
        url = API_PREFIX + row.route.format(**kwargs)
        if row.method == "POST" and any(hasattr(value, "read") for value in body.values()):
            extra = {"data": body}  # an upload: multipart, as a browser or a script sends a file
        else:
            extra = {"data": json.dumps(body), "content_type": "application/json"} if row.method in WRITES else {}
    else:
        url = reverse(row.route, kwargs=kwargs)
        extra = {"data": body} if row.method in WRITES else {}
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, row.method.lower())(url, **extra)
    if response.streaming:
        b"".join(response.streaming_content)  # read to its end, the client then closes the file it sent
    written = {m.group(1) for q in queries.captured_queries if (m := WRITE_SQL.match(q["sql"]))}
    return response, {table for table in written if not BOOKKEEPING_TABLES.match(table)}


def _to_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def _matches(response, cell) -> bool:
    status = response.status_code
    if cell == "login":
        return _to_login(response)
    if cell == "ok":
        return 200 <= status < 300 or (status == 302 and not _to_login(response))
    if cell == 302:
        return status == 302 and not _to_login(response)
    return status == cell


def _leaked(response, persona: str) -> list[str]:
    """The confidential words a text response carries that `persona` may not read (files sent as a stream are not
    read): none for the readers, all but the project's title for the project's people, all for anyone else."""
    if persona in READERS:
        return []
    if response.streaming or not response.get("Content-Type", "").startswith(("text/", "application/json")):
        return []
    text = response.content.decode()
    allowed = PROJECT_WORDS if persona in PROJECT_PEOPLE else ()
    return [word for word in CONFIDENTIAL if word in text and word not in allowed]


def _inline_code(response) -> list[str]:
    """Inline scripts, styles or event handlers of an HTML page (the Content-Security-Policy refuses them)."""
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return []
    html = response.content.decode()
    found = [match.group(0) for pattern in INLINE_CODE for match in pattern.finditer(html)]
    return [code for code in found if 'type="application/json"' not in code]  # data, never run


def _cell_of(response) -> str:
    """What the table would say of this response."""
    return "login" if _to_login(response) else str(response.status_code)


def _problems(world, row, persona) -> list[str]:
    """What is wrong with the persona's answer to the row, if anything."""
    cell = row.expected[persona]
    response, written = _call(world, row, persona)
    problems = []
    if not _matches(response, cell):
        problems.append(f"{persona}: {cell} expected, got {_cell_of(response)}")
    if row.method in WRITES and refusal(cell) and written:
        problems.append(f"{persona}: refused, yet wrote in {sorted(written)}")
    if leaked := _leaked(response, persona):
        problems.append(f"{persona}: shows the confidential {leaked}")
    if _inline_code(response):
        problems.append(f"{persona}: inline code {_inline_code(response)}")
    if row.route.startswith("/") and response.status_code >= 400 and "detail" not in response.json():
        problems.append(f"{persona}: an API error without its JSON detail")
    return problems


def _check_row(world, row):
    """Each persona in turn, each in a savepoint of its own: what one writes, the next one does not see."""
    problems = []
    for persona in PERSONAS:
        cache.clear()
        savepoint = transaction.savepoint()
        try:
            problems += _problems(world, row, persona)
        finally:
            transaction.savepoint_rollback(savepoint)
    assert not problems, f"{row.key}: " + "; ".join(problems)


@pytest.mark.parametrize("row", expectations.PAGES, ids=lambda row: row.key)
def test_each_page_answers_each_persona_as_the_matrix_says(matrix, row):
    _check_row(matrix, row)


@pytest.mark.parametrize("row", expectations.API, ids=lambda row: row.key)
def test_each_api_operation_answers_each_persona_as_the_matrix_says(matrix, row):
    _check_row(matrix, row)


# The coordination does not use Django's groups: their admin page asks Django's own permissions, so it refuses.
ADMIN_REFUSED_TO_THE_COORDINATOR = {"admin:auth_group_changelist"}


def _admin_pages():
    names = ["admin:index"]
    names += [f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist" for m in admin.site._registry]
    return names


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_django_admin_is_for_the_coordination_only(matrix, persona):
    """The single rule for every admin route: the coordinator enters; anyone else is sent to its login page."""
    pages = _admin_pages()
    assert len(pages) > 10
    client = matrix.client(persona)
    for name in pages:
        response = client.get(reverse(name))
        if persona == "coordinator":
            assert response.status_code == (403 if name in ADMIN_REFUSED_TO_THE_COORDINATOR else 200), name
        else:
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("admin:login")), name
