from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "fabrique.reporting"
    label = "reporting"
    verbose_name = _("Indicateurs et rapports")

    def ready(self):
        # Local import: the cache watches the models' tables, importable once the apps are loaded.
        from .cache import watch_tables

        watch_tables()
