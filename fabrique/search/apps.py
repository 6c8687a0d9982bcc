from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "fabrique.search"
    verbose_name = "Recherche"

    def ready(self):
        from . import adapters, indexing

        adapters.register_all()
        indexing.connect_signals()
