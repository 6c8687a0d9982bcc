from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "fabrique.audit"
    verbose_name = "Journal des modifications"
