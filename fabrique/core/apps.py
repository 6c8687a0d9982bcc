from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fabrique.core"
    verbose_name = "Socle"

    def ready(self):
        # Local import: lookups and checks register once the apps are loaded (throttling: its deploy check).
        from . import generations, lookups, throttling  # noqa: F401 - throttling registers its deploy check

        lookups.register()
        generations.install()
