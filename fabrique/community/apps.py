from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "fabrique.community"
    verbose_name = "Vie du réseau"

    def ready(self):
        from . import admin_network_life  # noqa: F401 (registers events, groups and news in the admin)
