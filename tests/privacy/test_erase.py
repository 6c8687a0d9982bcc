"""Erasing a person: no trace of their e-mail or name in any table, history included; the rest is kept."""

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import connection, models

from fabrique.accounts.models import ApiToken, User
from fabrique.community.models import Registration
from fabrique.core.exceptions import DomainError
from fabrique.method.models import Need, ProjectNote
from fabrique.network.models import Invitation, Membership
from fabrique.privacy.erase import erase_person
from fabrique.privacy.models import Erasure

from .conftest import EMAIL, FIRST_NAME, LAST_NAME

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def tables_holding(text: str) -> list[str]:
    """Every table and column, of every installed model (history ones included), that holds `text`."""
    found = []
    tables = set(connection.introspection.table_names())
    for model in apps.get_models(include_auto_created=True):
        if model._meta.db_table not in tables:
            continue  # a table of the other database (SQLite's full-text index)
        for field in model._meta.concrete_fields:
            if not isinstance(field, TEXT_FIELDS):
                continue
            lookup = f"{field.name}__icontains" if not isinstance(field, models.JSONField) else None
            if lookup is None:
                if any(text.lower() in str(v).lower() for v in model._base_manager.values_list(field.name, flat=True)):
                    found.append(f"{model._meta.label}.{field.name}")
            elif model._base_manager.filter(**{lookup: text}).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_the_scan_finds_the_person_before_the_erasure(person):
    found = tables_holding(EMAIL)
    assert {"accounts.User.email", "accounts.HistoricalUser.email", "network.Invitation.email"} <= set(found)
    assert "admin.LogEntry.object_repr" in tables_holding(LAST_NAME)


def test_after_the_erasure_no_table_holds_the_e_mail_or_the_name(person, coordinator):
    erase_person(person, by=coordinator, reason="Demande du 2 décembre")
    for text in (EMAIL, LAST_NAME, f"{FIRST_NAME} {LAST_NAME}"):
        assert tables_holding(text) == [], text


def test_the_account_is_deactivated_and_shown_as_an_erased_person(person, coordinator):
    erase_person(person, by=coordinator)
    person.refresh_from_db()
    assert not person.is_active and not person.has_usable_password()
    assert person.is_erased
    assert str(person) == "personne effacée"
    assert person.history.exclude(email=User.erased_email(person.pk)).count() == 0


def test_authored_rows_and_aggregates_are_kept_under_the_erased_account(person, coordinator):
    need = Need.objects.get(created_by=person)
    erase_person(person, by=coordinator)
    need.refresh_from_db()
    assert need.created_by_id == person.pk
    assert ProjectNote.objects.get(author=person).text == "Appel avec la mairie."
    assert Registration.objects.filter(user=person).count() == 1
    # someone else's data on a row the person wrote is not theirs to erase
    assert need.brought_by_name == "Habitant Tiers"


def test_rows_that_only_serve_the_account_are_deleted(person, coordinator):
    erase_person(person, by=coordinator)
    assert not Membership.objects.filter(user=person).exists()
    assert not ApiToken.objects.filter(user=person).exists()
    assert not Invitation.objects.filter(email__iexact=EMAIL).exists()
    assert not person.notifications.exists()


def test_the_erasure_is_logged_with_who_and_when(person, coordinator):
    erasure = erase_person(person, by=coordinator, reason="Demande écrite")
    erasure.refresh_from_db()
    assert (erasure.person_id, erasure.erased_by_id, erasure.reason) == (person.pk, coordinator.pk, "Demande écrite")
    assert erasure.erased_at is not None
    assert erasure.counts["network.Membership"] == 1


def test_an_erasure_is_done_once(person, coordinator):
    erase_person(person, by=coordinator)
    with pytest.raises(DomainError, match="déjà été effacée"):
        erase_person(person, by=coordinator)
    assert Erasure.objects.count() == 1


def test_the_coordination_does_not_erase_itself(coordinator):
    with pytest.raises(DomainError, match="propre compte"):
        erase_person(coordinator, by=coordinator)
    coordinator.refresh_from_db()
    assert coordinator.is_active


@pytest.mark.parametrize("who", ["member", "other_member"])
def test_only_the_coordination_erases(person, who, request):
    with pytest.raises(PermissionDenied, match="coordination"):
        erase_person(person, by=request.getfixturevalue(who))
    person.refresh_from_db()
    assert person.email == EMAIL and person.is_active


def test_a_failure_midway_leaves_everything_as_it_was(person, coordinator, monkeypatch):
    from fabrique.privacy import erase

    def broken(*args, **kwargs):
        raise RuntimeError("panne")

    monkeypatch.setattr(erase.Erasure.objects, "create", broken)
    with pytest.raises(RuntimeError, match="panne"):
        erase_person(person, by=coordinator)
    person.refresh_from_db()
    assert person.email == EMAIL and person.is_active
    assert Membership.objects.filter(user=person).exists()
