from django.apps import AppConfig


class MethodConfig(AppConfig):
    name = "fabrique.method"
    verbose_name = "Méthode"

    def ready(self):
        # Local import: the adapters read the models, importable once the apps are loaded.
        from fabrique.search.registry import register

        from .search_index import NeedAdapter, ProjectAdapter

        register(ProjectAdapter())
        register(NeedAdapter())
