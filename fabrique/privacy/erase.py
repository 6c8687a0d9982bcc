"""Erasing a person: the account is anonymised and deactivated, everything else follows the registry."""

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from fabrique.core.exceptions import DomainError
from fabrique.core.history import history_of
from fabrique.core.personal_data import OBJECT, SELF, Erase

from . import records
from .models import Erasure
from .perms import can_manage_personal_data

logger = logging.getLogger(__name__)


def _blank(group: records.Group, name: str, person):
    """The neutral value of a field: the reserved address for the login, the erased label where a row names the
    account (the admin's log), or empty."""
    if group.owner == SELF and name == person.get_email_field_name():
        return type(person).erased_email(person.pk)
    if group.owner == OBJECT:
        return _("personne effacée")
    return None if group.model._meta.get_field(name).null else ""


def _blank_group(group: records.Group, person, email: str, counts: dict) -> None:
    """Empty the person's values in the rows and in the history copies of those rows."""
    names = [f.field for f in group.fields if f.erase == Erase.BLANK]
    if not names:
        return
    tables = [group.model]
    history = history_of(group.model)
    if history is not None:
        tables.append(history)
    for table in tables:
        present = {f.name for f in table._meta.concrete_fields}
        values = {name: _blank(group, name, person) for name in names if name in present}
        if values:
            done = table._default_manager.filter(**records.lookup(group.owner, person, email)).update(**values)
            counts[table._meta.label] = counts.get(table._meta.label, 0) + done


def _delete_group(group: records.Group, person, email: str, counts: dict) -> None:
    deleted, _by_model = records.rows(group, person, email).delete()
    counts[group.model._meta.label] = counts.get(group.model._meta.label, 0) + deleted


def _deactivate(person, by) -> None:
    person._history_user = by  # the history row of the erasure names who did it, outside a request too
    person._change_reason = _("Effacement de la personne")
    person.set_unusable_password()
    person.is_active = person.is_staff = person.is_superuser = person.is_coordinator = False
    person.save(update_fields=["password", "is_active", "is_staff", "is_superuser", "is_coordinator"])
    person.partner_departements.clear()
    person.groups.clear()
    person.user_permissions.clear()


def erase_person(person, *, by, reason: str = "") -> Erasure:
    """The rule: the account stays (authored rows, votes, registrations and history keep pointing to it, so
    aggregates do not move) but is deactivated and shown as « personne effacée »; every field the registry marks
    `blank` is emptied in its rows and their history copies, every row it marks `delete` goes. One transaction,
    logged with who erased and when. The coordination cannot erase its own account from here."""
    if not can_manage_personal_data(by):
        raise PermissionDenied(_("Seule la coordination du réseau efface une personne."))
    if person.pk == by.pk:
        raise DomainError(_("Vous ne pouvez pas effacer votre propre compte : demandez-le à une autre personne."))
    with transaction.atomic():
        person = get_user_model().objects.select_for_update().get(pk=person.pk)
        if person.is_erased:
            raise DomainError(_("Cette personne a déjà été effacée."))
        email, counts = person.email, {}
        _deactivate(person, by)
        # the account itself last: the other rows are found by its e-mail and id
        ordered = sorted(records.groups(), key=lambda group: group.owner == SELF)
        for group in ordered:
            if records.action(group) == Erase.DELETE:
                _delete_group(group, person, email, counts)
            else:
                _blank_group(group, person, email, counts)
        person.refresh_from_db()
        erasure = Erasure.objects.create(person=person, erased_by=by, reason=reason.strip(), counts=counts)
    logger.info("Personne %s effacée par %s", person.pk, by.pk)
    return erasure
