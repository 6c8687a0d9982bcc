from django.apps import AppConfig


class MethodConfig(AppConfig):
    name = "fabrique.method"
    verbose_name = "Méthode"
