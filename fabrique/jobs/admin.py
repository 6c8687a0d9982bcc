"""The coordination sees every job of the queue, failed ones with their error, and runs a failed one again."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.models import DBTaskResult

from fabrique.core.admin_base import ReadOnlyAdmin

from .models import Job, PeriodicRun
from .queue import run_again

# django-tasks-db's own list asks Django's permissions, which the coordination does not use: our Job list says
# the same (what ran, its error) in French and to the coordination only.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["handler", "key", "status", "attempts", "created_at", "finished_at"]
    list_filter = ["status", "handler"]
    search_fields = ["key", "handler"]
    readonly_fields = [
        "key",
        "handler",
        "payload",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "started_at",
        "finished_at",
    ]
    actions = ["run_failed_again"]

    @admin.action(description=_("Relancer les tâches en échec sélectionnées"))
    def run_failed_again(self, request, queryset):
        count = sum(run_again(job) for job in queryset.order_by("pk"))
        message = ngettext("%(count)s tâche relancée.", "%(count)s tâches relancées.", count) % {"count": count}
        self.message_user(request, message, messages.SUCCESS if count else messages.WARNING)


@admin.register(PeriodicRun)
class PeriodicRunAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["name", "period", "enqueued_at", "job"]
    list_filter = ["name"]
    list_select_related = ["job"]
