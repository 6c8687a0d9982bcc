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


def test_without_no_serve_the_command_serves_on_the_given_address_without_reloader(db, settings, monkeypatch):
    settings.DEMO_MODE = True
    served = []
    monkeypatch.setattr(demo_command, "call_command", lambda *args, **kwargs: served.append((args, kwargs)))
    call_command("demo", "--addrport", "127.0.0.1:8123", verbosity=0)
    assert served == [(("runserver", "127.0.0.1:8123"), {"use_reloader": False, "verbosity": 0})]
    assert Structure.objects.filter(slug="tag29").exists()


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
