"""Reads of safe requests go to the replica when one is configured; writes, transactions, the requests that
follow a write and everything outside a request stay on the primary."""

import json

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from fabrique.core import replica
from fabrique.core.replica import PIN_COOKIE, PRIMARY, REPLICA, PrimaryReplicaRouter, ReplicaMiddleware

from .test_settings import start_django

router = PrimaryReplicaRouter()


@pytest.fixture
def configured(monkeypatch):
    monkeypatch.setattr(replica, "replica_configured", lambda: True)


def _through_middleware(request) -> tuple[str, HttpResponse]:
    seen = {}

    def view(request):
        seen["read"] = router.db_for_read(None)
        return HttpResponse("ok")

    response = ReplicaMiddleware(view)(request)
    return seen["read"], response


def test_a_safe_request_reads_on_the_replica_and_sets_no_cookie(configured):
    read, response = _through_middleware(RequestFactory().get("/carte/"))
    assert read == REPLICA
    assert PIN_COOKIE not in response.cookies
    assert router.db_for_read(None) == PRIMARY  # after the request, back on the primary


def test_a_request_that_writes_stays_on_the_primary_and_pins_the_client_for_a_few_seconds(configured, settings):
    settings.DATABASE_REPLICA_PIN_SECONDS = 7
    read, response = _through_middleware(RequestFactory().post("/methode/projets/1/etape/"))
    assert read == PRIMARY
    cookie = response.cookies[PIN_COOKIE]
    assert cookie["max-age"] == 7 and cookie["httponly"]
    request = RequestFactory().get("/methode/projets/1/")
    request.COOKIES[PIN_COOKIE] = "1"
    assert _through_middleware(request)[0] == PRIMARY


def test_reads_inside_a_transaction_and_outside_any_request_stay_on_the_primary(configured, transactional_db):
    assert router.db_for_read(None) == PRIMARY  # a command, a job

    def view(request):
        with transaction.atomic():
            inside = router.db_for_read(None)
        return HttpResponse(inside)

    assert ReplicaMiddleware(view)(RequestFactory().get("/")).content == PRIMARY.encode()


def test_writes_and_migrations_only_on_the_primary():
    assert router.db_for_write(None) == PRIMARY
    assert router.allow_migrate(PRIMARY, "method") is True
    assert router.allow_migrate(REPLICA, "method") is False


def test_without_a_replica_everything_reads_on_the_primary():
    assert not replica.replica_configured()
    read, response = _through_middleware(RequestFactory().post("/"))
    assert read == PRIMARY and PIN_COOKIE not in response.cookies


def test_the_replica_is_configured_from_its_address(tmp_path):
    code = (
        "import json; from django.conf import settings; replica = settings.DATABASES['replica'];"
        "print(json.dumps([replica['HOST'], replica['TEST'], settings.DATABASE_ROUTERS]))"
    )
    result = start_django(
        tmp_path,
        code,
        DATABASE_URL="postgres://fabrique@primary:5432/fabrique",
        DATABASE_REPLICA_URL="postgres://fabrique@replica:5432/fabrique",
    )
    assert result.returncode == 0, result.stderr
    host, test, routers = json.loads(result.stdout)
    assert host == "replica"
    assert test["MIRROR"] == "default"  # tests read the primary through it
    assert routers == ["fabrique.core.replica.PrimaryReplicaRouter"]
