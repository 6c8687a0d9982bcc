"""Network life in the Django admin, for the coordination: events, registrations, working groups, news."""

from django.contrib import admin
from django.db import transaction
from simple_history.admin import SimpleHistoryAdmin

from fabrique.core.admin_base import CoordinatorOnlyAdmin, ReadOnlyAdmin, VersionedAdmin, VersionedModelForm

from ..models import Event, EventSpeaker, GroupMembership, NewsPost, Registration, WorkingGroup
from ..services.registrations import promote_waiting


class SpeakerInline(CoordinatorOnlyAdmin, admin.TabularInline):
    model = EventSpeaker
    form = VersionedModelForm
    fields = ("order", "name", "role", "organisation", "is_external", "expected_version")
    extra = 1


class RegistrationInline(ReadOnlyAdmin, admin.TabularInline):
    """Registrations change through the event page (waiting list, e-mails), never here."""

    model = Registration
    fields = ("user", "structure", "status", "attended", "registered_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Event)
class EventAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ("title", "kind", "starts_at", "organiser", "visibility", "capacity")
    list_filter = ("kind", "visibility", "organiser")
    list_select_related = ("organiser",)
    search_fields = ("title", "summary", "place")
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("organiser", "departement")
    # Cancelled from the event page only, which tells the registrants.
    readonly_fields = ("cancelled_at", "cancel_reason")
    inlines = [SpeakerInline, RegistrationInline]

    def save_model(self, request, obj, form, change):
        """A larger capacity gives the new places to the waiting list at once."""
        with transaction.atomic():
            obj._history_user = request.user
            super().save_model(request, obj, form, change)
            if change:
                promote_waiting(Event.objects.select_for_update().get(pk=obj.pk))


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("event", "user", "structure", "status", "attended", "registered_at")
    list_filter = ("status", "attended", "event__kind")
    list_select_related = ("event", "user", "structure")
    search_fields = ("event__title", "user__email", "structure__name")


class GroupMembershipInline(CoordinatorOnlyAdmin, admin.TabularInline):
    model = GroupMembership
    form = VersionedModelForm
    fields = ("user", "role", "joined_at", "expected_version")
    autocomplete_fields = ("user",)
    extra = 0


@admin.register(WorkingGroup)
class WorkingGroupAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ("name", "theme", "visibility")
    list_filter = ("theme", "visibility")
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [GroupMembershipInline]


@admin.register(NewsPost)
class NewsPostAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ("title", "published_on", "visibility")
    list_filter = ("visibility",)
    search_fields = ("title", "summary", "body")
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("testimonials",)
    fields = (
        "title",
        "slug",
        "summary",
        "body",
        "visibility",
        "published_on",
        "source_url",
        "testimonials",
        "expected_version",
    )

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
