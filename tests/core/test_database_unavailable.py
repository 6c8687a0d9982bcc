"""The database unreachable: 503 with Retry-After (a French page, or JSON for the API), no traceback; and the site
serves again as soon as it is back, in the same process, without a restart.

The default connection is pointed at a closed port (PostgreSQL) or an unreadable path (SQLite), then back at the
test database. The test's own connection is kept aside meanwhile and put back at the end (on SQLite it also keeps
the in-memory test database alive), so the other tests see nothing of it.
"""

import contextlib
import socket
import threading

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from fabrique.urls import handler500
from fabrique.urls import urlpatterns as site_urlpatterns
from tests.factories import StructureFactory

pytestmark = pytest.mark.django_db(transaction=True)
NBSP = "\u00a0"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the socket is closed: nothing listens there


def unreachable(settings_dict: dict, tmp_path) -> dict:
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return {**settings_dict, "NAME": str(tmp_path / "absent" / "fabrique.sqlite3")}
    return {**settings_dict, "HOST": "127.0.0.1", "PORT": closed_port()}


class DatabaseSwitch:
    """Points the default connection elsewhere and back, as a database going down then up would."""

    def __init__(self, tmp_path):
        self.connection = connections[DEFAULT_DB_ALIAS]
        self.real = self.connection.settings_dict
        self.down_settings = unreachable(self.real, tmp_path)
        self.kept = None

    def down(self):
        self.connection.ensure_connection()
        self.kept, self.connection.connection = self.connection.connection, None
        self.connection.settings_dict = self.down_settings

    def up(self):
        self.connection.settings_dict = self.real  # the next request connects again by itself

    def restore(self):
        self.connection.settings_dict = self.real
        if self.kept is not None:
            opened, self.connection.connection = self.connection.connection, self.kept
            if opened is not None and opened is not self.kept:
                opened.close()


@pytest.fixture
def database(tmp_path):
    switch = DatabaseSwitch(tmp_path)
    yield switch
    switch.restore()


@pytest.fixture(params=["anonymous", "member"])
def visitor(request, member):
    client = Client(raise_request_exception=False)
    if request.param == "member":
        client.force_login(member)
    return client


def test_a_page_answers_503_while_the_database_is_down_then_200_when_it_is_back(database, visitor):
    StructureFactory(name="Fabrique du Jura", slug="jura")
    client = visitor
    database.down()

    response = client.get("/structures/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "<h1>Service momentanément indisponible</h1>" in html
    assert f"indisponible{NBSP}: sa base de données ne répond pas" in html
    assert "Traceback" not in html and "OperationalError" not in html and "5432" not in html
    assert client.get("/api/v1/structures").status_code == 503  # still down: a second try changes nothing

    database.up()
    response = client.get("/structures/")
    assert response.status_code == 200
    assert "Fabrique du Jura" in response.content.decode()


def test_the_api_answers_json_503_then_its_data(database, settings, visitor):
    settings.DATABASE_UNAVAILABLE_RETRY_AFTER = 120
    StructureFactory(name="Fabrique du Jura", slug="jura")
    client = visitor
    database.down()

    response = client.get("/api/v1/structures")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": f"La plateforme est momentanément indisponible{NBSP}: sa base de données ne répond pas."
    }

    database.up()
    response = client.get("/api/v1/structures")
    assert response.status_code == 200
    assert "Fabrique du Jura" in [item["name"] for item in response.json()["results"]]


def test_static_files_are_still_served_while_the_database_is_down(database):
    client = Client()
    database.down()
    response = client.get("/static/css/fabrique.css")
    response.close()
    assert response.status_code == 200


CURRENT = {}


def lose_the_database_then_query(request):
    """The database stops while the view runs: its next query cannot connect."""
    CURRENT["switch"].down()
    CURRENT["switch"].connection.ensure_connection()
    return HttpResponse("atteint")  # pragma: no cover - the database is down, the line above raised


urlpatterns = [path("essai/perte/", lose_the_database_then_query), *site_urlpatterns]
__all__ = ["handler500", "urlpatterns"]


def test_a_database_lost_during_the_request_also_answers_503(database, settings, monkeypatch):
    settings.ROOT_URLCONF = __name__
    monkeypatch.setitem(CURRENT, "switch", database)
    client = Client(raise_request_exception=False)
    response = client.get("/essai/perte/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Service momentanément indisponible" in response.content.decode()
    database.up()
    assert client.get("/").status_code == 200  # and it serves again once the database is back


def test_the_503_page_needs_no_query_and_survives_a_broken_template(settings, django_assert_num_queries):
    from django.test import RequestFactory

    from fabrique.core.unavailable import unavailable_response

    with django_assert_num_queries(0):
        response = unavailable_response(RequestFactory().get("/"))
    assert response.status_code == 503 and "<h1>Service momentanément indisponible</h1>" in response.content.decode()
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [], "APP_DIRS": False}]
    response = unavailable_response(RequestFactory().get("/"))
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "sa base de données ne répond pas" in response.content.decode()


class Relay:
    """A TCP relay to the PostgreSQL server that can be cut and restored: a database that goes away and comes back
    while the platform keeps its connection open (DATABASE_CONN_MAX_AGE)."""

    def __init__(self, upstream: tuple[str, int]):
        self.upstream = upstream
        self.port = closed_port()
        self.sockets: list[socket.socket] = []
        self.listener = None

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        for sock in [self.listener, *self.sockets]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            server = socket.create_connection(self.upstream)
            self.sockets += [client, server]
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source, target):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                target.sendall(data)
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)


def test_a_kept_postgresql_connection_cut_gives_503_then_the_site_reconnects_by_itself(database):
    if database.connection.vendor != "postgresql":
        pytest.skip("SQLite opens a file: there is no server connection to cut (see the tests above)")
    StructureFactory(name="Fabrique du Jura", slug="jura")
    relay = Relay((database.real["HOST"] or "127.0.0.1", int(database.real["PORT"] or 5432)))
    relay.start()
    database.down()
    database.connection.settings_dict = {**database.real, "HOST": "127.0.0.1", "PORT": relay.port}
    client = Client(raise_request_exception=False)
    assert client.get("/api/v1/structures").status_code == 200  # connected through the relay, connection kept

    relay.cut()  # the server goes away under a connection the platform still holds
    response = client.get("/api/v1/structures")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert client.get("/structures/").status_code == 503  # still away: the connection attempt fails

    relay.start()  # back, on the same address
    response = client.get("/structures/")
    assert response.status_code == 200 and "Fabrique du Jura" in response.content.decode()
    relay.cut()
