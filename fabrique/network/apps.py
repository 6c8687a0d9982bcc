from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "fabrique.network"
    verbose_name = "Réseau"

    def ready(self):
        # Local import: the adapter reads the models, importable once the apps are loaded.
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from fabrique.core import admin_base
        from fabrique.search.registry import register
        from fabrique.search.visibility import register_reader
        from fabrique.territories.models import Departement

        from .map import bump_map_generation
        from .models import Structure
        from .roles import roles_of
        from .search_index import StructureAdapter

        register(StructureAdapter())
        register_reader(roles_of)  # who may read what is published for the network or a structure
        admin_base.coordinator.provide(lambda user: roles_of(user).coordinator)  # core imports no app
        for model in (Structure, Departement):  # the map's cache follows the structures and the départements
            post_save.connect(bump_map_generation, sender=model, dispatch_uid=f"map-save-{model.__name__}")
            post_delete.connect(bump_map_generation, sender=model, dispatch_uid=f"map-delete-{model.__name__}")
        m2m_changed.connect(
            bump_map_generation, sender=Structure.departements.through, dispatch_uid="map-structure-departements"
        )
