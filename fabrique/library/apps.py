from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "fabrique.library"
    verbose_name = "Bibliothèque"

    def ready(self):
        # Local import: the adapter, the perms and the interface read models, importable once the apps are loaded.
        from fabrique.community.interface import register_group_resources
        from fabrique.search.registry import register
        from fabrique.search.similarity import register_notebook_finder

        from .perms import readable_group_resources
        from .search_index import ResourceAdapter, project_notebooks

        register(ResourceAdapter())
        register_notebook_finder(project_notebooks)
        register_group_resources(readable_group_resources)
