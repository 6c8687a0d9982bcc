import pytest

from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification


@pytest.fixture
def notifications_of():
    """`notifications_of(user, n)`: n notifications for the person, the oldest first."""

    def make(user, count: int, kind=NotificationKind.PROJECT_MOVED, **fields):
        return [
            Notification.objects.create(
                recipient=user,
                kind=kind,
                subject=f"Projet {i}",
                body=f"Le projet {i} a avancé.",
                url="/methode/",
                **fields,
            )
            for i in range(count)
        ]

    return make
