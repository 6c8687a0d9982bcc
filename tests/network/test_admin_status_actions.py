"""Status changes from the admin list: an intermediate page asks for the reason and date, then calls the service."""

import datetime

import pytest
from django.contrib.admin import helpers
from django.urls import reverse
from django.utils import timezone

from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure
from tests.factories import StructureFactory

CHANGELIST = "admin:network_structure_changelist"


def run_action(client, action, structures, **form):
    data = {"action": action, helpers.ACTION_CHECKBOX_NAME: [s.pk for s in structures], **form}
    return client.post(reverse(CHANGELIST), data)


def confirm(client, action, structures, reason="", on=None):
    on = on or timezone.localdate()
    return run_action(client, action, structures, apply="1", reason=reason, on=on.isoformat())


def test_choosing_an_action_shows_the_form_for_the_reason_and_the_date(client_for, coordinator, structure):
    response = run_action(client_for(coordinator), "label_selected", [structure])
    assert response.status_code == 200
    page = response.content.decode()
    assert "TAg Test" in page
    assert 'name="reason"' in page and 'name="on"' in page
    assert '<label for="id_reason"' in page
    structure.refresh_from_db()
    assert structure.status == StructureStatus.EXPERIMENTING


def test_setting_labelled_without_a_reason_changes_nothing(client_for, coordinator, structure):
    history_before = structure.history.count()
    response = confirm(client_for(coordinator), "label_selected", [structure], reason="  ")
    assert response.status_code == 200
    assert "Indiquez le motif" in response.content.decode()
    structure.refresh_from_db()
    assert structure.status == StructureStatus.EXPERIMENTING and structure.labelled_on is None
    assert not structure.status_log.exists()
    assert structure.history.count() == history_before


def test_setting_labelled_with_a_reason_is_logged_as_an_admin_decision(client_for, coordinator, structure):
    day = datetime.date(2024, 3, 14)
    response = confirm(
        client_for(coordinator), "label_selected", [structure], reason="Comité de mars 2024, registre papier", on=day
    )
    assert response.status_code == 302
    structure.refresh_from_db()
    assert (structure.status, structure.labelled_on) == (StructureStatus.LABELLED, day)
    log = structure.status_log.get()
    assert (log.from_status, log.to_status, log.via, log.changed_by, log.note) == (
        "experimenting",
        "labelled",
        "admin",
        coordinator,
        "Comité de mars 2024, registre papier",
    )
    assert structure.history.first().history_user == coordinator


def test_admitting_a_candidate_needs_no_reason(client_for, coordinator):
    candidate = StructureFactory(candidate=True)
    response = confirm(client_for(coordinator), "admit_selected", [candidate])
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.status == StructureStatus.EXPERIMENTING
    assert candidate.joined_on == candidate.experimenting_since == timezone.localdate()
    assert candidate.status_log.get().via == "admin"


@pytest.mark.parametrize("action", ["withdraw_selected", "readmit_selected", "label_selected"])
def test_every_action_but_admission_requires_a_reason(client_for, coordinator, action):
    target = StructureFactory(withdrawn=True) if action == "readmit_selected" else StructureFactory()
    response = confirm(client_for(coordinator), action, [target])
    assert response.status_code == 200
    assert Structure.objects.get(pk=target.pk).status == target.status


def test_withdrawal_then_readmission_through_the_admin(client_for, coordinator, structure):
    client = client_for(coordinator)
    confirm(client, "withdraw_selected", [structure], reason="Fin de l'activité Fabrique")
    structure.refresh_from_db()
    assert structure.status == StructureStatus.WITHDRAWN and structure.withdrawn_on
    confirm(client, "readmit_selected", [structure], reason="Nouvelle équipe")
    structure.refresh_from_db()
    assert structure.status == StructureStatus.EXPERIMENTING and structure.withdrawn_on is None
    assert list(structure.status_log.order_by("pk").values_list("to_status", "via")) == [
        ("withdrawn", "admin"),
        ("experimenting", "admin"),
    ]


def test_a_batch_with_one_impossible_change_changes_no_structure(client_for, coordinator, structure):
    already = StructureFactory(withdrawn=True, name="Déjà retirée")
    response = confirm(client_for(coordinator), "withdraw_selected", [structure, already], reason="Fin")
    assert response.status_code == 302
    structure.refresh_from_db()
    assert structure.status == StructureStatus.EXPERIMENTING
    assert not structure.status_log.exists() and not already.status_log.exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Déjà retirée" in m and "Aucune structure" in m for m in messages)


def test_a_date_in_the_future_is_refused(client_for, coordinator, structure):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = confirm(client_for(coordinator), "label_selected", [structure], reason="Comité", on=tomorrow)
    assert response.status_code == 200
    assert "futur" in response.content.decode()
    structure.refresh_from_db()
    assert structure.status == StructureStatus.EXPERIMENTING


@pytest.mark.parametrize("who", ["member", "other_member", "anonymous"])
def test_nobody_but_the_coordinator_can_run_an_action(request, client_for, structure, who):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    response = confirm(client_for(user), "label_selected", [structure], reason="Par la petite porte")
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    structure.refresh_from_db()
    assert structure.status == StructureStatus.EXPERIMENTING
