from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "fabrique.search"
    verbose_name = "Recherche"

    def ready(self):
        # Local import: indexing reads the search models, importable once the apps are loaded.
        from . import indexing, registry

        # Each app registered its adapters in its own ready(), run before this one (INSTALLED_APPS order).
        registry.seal()
        indexing.connect_signals()
