"""A second run of `fabrique demo` over the loaded demo (shared by the module): nothing changes, and what a visitor
changed during the demonstration is put back."""

import io

from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.http import HttpRequest

from fabrique.core.demo_support import COORDINATOR_EMAIL, DEMO_PASSWORD
from fabrique.network import services
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure


def row_counts() -> dict[str, int]:
    """Rows of every table, historical tables included."""
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables
    }


def test_a_second_run_creates_no_row_and_no_history_row(shared_demo):
    before = row_counts()
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out)
    assert row_counts() == before
    assert "rien n'a changé" in out.getvalue()
    assert before["network.HistoricalStructure"] >= 10


def test_a_second_run_bumps_no_version(shared_demo):
    versions = dict(Structure.objects.values_list("slug", "version"))
    call_command("demo", "--no-serve", verbosity=0)
    assert dict(Structure.objects.values_list("slug", "version")) == versions


def test_a_rerun_restores_a_changed_demo_structure_and_logs_the_restored_status(shared_demo):
    from fabrique.accounts.models import User

    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    tag29 = Structure.objects.get(slug="tag29")
    services.withdraw(tag29, by=coordinator, reason="Essai pendant la démonstration")
    Structure.objects.filter(pk=tag29.pk).update(description="Modifiée pendant la démonstration")
    call_command("demo", "--no-serve", verbosity=0)
    tag29.refresh_from_db()
    assert tag29.status == StructureStatus.LABELLED and tag29.withdrawn_on is None
    assert tag29.description.startswith("Porte la Fabrique à initiatives dans le Finistère.")
    restored = tag29.status_log.order_by("-pk")[:2]
    assert [(r.from_status, r.to_status, r.transition, r.via) for r in reversed(restored)] == [
        ("withdrawn", "experimenting", "readmit", "demo"),
        ("experimenting", "labelled", "grant_appellation", "demo"),
    ]


def test_a_forgotten_password_of_a_demo_login_is_reset_by_a_rerun(shared_demo, client):
    from fabrique.accounts.models import User

    user = User.objects.get(email="tag22@example.org")
    user.set_password("un-autre-mot-de-passe")
    user.save()
    call_command("demo", "--no-serve", verbosity=0)
    assert client.login(request=HttpRequest(), email="tag22@example.org", password=DEMO_PASSWORD)


def test_a_rerun_puts_back_a_person_removed_from_a_demo_project_and_adds_no_message(shared_demo):
    from fabrique.workspace.models import Message, ProjectMember

    messages = Message.objects.count()
    carrier = ProjectMember.objects.filter(user__email="porteuse.tag29@example.org")
    carrier.delete()
    call_command("demo", "--no-serve", verbosity=0)
    assert carrier.get().role == "carrier"
    assert Message.objects.count() == messages
