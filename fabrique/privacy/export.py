"""One person's data, as JSON: their account, every declared row tied to it, and the changes they made."""

import json

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.history import history_models

from . import records
from .perms import can_manage_personal_data

FORMAT_VERSION = 1


def _rows(group: records.Group, person) -> list[dict]:
    values = records.rows(group, person, person.email).order_by("pk").values(*group.columns)
    return [{("id" if name == "pk" else name): row[name] for name in group.columns} for row in values]


def _changes(person) -> list[dict]:
    """Every history row the person authored: which object, when, created (+), changed (~) or deleted (-)."""
    changes = []
    for history in history_models():
        model = history.instance_type
        for row in history.objects.filter(history_user_id=person.pk).values("id", "history_date", "history_type"):
            changes.append(
                {
                    "model": model._meta.label,
                    "kind": str(model._meta.verbose_name),
                    "object_id": row["id"],
                    "date": row["history_date"],
                    "type": row["history_type"],
                }
            )
    return sorted(changes, key=lambda change: change["date"])


def person_data(person) -> dict:
    """The rule: everything declared in the personal-data registry that is tied to this account, and only that:
    a row another person wrote about them, or a field of someone else on a row they wrote, is not included."""
    groups = sorted(records.groups(), key=lambda group: group.key)
    found = {group.key: _rows(group, person) for group in groups}
    account = found.pop(f"{person._meta.label}.self")
    return {
        "format": FORMAT_VERSION,
        "generated_at": timezone.now(),
        "person": account[0] if account else {},
        "records": {key: value for key, value in found.items() if value},
        "changes": _changes(person),
    }


def export_person(person, *, by) -> str:
    """The JSON document of `person_data`, for the coordination only."""
    if not can_manage_personal_data(by):
        raise PermissionDenied(_("Seule la coordination du réseau exporte les données d'une personne."))
    return dump(person_data(person))


def dump(data: dict) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def filename(person) -> str:
    return f"donnees-personnelles-{person.pk}-{timezone.localdate():%Y-%m-%d}.json"
