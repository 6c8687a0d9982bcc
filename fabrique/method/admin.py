"""The method in the Django admin, for the coordination: stages are read-only here (they change through the
stage service, which writes the log)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from fabrique.core.admin_base import CoordinatorOnlyAdmin, ReadOnlyAdmin, VersionedAdmin

from .models import (
    CreativitySession,
    EconomicModel,
    Need,
    Outcome,
    Project,
    ProjectNote,
    ProjectPartner,
    ProjectStageLog,
    SteeringDecision,
)


class StageLogInline(ReadOnlyAdmin, admin.TabularInline):
    model = ProjectStageLog
    fields = ["changed_at", "from_status", "to_status", "transition", "changed_by", "via", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("journal des étapes")


class ProjectPartnerInline(CoordinatorOnlyAdmin, admin.TabularInline):
    model = ProjectPartner
    fields = ["partner", "role", "note"]
    autocomplete_fields = ["partner"]
    extra = 0


@admin.register(Project)
class ProjectAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["title", "structure", "stage", "theme", "is_public", "updated_at"]
    list_filter = ["stage", "theme", "is_public", "structure"]
    search_fields = ["title", "summary", "carrier_name"]
    readonly_fields = ["slug", "stage", "stopped_at", "stop_reason", "stage_changed_at", "version"]
    filter_horizontal = ["departements", "needs"]
    inlines = [ProjectPartnerInline, StageLogInline]
    list_select_related = ["structure"]


@admin.register(Need)
class NeedAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["title", "structure", "theme", "departement", "status", "detected_on"]
    list_filter = ["status", "theme", "source", "structure"]
    search_fields = ["title", "description", "commune"]
    readonly_fields = ["version"]
    raw_id_fields = ["merged_into", "session"]
    list_select_related = ["structure", "departement"]


@admin.register(CreativitySession)
class CreativitySessionAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["title", "structure", "held_on", "departement", "participants_count"]
    list_filter = ["structure", "departement"]
    search_fields = ["title", "place"]
    readonly_fields = ["version"]
    filter_horizontal = ["partners"]
    list_select_related = ["structure", "departement"]


@admin.register(SteeringDecision)
class SteeringDecisionAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["project", "decided_on", "subject", "choice"]
    list_filter = ["subject", "choice"]
    readonly_fields = ["version"]
    raw_id_fields = ["project"]
    filter_horizontal = ["attendee_partners"]
    list_select_related = ["project"]


@admin.register(EconomicModel)
class EconomicModelAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["project", "total_budget", "jobs_planned_fte", "break_even_year"]
    readonly_fields = ["version"]
    raw_id_fields = ["project"]
    list_select_related = ["project"]


@admin.register(Outcome)
class OutcomeAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["project", "created_on", "legal_form", "jobs_fte"]
    list_filter = ["legal_form"]
    readonly_fields = ["version"]
    raw_id_fields = ["project"]
    list_select_related = ["project"]


@admin.register(ProjectNote)
class ProjectNoteAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["project", "written_at", "author"]
    readonly_fields = ["version"]
    raw_id_fields = ["project"]
    list_select_related = ["project", "author"]
