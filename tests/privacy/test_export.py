"""Exporting one person's data: everything tied to their account, and nobody else's data."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from fabrique.privacy.export import export_person, person_data

from .conftest import EMAIL, LAST_NAME


def test_the_export_holds_the_account_and_every_kind_of_row_tied_to_it(person, bystander):
    data = json.loads(export_person(person, by=_coordinator()))
    assert data["person"]["email"] == EMAIL
    assert data["person"]["last_name"] == LAST_NAME
    assert data["person"]["last_login"] is not None
    expected = {
        "network.Membership.user",
        "network.Invitation.email",
        "accounts.ApiToken.user",
        "method.Need.created_by",
        "method.Project.created_by",
        "method.ProjectNote.author",
        "notifications.Notification.recipient",
        "community.GroupMembership.user",
        "community.Registration.user",
        "admin.LogEntry.object_id",
        "axes.AccessLog.username",
        "axes.AccessAttempt.username",
    }
    assert expected <= set(data["records"])
    assert data["records"]["accounts.ApiToken.user"][0]["name"] == "script de Camille"
    assert data["records"]["axes.AccessLog.username"][0]["ip_address"] == "192.0.2.7"
    assert data["records"]["method.Need.created_by"][0]["title"] == "Mobilité rurale"


def test_the_export_lists_the_changes_the_person_made(person):
    changes = person_data(person)["changes"]
    assert {"accounts.User", "method.Need"} <= {change["model"] for change in changes}
    assert all(change["type"] in {"+", "~", "-"} for change in changes if changes)


def test_the_export_holds_nobody_else_s_personal_data(person, bystander, coordinator):
    text = export_person(person, by=coordinator)
    for foreign in (bystander.email, bystander.last_name, coordinator.email, "Habitant Tiers", "habitant.tiers@"):
        assert foreign not in text
    assert "token_hash" not in text and "password" not in text


def test_only_the_coordination_exports(person, member):
    with pytest.raises(PermissionDenied, match="coordination"):
        export_person(person, by=member)


def test_the_command_writes_the_export_to_a_file(person, tmp_path):
    target = tmp_path / "export.json"
    call_command("export_personal_data", EMAIL.upper(), "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["person"]["email"] == EMAIL


def test_the_command_names_an_unknown_address(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="personne@nulle-part.example"):
        call_command("export_personal_data", "personne@nulle-part.example")


def _coordinator():
    from fabrique.accounts.models import User

    return User.objects.get(email="coordination@example.org")
