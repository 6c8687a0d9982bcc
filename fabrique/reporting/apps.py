from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "fabrique.reporting"
    label = "reporting"
    verbose_name = _("Indicateurs et rapports")

    def ready(self):
        from .cache import watch_tables

        watch_tables()
