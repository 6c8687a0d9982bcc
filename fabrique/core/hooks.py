"""Functions an upper app hands to core from its `AppConfig.ready()`: core imports no Fabrique app.

`core.admin_base` asks who is the coordination (network knows the roles), `core.api_auth` which user a personal
token names (accounts holds the tokens).
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured


class Hook:
    """One function, provided once by the app that knows the answer, called by core."""

    def __init__(self, name: str):
        self.name = name
        self._function: Callable | None = None

    def provide(self, function: Callable) -> None:
        self._function = function

    def __call__(self, *args, **kwargs):
        if self._function is None:
            raise ImproperlyConfigured(f"{self.name}: no installed application provides it.")
        return self._function(*args, **kwargs)
