from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "fabrique.territories"
    verbose_name = "Territoires"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from fabrique.network.models import Structure

        from .map import bump_map_generation
        from .models import Departement

        for model in (Structure, Departement):
            post_save.connect(bump_map_generation, sender=model, dispatch_uid=f"map-save-{model.__name__}")
            post_delete.connect(bump_map_generation, sender=model, dispatch_uid=f"map-delete-{model.__name__}")
        m2m_changed.connect(
            bump_map_generation, sender=Structure.departements.through, dispatch_uid="map-structure-departements"
        )
