from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fabrique.core.admin_base import ReadOnlyAdmin as CoordinatorReadOnlyAdmin

from .models import (
    AgendaItem,
    AnnouncementDraft,
    AppellationRequest,
    Charter,
    CharterAcceptance,
    CommitteeSession,
    Conflict,
    RequestLog,
    Vote,
)


class ReadOnlyAdmin(CoordinatorReadOnlyAdmin, admin.ModelAdmin):
    """Decisions and logs are written by the procedure, never by hand; the coordination reads them (votes
    included), and no one else, whatever Django permissions a staff account was given."""


class RequestLogInline(admin.TabularInline):
    model = RequestLog
    extra = 0
    can_delete = False
    fields = ["changed_at", "from_status", "to_status", "transition", "session", "changed_by", "via", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AppellationRequest)
class AppellationRequestAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["structure", "status", "submitted_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["structure__name"]
    inlines = [RequestLogInline]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    can_delete = False
    readonly_fields = [f.name for f in AgendaItem._meta.fields if f.name != "id"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CommitteeSession)
class CommitteeSessionAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "status", "deadline", "closed_at"]
    list_filter = ["status"]
    inlines = [AgendaItemInline]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["item", "structure", "choice", "cast_by", "updated_at"]


@admin.register(Conflict)
class ConflictAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["request", "structure", "source", "created_by", "created_at"]


@admin.register(Charter)
class CharterAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["title", "version", "updated_at"]


@admin.register(CharterAcceptance)
class CharterAcceptanceAdmin(ReadOnlyAdmin):
    list_display = ["structure", "charter_version", "accepted_by", "accepted_at"]


@admin.register(AnnouncementDraft)
class AnnouncementDraftAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["title", "session", "updated_at"]
