"""The person's notifications, as the appellation pages always showed them: the platform's list
(fabrique.notifications), here under the appellation's menu."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fabrique.notifications.models import Notification


@login_required
def notification_list(request):
    rows = list(Notification.objects.filter(recipient=request.user).order_by("-created_at", "-pk")[:200])
    return render(
        request, "appellation/notifications.html", {"rows": rows, "unread": sum(1 for n in rows if n.read_at is None)}
    )


@login_required
@require_POST
def notifications_read(request):
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=timezone.now())
    messages.success(request, _("Toutes vos notifications sont marquées comme lues."))
    return redirect("appellation:notifications")
