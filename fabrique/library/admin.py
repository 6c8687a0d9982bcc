"""The library in the Django admin, for the coordination. Files are added through the resource page, which
checks their content; here they are only listed."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fabrique.core.admin_base import ReadOnlyAdmin, VersionedAdmin

from .models import Resource, ResourceFile


class ResourceFileInline(ReadOnlyAdmin, admin.TabularInline):
    model = ResourceFile
    fields = ("number", "name", "file_format", "size", "uploaded_by", "uploaded_at", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Resource)
class ResourceAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ("title", "kind", "author_structure", "visibility", "updated_at")
    list_filter = ("kind", "visibility", "author_structure")
    list_select_related = ("author_structure",)
    search_fields = ("title", "summary", "body")
    readonly_fields = ("slug", "created_by", "created_at", "updated_at")
    autocomplete_fields = ("author_structure", "authors", "projects")
    inlines = [ResourceFileInline]
