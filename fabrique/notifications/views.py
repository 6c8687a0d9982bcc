"""The person's notifications (read them, mark them read), their preferences, and the unsubscribe link of the
e-mails, which works without logging in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from fabrique.core.forms import attach_errors

from . import services
from .enums import NotificationKind
from .forms import PreferencesForm
from .models import Notification
from .perms import notification_abilities
from .tokens import read_unsubscribe_token

PAGE_SIZE = 50


@login_required
def notification_list(request):
    mine = Notification.objects.filter(recipient=request.user).order_by("-created_at", "-pk")
    page = Paginator(mine, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(notification, notification_abilities(request.user, notification)) for notification in page]
    return render(
        request,
        "notifications/list.html",
        {"page": page, "rows": rows, "unread": Notification.objects.filter(recipient=request.user).unread().count()},
    )


@login_required
@require_POST
def mark_read(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)  # others': 404, as if absent
    services.mark_read(request.user, notification)
    if request.POST.get("open") and notification.url.startswith("/"):
        return redirect(notification.url)
    messages.success(request, _("Notification marquée comme lue."))
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    count = services.mark_all_read(request.user)
    messages.success(
        request,
        ngettext("%(count)s notification marquée comme lue.", "%(count)s notifications marquées comme lues.", count)
        % {"count": count}
        if count
        else _("Aucune notification n'était à lire."),
    )
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = services.deliveries(request.user)
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_preferences(request.user, form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Vos préférences de notification sont enregistrées."))
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


# A mail client's « unsubscribe » button POSTs here without any session (RFC 8058): the signed link is the proof,
# and all it can do is switch e-mails off, so there is nothing for a forged cross-site request to gain.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    found = read_unsubscribe_token(token)
    if found is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=404)
    user, kinds = found
    labels = [NotificationKind(kind).label for kind in kinds]
    if request.method == "POST":
        services.unsubscribe(user, kinds)
        return render(request, "notifications/unsubscribed.html", {"labels": labels})
    return render(request, "notifications/unsubscribe.html", {"labels": labels, "email": user.email})
