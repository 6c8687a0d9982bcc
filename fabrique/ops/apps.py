from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "fabrique.ops"
    verbose_name = "Exploitation"
