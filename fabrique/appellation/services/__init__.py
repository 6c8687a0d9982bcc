"""Every change of the appellation procedure goes through one of these verbs."""

from .announcement import draft_announcement, publish_announcement, update_announcement
from .charter import accept_charter, current_charter, update_charter
from .committee import cast_vote, close_session, declare_conflict, open_session, record_conflict
from .log import request_history
from .reminders import send_deadline_reminders
from .requests import (
    add_attachment,
    create_request,
    remove_attachment,
    submit_request,
    update_request,
    withdraw_request,
)

__all__ = [
    "accept_charter",
    "add_attachment",
    "cast_vote",
    "close_session",
    "create_request",
    "current_charter",
    "declare_conflict",
    "draft_announcement",
    "publish_announcement",
    "open_session",
    "record_conflict",
    "remove_attachment",
    "request_history",
    "send_deadline_reminders",
    "submit_request",
    "update_announcement",
    "update_charter",
    "update_request",
    "withdraw_request",
]
