"""API rate limits per client address (fabrique/core/throttling.py): the token endpoints, and wrong bearer tokens.

Past the rate: 429, the French `{"detail": …}` of every API error, and `Retry-After` in seconds.
"""

import re
import time

import pytest
from django.test import Client

from fabrique.accounts.models import ApiToken
from fabrique.core.throttling import FailureThrottle

pytestmark = pytest.mark.django_db

TOKENS = "/api/v1/accounts/tokens"
ME = "/api/v1/accounts/me"
PUBLIC = "/api/v1/structures"
ATTACKER, SCRIPT, PROXY = "203.0.113.66", "198.51.100.7", "10.0.0.2"
DETAIL = re.compile(r"^Trop de requêtes depuis votre adresse\u00a0: réessayez dans (\d+) secondes?\.$")


def _is_throttled(response, longest: int) -> int:
    """Asserts the 429's shape and returns the seconds to wait it announces."""
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["detail"]
    seconds = int(DETAIL.match(body["detail"]).group(1))
    assert seconds == int(response["Retry-After"])
    assert 1 <= seconds <= longest
    return seconds


@pytest.fixture
def rates(settings):
    settings.API_TOKEN_RATE = "3/h"
    settings.API_BEARER_FAILURE_RATE = "4/10m"


def test_the_token_endpoints_answer_429_past_their_rate_per_address(rates, client_for, member):
    client = client_for(member)
    assert client.get(TOKENS, REMOTE_ADDR=ATTACKER).status_code == 200
    created = client.post(TOKENS, {"name": "Script"}, content_type="application/json", REMOTE_ADDR=ATTACKER)
    assert created.status_code == 201
    revoke = f"{TOKENS}/{created.json()['id']}/revoke"
    assert client.post(revoke, "", content_type="application/json", REMOTE_ADDR=ATTACKER).status_code == 200

    refused = client.post(TOKENS, {"name": "Encore"}, content_type="application/json", REMOTE_ADDR=ATTACKER)
    _is_throttled(refused, 3600)
    assert ApiToken.objects.filter(user=member).count() == 1
    _is_throttled(client.get(TOKENS, REMOTE_ADDR=ATTACKER), 3600)
    assert client.get(TOKENS, REMOTE_ADDR=SCRIPT).status_code == 200


def test_other_endpoints_are_not_counted_against_the_token_rate(rates, client_for, member):
    client = client_for(member)
    for _ in range(5):
        assert client.get(ME, REMOTE_ADDR=ATTACKER).status_code == 200
    assert client.get(TOKENS, REMOTE_ADDR=ATTACKER).status_code == 200


@pytest.mark.parametrize("url", [ME, PUBLIC])
def test_wrong_bearer_tokens_from_one_address_are_refused_with_429_before_any_lookup(
    rates, member, url, django_assert_num_queries
):
    _, raw = ApiToken.issue(member, "script")
    for header in ("Bearer fab_faux", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer fab_encore"):
        assert Client(HTTP_AUTHORIZATION=header).get(url, REMOTE_ADDR=ATTACKER).status_code == 401
    with django_assert_num_queries(0):
        refused = Client(HTTP_AUTHORIZATION="Bearer fab_cinquieme").get(url, REMOTE_ADDR=ATTACKER)
    _is_throttled(refused, 600)
    _is_throttled(Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(url, REMOTE_ADDR=ATTACKER), 600)

    script = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(url, REMOTE_ADDR=SCRIPT)
    assert script.status_code == 200


def test_a_right_token_does_not_count_and_the_refusal_ends_with_the_window(rates, member, monkeypatch):
    _, raw = ApiToken.issue(member, "script")
    good, bad = Client(HTTP_AUTHORIZATION=f"Bearer {raw}"), Client(HTTP_AUTHORIZATION="Bearer fab_faux")
    for _ in range(10):
        assert good.get(ME, REMOTE_ADDR=SCRIPT).status_code == 200
    for _ in range(4):
        assert bad.get(ME, REMOTE_ADDR=SCRIPT).status_code == 401
    seconds = _is_throttled(good.get(ME, REMOTE_ADDR=SCRIPT), 600)
    assert seconds >= 590

    later = time.time() + 601
    monkeypatch.setattr(FailureThrottle, "timer", staticmethod(lambda: later))
    assert good.get(ME, REMOTE_ADDR=SCRIPT).status_code == 200


def test_behind_a_trusted_proxy_each_client_is_counted_by_its_own_address(rates, settings, member):
    settings.TRUSTED_PROXY_COUNT = 1
    bad = Client(HTTP_AUTHORIZATION="Bearer fab_faux")
    for _ in range(4):
        bad.get(ME, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ATTACKER}")
    assert bad.get(ME, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"5.6.7.8, {ATTACKER}").status_code == 429
    _, raw = ApiToken.issue(member, "script")
    script = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(ME, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=SCRIPT)
    assert script.status_code == 200


def test_without_a_trusted_proxy_a_forged_forwarded_for_does_not_give_a_fresh_address(rates):
    bad = Client(HTTP_AUTHORIZATION="Bearer fab_faux")
    for n in range(4):
        bad.get(ME, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"10.1.1.{n}")
    assert bad.get(ME, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="10.1.1.200").status_code == 429


def test_the_openapi_document_lists_the_429_of_the_token_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    operations = [paths[TOKENS]["get"], paths[TOKENS]["post"], paths[TOKENS + "/{token_id}/revoke"]["post"]]
    assert all("429" in operation["responses"] for operation in operations)


def test_with_the_database_cache_the_counters_are_rows_every_process_reads(rates, settings):
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connection

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "fab_cache"}}
    call_command("createcachetable", verbosity=0)
    bad = Client(HTTP_AUTHORIZATION="Bearer fab_faux")
    for _ in range(4):
        assert bad.get(ME, REMOTE_ADDR=ATTACKER).status_code == 401
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM fab_cache")
        assert cursor.fetchone()[0] == 1
    caches["default"].close()  # another process: nothing kept in memory, only the table
    _is_throttled(bad.get(ME, REMOTE_ADDR=ATTACKER), 600)
