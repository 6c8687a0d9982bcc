import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.http import HttpRequest

from fabrique.appellation import demo_data as appellation_demo
from fabrique.demo import seed
from fabrique.demo.management.commands import demo as demo_command
from fabrique.network import services
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure, StructureStatusLog

# The seed's eleven structures, plus the appellation demo's fictitious peers and applicant.
DEMO_STRUCTURES = 11 + appellation_demo.NEW_STRUCTURES


def row_counts() -> dict[str, int]:
    """Rows of every table, historical tables included."""
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables
    }


def test_a_second_run_creates_no_row_and_no_history_row(demo):
    before = row_counts()
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out)
    assert row_counts() == before
    assert "rien n'a changé" in out.getvalue()
    assert before["network.HistoricalStructure"] >= 10


def test_a_second_run_bumps_no_version(demo):
    versions = dict(Structure.objects.values_list("slug", "version"))
    call_command("demo", "--no-serve", verbosity=0)
    assert dict(Structure.objects.values_list("slug", "version")) == versions


def test_the_command_prints_every_demo_login_and_the_password(db, settings):
    settings.DEMO_MODE = True
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out)
    printed = out.getvalue()
    assert "coordination@example.org" in printed
    for slug in ("tag29", "tag22", "cluster-jura", "france-active-alsace", "initiatives-haut-pays"):
        assert f"{slug}@example.org" in printed
    assert seed.DEMO_PASSWORD in printed
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


def test_a_rerun_restores_a_changed_demo_structure_and_logs_the_restored_status(demo):
    from fabrique.accounts.models import User

    coordinator = User.objects.get(email=seed.COORDINATOR_EMAIL)
    tag29 = Structure.objects.get(slug="tag29")
    services.withdraw(tag29, by=coordinator, reason="Essai pendant la démonstration")
    Structure.objects.filter(pk=tag29.pk).update(description="Modifiée pendant la démonstration")
    call_command("demo", "--no-serve", verbosity=0)
    tag29.refresh_from_db()
    assert tag29.status == StructureStatus.LABELLED and tag29.withdrawn_on is None
    assert tag29.description.startswith("Porte la Fabrique à initiatives dans le Finistère.")
    latest = tag29.status_log.order_by("-pk").first()
    assert (latest.from_status, latest.to_status, latest.via) == ("withdrawn", "labelled", "demo")


def test_a_forgotten_password_of_a_demo_login_is_reset_by_a_rerun(demo, client):
    from fabrique.accounts.models import User

    user = User.objects.get(email="tag22@example.org")
    user.set_password("un-autre-mot-de-passe")
    user.save()
    call_command("demo", "--no-serve", verbosity=0)
    assert client.login(request=HttpRequest(), email="tag22@example.org", password=seed.DEMO_PASSWORD)


def test_the_loaders_run_all_or_nothing(db):
    def broken(report):
        raise RuntimeError("panne")

    with pytest.raises(RuntimeError, match="^panne$"):
        seed.load_all([seed.load_network, broken])
    assert not Structure.objects.exists()
    assert not StructureStatusLog.objects.exists()


def test_other_apps_extend_the_demo_by_appending_a_loader(db, settings, monkeypatch):
    seen = []
    monkeypatch.setattr(seed, "LOADERS", [*seed.LOADERS, lambda report: seen.append(Structure.objects.count())])
    settings.DEMO_MODE = True
    call_command("demo", "--no-serve", verbosity=0)
    assert seen == [DEMO_STRUCTURES]
