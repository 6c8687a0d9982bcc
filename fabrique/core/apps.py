from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fabrique.core"
    verbose_name = "Socle"

    def ready(self):
        from . import generations, lookups, throttling  # noqa: F401 - throttling registers its deploy check

        lookups.register()
        generations.install()
