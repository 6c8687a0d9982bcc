"""The notifications API under /api/v1/notifications: the caller's own notifications and preferences, with the
same rights and the same operations as the pages."""

from django.shortcuts import get_object_or_404
from ninja import Field as NinjaField
from ninja import Query, Router, Schema

from fabrique.accounts.schemas import NoBody
from fabrique.core.api_answers import answer
from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_types import Id
from fabrique.core.pagination import Page, PageParams, paginate

from . import services
from .enums import NotificationKind
from .models import Notification
from .perms import notification_abilities, preference_abilities
from .schemas import MarkedOut, NotificationOut, PreferenceOut, PreferencesChange, PreferencesOut

router = Router(tags=["Notifications"], auth=IDENTIFIED)


class ListFilters(Schema):
    unread: bool = NinjaField(False, description="Seulement les notifications non lues.")


def _item(request, notification: Notification) -> dict:
    return answer(
        NotificationOut,
        notification,
        id=notification.pk,
        kind_label=str(NotificationKind(notification.kind).label),
        abilities=notification_abilities(request.user, notification),
    )


def _preferences(request) -> dict:
    current = services.deliveries(request.user)
    rows = [
        answer(PreferenceOut, kind=kind.value, kind_label=str(kind.label), delivery=current[kind.value])
        for kind in NotificationKind
    ]
    return answer(PreferencesOut, preferences=rows, abilities=preference_abilities(request.user))


@router.get("/notifications", response=Page[NotificationOut], summary="Lister mes notifications")
def list_notifications(request, params: Query[PageParams], filters: Query[ListFilters]):
    """Les notifications de l'appelant·e, des plus récentes aux plus anciennes."""
    mine = Notification.objects.filter(recipient=request.user).order_by("-created_at", "-pk")
    if filters.unread:
        mine = mine.unread()
    envelope, rows = paginate(request, mine, params)
    envelope["results"] = [_item(request, notification) for notification in rows]
    return envelope


@router.post("/notifications/read", response=MarkedOut, summary="Tout marquer comme lu")
def mark_all_read(request, payload: NoBody | None = None):
    return answer(MarkedOut, marked=services.mark_all_read(request.user))


@router.post("/notifications/{notification_id}/read", response=NotificationOut, summary="Marquer comme lue")
def mark_read(request, notification_id: Id, payload: NoBody | None = None):
    """Seules ses propres notifications sont visibles (404 pour les autres)."""
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    services.mark_read(request.user, notification)
    notification.refresh_from_db(fields=["read_at"])
    return _item(request, notification)


@router.get("/notifications/preferences", response=PreferencesOut, summary="Lire mes préférences")
def get_preferences(request):
    """Pour chaque type de notification, comment elle arrive : e-mail tout de suite, résumé, site seulement."""
    return _preferences(request)


@router.patch("/notifications/preferences", response=PreferencesOut, summary="Changer mes préférences")
def change_preferences(request, payload: PreferencesChange):
    services.set_preferences(request.user, dict(payload.preferences))
    return _preferences(request)
