from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "fabrique.library"
    verbose_name = "Bibliothèque"

    def ready(self):
        # Local import: the adapter reads the models, importable once the apps are loaded.
        from fabrique.search.registry import register
        from fabrique.search.similarity import register_notebook_finder

        from .search_index import ResourceAdapter, project_notebooks

        register(ResourceAdapter())
        register_notebook_finder(project_notebooks)
