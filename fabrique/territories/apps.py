from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "fabrique.territories"
    verbose_name = "Territoires"
