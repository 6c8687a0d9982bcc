from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "fabrique.community"
    verbose_name = "Vie du réseau"

    def ready(self):
        # Local import: the adapters read the models, importable once the apps are loaded.
        from fabrique.search.registry import register

        from .search_index import EventAdapter, NewsAdapter

        register(EventAdapter())
        register(NewsAdapter())
