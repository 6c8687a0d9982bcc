"""The registry in the Django admin, for the network coordination only.

A structure's status is never edited as a field: the admin actions call the status services.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from fabrique.core.admin_base import CoordinatorOnlyAdmin, ReadOnlyAdmin, VersionedAdmin, VersionedModelForm

from ..models import Collective, Partner, Partnership, Structure, StructureStatusLog
from .actions import STATUS_ACTIONS, make_admin_action

STATUS_FIELDS = ("status", "joined_on", "experimenting_since", "labelled_on", "withdrawn_on")


class PartnershipInline(CoordinatorOnlyAdmin, admin.TabularInline):
    """Partnerships are ended (a date in « jusqu'au »), not deleted: their duration is appellation evidence."""

    model = Partnership
    form = VersionedModelForm
    fk_name = "structure"
    fields = ("partner", "role", "since", "until", "note", "expected_version")
    autocomplete_fields = ("partner",)
    extra = 0
    can_delete = False
    formfield_overrides = {
        **CoordinatorOnlyAdmin.formfield_overrides,
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})},
    }


class PartnerPartnershipInline(PartnershipInline):
    fk_name = "partner"
    fields = ("structure", "role", "since", "until", "note", "expected_version")
    autocomplete_fields = ("structure",)


class StatusLogInline(ReadOnlyAdmin, admin.TabularInline):
    model = StructureStatusLog
    fields = ("changed_at", "from_status", "to_status", "changed_by", "via", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("journal des statuts")


@admin.register(Structure)
class StructureAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ("name", "status", "departement_codes", "area_label", "labelled_on")
    list_filter = ("status", "departements__region", "collectives", "parent_network")
    search_fields = ("name", "slug", "city", "area_label")
    readonly_fields = (*STATUS_FIELDS, "version", "created_at", "updated_at")
    autocomplete_fields = ("departements",)
    fieldsets = (
        (
            None,
            {"fields": ("name", "slug", "legal_form", "parent_network", "website", "public_email", "city")},
        ),
        (_("Territoire"), {"fields": ("departements", "area_label")}),
        (_("Présentation"), {"fields": ("description",)}),
        (
            _("Statut (modifié par les actions de la liste)"),
            {"fields": (*STATUS_FIELDS, "version", "created_at", "updated_at", "expected_version")},
        ),
    )
    inlines = (PartnershipInline, StatusLogInline)
    actions = [make_admin_action(action) for action in STATUS_ACTIONS.values()]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("departements")

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ("name",)}

    def get_readonly_fields(self, request, obj=None):
        return (*self.readonly_fields, "slug") if obj else self.readonly_fields

    def has_add_permission(self, request):
        # A structure enters the registry as a candidate through the coordination area, which logs it.
        return False

    def has_delete_permission(self, request, obj=None):
        # A structure that leaves is withdrawn, never deleted: its data and history stay.
        return False

    @admin.display(description=_("départements"))
    def departement_codes(self, structure):
        return ", ".join(sorted(d.code for d in structure.departements.all()))


@admin.register(Collective)
class CollectiveAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ("name", "member_count", "website")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("structures",)
    fields = ("name", "slug", "website", "description", "structures", "expected_version")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("structures"))

    @admin.display(description=_("membres"), ordering="member_count")
    def member_count(self, collective):
        return collective.member_count


@admin.register(Partner)
class PartnerAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ("name", "kind", "siret", "structure_count")
    list_filter = ("kind",)
    search_fields = ("name", "siret")
    fields = ("name", "kind", "siret", "website", "expected_version")
    inlines = (PartnerPartnershipInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(structure_count=Count("partnerships"))

    @admin.display(description=_("structures partenaires"), ordering="structure_count")
    def structure_count(self, partner):
        return partner.structure_count

    def has_delete_permission(self, request, obj=None):
        # An organisation still linked to a structure is kept (its partnerships protect it).
        if obj is not None and obj.partnerships.exists():
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Partnership)
class PartnershipAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ("partner", "partner_kind", "structure", "role", "since", "until")
    list_filter = ("partner__kind", "structure")
    list_select_related = ("partner", "structure")
    search_fields = ("partner__name", "structure__name", "role")
    autocomplete_fields = ("structure", "partner")
    fields = ("structure", "partner", "role", "since", "until", "note", "expected_version")
    date_hierarchy = "since"

    @admin.display(description=_("type de partenaire"), ordering="partner__kind")
    def partner_kind(self, partnership):
        return partnership.partner.get_kind_display()

    def has_delete_permission(self, request, obj=None):
        # Ended with a date, not deleted: the duration of partnerships is appellation evidence.
        return False


@admin.register(StructureStatusLog)
class StructureStatusLogAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("changed_at", "structure", "from_status", "to_status", "changed_by", "via")
    list_filter = ("via", "to_status")
    list_select_related = ("structure", "changed_by")
    search_fields = ("structure__name", "note")
    date_hierarchy = "changed_at"
    fields = ("structure", "from_status", "to_status", "changed_at", "changed_by", "via", "note")
    readonly_fields = fields
