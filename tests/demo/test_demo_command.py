import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fabrique.appellation import demo_data as appellation_demo
from fabrique.core.demo_support import DEMO_PASSWORD
from fabrique.demo import seed
from fabrique.demo.management.commands import demo as demo_command
from fabrique.network.demo import load_network
from fabrique.network.models import Structure, StructureStatusLog

# The seed's eleven structures, plus the appellation demo's fictitious peers and applicant.
DEMO_STRUCTURES = 11 + appellation_demo.NEW_STRUCTURES


def test_the_command_prints_every_demo_login_and_the_password(db, settings):
    settings.DEMO_MODE = True
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out)
    printed = out.getvalue()
    assert "coordination@example.org" in printed
    for slug in ("tag29", "tag22", "cluster-jura", "france-active-alsace", "initiatives-haut-pays"):
        assert f"{slug}@example.org" in printed
    assert DEMO_PASSWORD in printed
    assert f"structures : {DEMO_STRUCTURES} créé(s)" in printed


def test_the_demo_refuses_to_load_without_demo_mode_when_debug_is_off(db, settings):
    settings.DEBUG = False
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="FABRIQUE_DEMO=true"):
        call_command("demo", "--no-serve", verbosity=0)
    assert not Structure.objects.exists()


def test_the_demo_loads_on_a_laptop_where_debug_is_on(db, settings):
    settings.DEBUG = True
    settings.DEMO_MODE = False
    call_command("demo", "--no-serve", verbosity=0)
    assert Structure.objects.count() == DEMO_STRUCTURES


class FakeChild:
    """A child process that records its command and whether it was stopped."""

    started: list = []

    def __init__(self, argv):
        self.argv = argv
        self.running = True
        FakeChild.started.append(self)

    def terminate(self):
        self.running = False

    def wait(self, timeout=None):
        return 0


@pytest.fixture
def serving(settings, monkeypatch):
    """`fabrique demo` without --no-serve, the server and the child processes replaced by recorders."""
    settings.DEMO_MODE = True
    served = []
    FakeChild.started = []

    def runserver(*args, **kwargs):
        assert all(child.running for child in FakeChild.started)  # the worker runs while the server does
        served.append((args, kwargs))

    monkeypatch.setattr(demo_command, "call_command", runserver)
    monkeypatch.setattr(demo_command.subprocess, "Popen", FakeChild)
    return served


def test_without_no_serve_the_command_serves_on_the_given_address_without_reloader(db, serving):
    call_command("demo", "--addrport", "127.0.0.1:8123", verbosity=0)
    assert serving == [(("runserver", "127.0.0.1:8123"), {"use_reloader": False, "verbosity": 0})]
    assert Structure.objects.filter(slug="tag29").exists()


def test_the_worker_and_the_scheduler_run_beside_the_server_and_stop_with_it(db, serving):
    call_command("demo", verbosity=0)
    assert [child.argv[-1] for child in FakeChild.started] == ["worker", "scheduler"]
    assert [child.argv[1:3] for child in FakeChild.started] == [["-m", "fabrique.cli"]] * 2
    assert not any(child.running for child in FakeChild.started)


def test_no_worker_serves_alone(db, serving):
    call_command("demo", "--no-worker", verbosity=0)
    assert len(serving) == 1
    assert FakeChild.started == []


def test_the_loaders_run_all_or_nothing(db):
    def broken(report):
        raise RuntimeError("panne")

    with pytest.raises(RuntimeError, match="^panne$"):
        seed.load_all([load_network, broken])
    assert not Structure.objects.exists()
    assert not StructureStatusLog.objects.exists()


SEEN: list[int] = []


def count_the_structures(report):
    SEEN.append(Structure.objects.count())


def test_other_apps_extend_the_demo_by_listing_their_loader_in_the_setting(db, settings):
    SEEN.clear()
    settings.FABRIQUE_DEMO_LOADERS = [*settings.FABRIQUE_DEMO_LOADERS, f"{__name__}.count_the_structures"]
    settings.DEMO_MODE = True
    call_command("demo", "--no-serve", verbosity=0)
    assert SEEN == [DEMO_STRUCTURES]


def test_every_app_with_demo_data_lists_its_loader_and_no_loader_imports_the_demo_app(settings):
    for path in settings.FABRIQUE_DEMO_LOADERS:
        module = path.rsplit(".", 1)[0]
        assert module.startswith("fabrique.") and module.endswith(".demo") and module != "fabrique.demo", path
    assert len(seed.loaders()) == len(settings.FABRIQUE_DEMO_LOADERS)
