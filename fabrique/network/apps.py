from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "fabrique.network"
    verbose_name = "Réseau"

    def ready(self):
        # Local import: the adapter reads the models, importable once the apps are loaded.
        from fabrique.accounts.roles import roles_of
        from fabrique.core import admin_base
        from fabrique.search.registry import register
        from fabrique.search.visibility import register_reader

        from .search_index import StructureAdapter

        register(StructureAdapter())
        register_reader(roles_of)  # who may read what is published for the network or a structure
        admin_base.coordinator.provide(lambda user: roles_of(user).coordinator)  # core imports no app
