from django.utils.functional import SimpleLazyObject

from .models import Notification


def unread_notifications(request):
    """The header's badge: the person's unread notifications, counted only when a page shows it."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {"unread_notifications": 0}
    return {
        "unread_notifications": SimpleLazyObject(lambda: Notification.objects.filter(recipient=user).unread().count())
    }
