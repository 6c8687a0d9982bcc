"""Schema fuzzing: schemathesis generates requests from the served OpenAPI document and sends them to the app,
with the demo data, as the coordinator and as a member of a structure (bearer tokens).

Every answer must be no server error, a status code the operation documents, the documented content type and a
body that matches the documented schema. Valid and invalid data (negative mode, NUL characters included) are
generated; the run is reproducible (derandomised, fixed seed) and bounded: `FUZZ_MAX_EXAMPLES` cases per
operation and phase. Not part of the default run (marker `fuzz`): `make fuzz`, and `.ci/run` after the browser
tests.
"""

import os
from collections import Counter

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import override_settings
from schemathesis.config import SchemathesisConfig

from fabrique.accounts.models import ApiToken, User
from fabrique.api import api
from fabrique.core.demo_support import COORDINATOR_EMAIL, member_email
from fabrique.network import demo_data as data

pytestmark = pytest.mark.fuzz

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "15"))
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
]

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 20261203,
        "suppress-health-check": ["all"],
        "generation": {
            "mode": "all",
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            "database": "none",
        },
        "phases": {
            "examples": {"enabled": False},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": False},
        },
        "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
    }
)

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(), config=CONFIG)


def _served(app):
    """The app as a WSGI server runs it: the body read whole, then closed (which closes a download's file).
    Schemathesis's WSGI transport reads the body but never closes it."""

    def application(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return application


schema.app = _served(WSGIHandler())

PERSONAS = {"coordinator": COORDINATOR_EMAIL, "member": member_email(data.STRUCTURES[0].slug)}
# Requests sent, by persona and status code: printed at the end of the run (figures for the closing note).
SENT = Counter()


@pytest.fixture(scope="module")
def tokens(django_db_setup, django_db_blocker):
    """The demo network, loaded once for the module and rolled back after it; a bearer token per persona."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEMO_MODE=True):
            call_command("demo", "--no-serve", verbosity=0)
        yield {name: ApiToken.issue(User.objects.get(email=email), "fuzzing")[1] for name, email in PERSONAS.items()}
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def sent_report(request):
    yield SENT
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is None or capture is None or not SENT:
        return
    by_code = Counter()
    for (_persona, code), count in SENT.items():
        by_code[code] += count
    codes = ", ".join(f"{code}: {count}" for code, count in sorted(by_code.items()))
    with capture.global_and_fixture_disabled():
        reporter.write_line(f"\nschema fuzzing: {sum(SENT.values())} requests sent ({codes})")


@pytest.fixture
def wsgi_app(settings):
    """The app as a server runs it, but keeping the test's connection: like Django's test client, the requests do
    not close it at their end (closing it inside the test's transaction would lose it on PostgreSQL)."""
    settings.ALLOWED_HOSTS = ["localhost"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("persona", sorted(PERSONAS))
@schema.parametrize()
def test_the_api_keeps_to_its_schema(case, persona, tokens, sent_report, db, wsgi_app):
    headers = {"Authorization": f"Bearer {tokens[persona]}"}
    response = case.call(headers=headers)
    sent_report[(persona, response.status_code)] += 1
    case.validate_response(response, headers=headers)
