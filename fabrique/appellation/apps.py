from django.apps import AppConfig


class AppellationConfig(AppConfig):
    name = "fabrique.appellation"
    verbose_name = "Appellation"
