"""The personal fields every installed app declares in its `personal_data` module, collected once."""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.db import models
from django.utils.module_loading import module_has_submodule

from fabrique.core.personal_data import PersonalField


def _modules():
    for config in apps.get_app_configs():
        if config.name == "fabrique.core":  # defines the declarations, declares nothing
            continue
        if config.name.startswith("fabrique.") and module_has_submodule(config.module, "personal_data"):
            yield import_module(f"{config.name}.personal_data")


@cache
def declared() -> tuple[PersonalField, ...]:
    return tuple(field for module in _modules() for field in module.PERSONAL_FIELDS)


@cache
def not_personal() -> dict[str, str]:
    return {label: reason for module in _modules() for label, reason in module.NOT_PERSONAL.items()}


def model_of(field: PersonalField) -> type[models.Model] | None:
    """The declared model, or None when its app is not installed (django-axes may be absent)."""
    try:
        return apps.get_model(field.model)
    except LookupError:
        return None
