from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "fabrique.home"
    verbose_name = "Accueil"
