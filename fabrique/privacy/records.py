"""Which rows of a declared model belong to one person: the one place export and erasure agree on."""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models

from fabrique.core.personal_data import HISTORY, NO_ACCOUNT, OBJECT, SELF, Erase, PersonalField

from . import registry


@dataclass(frozen=True)
class Group:
    """The declared fields of one model that belong to a person through the same `owner`."""

    model: type[models.Model]
    owner: str
    fields: tuple[PersonalField, ...]

    @property
    def key(self) -> str:
        """The group's name in an export: « app.Model.owner_field »."""
        owner = {SELF: "self", OBJECT: "object_id"}.get(self.owner, self.owner.lstrip("="))
        return f"{self.model._meta.label}.{owner}"

    @property
    def columns(self) -> list[str]:
        """What an export shows of each row: its id, what it is, and the person's own values."""
        names = ["pk"]
        for field in self.fields:
            for name in (*field.context, field.field):
                if name not in names and name != self.owner:
                    names.append(name)
        return names


def groups() -> list[Group]:
    """Every (model, owner) of the registry tied to an account, for the installed models."""
    by_key: dict[tuple[str, str], list[PersonalField]] = defaultdict(list)
    for field in registry.declared():
        if field.owner not in {NO_ACCOUNT, HISTORY}:
            by_key[(field.model, field.owner)].append(field)
    result = []
    for (_model, owner), fields in by_key.items():
        model = registry.model_of(fields[0])
        if model is not None:
            result.append(Group(model, owner, tuple(fields)))
    return result


def lookup(owner: str, person, email: str) -> dict:
    """The filter selecting a person's rows, for a model or its history table."""
    if owner == SELF:
        return {"id": person.pk}
    if owner.startswith("="):
        return {f"{owner[1:]}__iexact": email}
    if owner == OBJECT:
        content_type = ContentType.objects.get_for_model(get_user_model())
        return {"content_type": content_type, "object_id": str(person.pk)}
    return {owner: person.pk}


def rows(group: Group, person, email: str) -> models.QuerySet:
    return group.model._default_manager.filter(**lookup(group.owner, person, email))


def action(group: Group) -> str:
    """What erasing does to the group's rows: deleted, emptied, or kept under « personne effacée »."""
    erases = {field.erase for field in group.fields}
    for choice in (Erase.DELETE, Erase.BLANK):
        if choice in erases:
            return choice
    return Erase.KEEP


def preview(person) -> list[dict]:
    """For the confirmation page: each kind of row tied to the person, how many, and what erasing does."""
    lines = []
    for group in sorted(groups(), key=lambda g: str(g.model._meta.verbose_name_plural)):
        count = rows(group, person, person.email).count()
        if count:
            label = group.model._meta.verbose_name_plural if group.owner != SELF else group.model._meta.verbose_name
            lines.append({"label": label, "count": count, "action": Erase(action(group)).label})
    return lines
