from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "fabrique.network"
    verbose_name = "Réseau"
