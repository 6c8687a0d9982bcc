"""The one-click unsubscribe link of every notification e-mail: a signed (person, kinds) pair, so that it works
without logging in; it can only switch e-mails off."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from fabrique.accounts.models import User

from .enums import NotificationKind

SALT = "fabrique.notifications.unsubscribe"


def unsubscribe_token(user: User, kinds) -> str:
    return signing.dumps({"u": user.pk, "k": sorted(set(kinds))}, salt=SALT, compress=True)


def unsubscribe_url(user: User, kinds) -> str:
    return settings.SITE_URL + reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kinds)])


def read_unsubscribe_token(token: str) -> tuple[User, list[str]] | None:
    """The active person and the kinds the link names, or None for a link altered, unknown or of an old kind."""
    try:
        data = signing.loads(token, salt=SALT)
        user_id, kinds = int(data["u"]), list(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if not kinds or any(kind not in NotificationKind.values for kind in kinds):
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    return (user, kinds) if user else None


def unsubscribe_headers(url: str) -> dict:
    """RFC 8058: the mail client offers its own « unsubscribe » button, which POSTs to the link."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
