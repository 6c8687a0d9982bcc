"""The appellation's entry page: what the procedure is, and what this person can do in it now."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from fabrique.network.perms import member_structure_ids
from fabrique.notifications.models import Notification

from ..enums import SessionStatus
from ..models import AgendaItem
from ..perms import can_open_session, readable_requests
from ..selectors import with_agenda
from .requests import creatable_structures


@login_required
def home(request):
    own = member_structure_ids(request.user)
    mine = list(with_agenda(readable_requests(request.user)).filter(structure_id__in=own).order_by("-created_at"))
    to_vote = (
        AgendaItem.objects.filter(session__status=SessionStatus.OPEN, session__voters__in=own)
        .values("pk")
        .distinct()
        .count()
        if own
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
            "unread": Notification.objects.filter(recipient=request.user).unread().count(),
        },
    )
