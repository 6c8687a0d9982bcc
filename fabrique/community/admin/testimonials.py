from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fabrique.core.admin_base import VersionedAdmin

from ..models import Testimonial


@admin.register(Testimonial)
class TestimonialAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ("person", "role", "structure", "is_public", "featured")
    list_filter = ("is_public", "featured")
    list_select_related = ("structure",)
    search_fields = ("person", "role", "quote", "structure__name")
    autocomplete_fields = ("structure",)
    fields = ("quote", "person", "role", "structure", "source", "is_public", "featured", "expected_version")
