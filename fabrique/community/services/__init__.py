"""Every change of the network's life goes through one of these verbs: one module per subject."""

from .events import cancel_event, cancellation_refusal, create_event, edit_refusal, people_to_tell, update_event
from .groups import add_member, change_role, create_group, join_group, leave_group, remove_member, update_group
from .news import create_news, unpublish_news, update_news
from .registrations import RegistrationError, participation, promote_waiting, record_attendance

__all__ = [
    "RegistrationError",
    "add_member",
    "cancel_event",
    "cancellation_refusal",
    "change_role",
    "create_event",
    "create_group",
    "create_news",
    "edit_refusal",
    "join_group",
    "leave_group",
    "participation",
    "people_to_tell",
    "promote_waiting",
    "record_attendance",
    "remove_member",
    "unpublish_news",
    "update_event",
    "update_group",
    "update_news",
]
