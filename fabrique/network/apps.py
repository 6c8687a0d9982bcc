from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "fabrique.network"
    verbose_name = "Réseau"

    def ready(self):
        # Local import: the adapter reads the models, importable once the apps are loaded.
        from fabrique.core import admin_base, generations
        from fabrique.search.registry import register
        from fabrique.search.visibility import register_reader
        from fabrique.territories.models import Departement

        from .map import MAP_GENERATION_KEY
        from .models import Structure
        from .perms import can_access_coordination
        from .roles import roles_of
        from .search_index import StructureAdapter

        register(StructureAdapter())
        register_reader(roles_of)  # who may read what is published for the network or a structure
        admin_base.coordinator.provide(can_access_coordination)  # core imports no app
        # the map's cache follows any write to the structures, their départements and the départements' names
        generations.watch(MAP_GENERATION_KEY, Structure, Structure.departements.through, Departement)
