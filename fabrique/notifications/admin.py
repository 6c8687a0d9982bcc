from django.contrib import admin

from fabrique.core.admin_base import ReadOnlyAdmin

from .models import Notification, Preference


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["recipient", "kind", "subject", "created_at", "read_at", "emailed_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient"]


@admin.register(Preference)
class PreferenceAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["user", "kind", "delivery"]
    list_filter = ["kind", "delivery"]
    list_select_related = ["user"]
