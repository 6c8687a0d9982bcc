"""The Code officiel géographique is reference data, loaded by a migration: read-only here."""

from django.contrib import admin

from fabrique.core.admin_base import ReadOnlyAdmin

from .models import Departement, Region


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(Departement)
class DepartementAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("code", "name", "region")
    list_filter = ("region",)
    list_select_related = ("region",)
    search_fields = ("code", "name")
