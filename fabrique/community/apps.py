from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "fabrique.community"
    verbose_name = "Vie du réseau"
