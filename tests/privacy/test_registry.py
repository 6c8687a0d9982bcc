"""One list of personal fields: each app's `personal_data` module. docs/privacy.md lists exactly those, and a
model field that looks personal is either declared there or explained as not personal."""

import re
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from simple_history.models import HistoricalChanges

from fabrique.core.personal_data import HISTORY, Basis, Erase
from fabrique.privacy import registry

DOC = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"
INVENTORY = re.compile(r"^\| `([a-z_]+\.[A-Za-z]+\.[a-z_]+)` \|", re.MULTILINE)
PERSON_WORDS = re.compile(
    r"(^|_)(e?mail|contact|phone|name|person|attendees|organisers|authors?|username|user_agent|ip_address|login|"
    r"recipient)($|_)"
)


def looks_personal(field) -> bool:
    if field.is_relation and field.related_model is get_user_model() and (field.concrete or field.many_to_many):
        return True
    if isinstance(field, (models.EmailField, models.GenericIPAddressField)):
        return True
    return bool(PERSON_WORDS.search(field.name))


def personal_looking_fields() -> set[str]:
    found = set()
    for model in apps.get_models():
        if issubclass(model, HistoricalChanges):
            continue  # copies of their model's fields, declared once by the `history_user` entry
        for field in model._meta.get_fields():
            if (field.concrete or field.many_to_many) and not field.auto_created and looks_personal(field):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def declared_labels() -> set[str]:
    return {field.label for field in registry.declared()}


def documented_labels() -> set[str]:
    return set(INVENTORY.findall(DOC.read_text(encoding="utf-8")))


def test_the_scan_finds_what_everyone_agrees_is_personal():
    assert {"accounts.User.email", "method.Need.brought_by_contact", "method.Project.carrier_name"} <= (
        personal_looking_fields()
    )


def test_every_field_that_looks_personal_is_declared_or_explained():
    unexplained = personal_looking_fields() - declared_labels() - set(registry.not_personal())
    assert unexplained == set(), "déclarez-les dans <app>/personal_data.py (PERSONAL_FIELDS ou NOT_PERSONAL)"


def test_every_declared_field_is_in_the_documentation():
    assert declared_labels() - documented_labels() == set()


def test_the_documentation_lists_no_field_that_is_not_declared():
    assert documented_labels() - declared_labels() == set()


def test_a_field_is_declared_once():
    labels = [field.label for field in registry.declared()]
    assert len(labels) == len(set(labels))


def test_each_declaration_names_a_real_field_with_a_known_basis_and_erasure():
    checked = 0
    for field in registry.declared():
        assert field.basis in Basis.values and field.erase in Erase.values, field.label
        assert str(field.purpose) and str(field.retention), field.label
        if field.owner == HISTORY:
            continue
        model = registry.model_of(field)
        assert model is not None, f"{field.model} n'est pas un modèle installé"
        names = {f.name for f in model._meta.get_fields()}
        assert field.field in names, field.label
        assert set(field.context) <= names, field.label
        owner = field.owner.lstrip("=")
        assert owner.startswith("@") or owner in names, field.label
        checked += 1
    assert checked > 30


def test_nothing_is_both_personal_and_not():
    assert declared_labels() & set(registry.not_personal()) == set()
