from collections.abc import Callable, Iterator, Mapping
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from fabrique.core.accessibility import platform_audit


def network(request):
    return {
        "NETWORK_NAME": settings.NETWORK_NAME,
        "DEMO_MODE": settings.DEMO_MODE,
        "ACCESSIBILITY_STATE": platform_audit().state.label,  # the footer's « Accessibilité : … »
    }


class SiteAbilities(Mapping):
    """What the person may do on the whole site (`site_abilities.coordinate` in a template): each answer comes
    from the perms function named in settings.SITE_ABILITIES, asked the first time a template reads it, once
    per request. Templates read this, never `user.is_coordinator`, so the menu says what the rights say."""

    def __init__(self, user, checks: Mapping[str, Callable]):
        self._user, self._checks, self._answers = user, checks, {}

    def __getitem__(self, name: str) -> bool:
        if name not in self._answers:
            self._answers[name] = bool(self._checks[name](self._user))
        return self._answers[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._checks)

    def __len__(self) -> int:
        return len(self._checks)


@cache
def _checks() -> dict[str, Callable]:
    # by dotted path from settings: core imports no Fabrique app, the apps' perms answer
    return {name: import_string(path) for name, path in settings.SITE_ABILITIES.items()}


def site_abilities(request):
    abilities = getattr(request, "_site_abilities", None)
    if abilities is None:
        abilities = request._site_abilities = SiteAbilities(getattr(request, "user", None), _checks())
    return {"site_abilities": abilities}
