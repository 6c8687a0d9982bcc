"""The appellation notifies through the platform's notifications (fabrique.notifications): a row on the
recipient's page « Mes notifications » and, by their preference, an e-mail sent by the worker after the commit."""

from fabrique.notifications.recipients import admins_of, coordinators, members_of
from fabrique.notifications.services import notify

__all__ = ["admins_of", "coordinators", "members_of", "notify"]
