"""The appellation's entry page: what the procedure is, and what this person can do in it now."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from fabrique.accounts.roles import roles_of

from ..enums import SessionStatus
from ..models import AgendaItem, Notification
from ..perms import can_open_session
from ..selectors import requests_visible_to
from .requests import creatable_structures


@login_required
def home(request):
    roles = roles_of(request.user)
    mine = list(requests_visible_to(request.user).filter(structure_id__in=roles.member_of).order_by("-created_at"))
    to_vote = (
        AgendaItem.objects.filter(session__status=SessionStatus.OPEN, session__voters__in=roles.member_of)
        .values("pk")
        .distinct()
        .count()
        if roles.member_of
        else 0
    )
    return render(
        request,
        "appellation/home.html",
        {
            "mine": mine,
            "to_vote": to_vote,
            "can_create": creatable_structures(request.user).exists(),
            "coordinator": can_open_session(request.user),
            "unread": Notification.objects.filter(recipient=request.user, read_at__isnull=True).count(),
        },
    )
