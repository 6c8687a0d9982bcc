from .announcements import AnnouncementDraft
from .charter import Charter, CharterAcceptance
from .committee import AgendaItem, CommitteeSession, Conflict, Vote
from .requests import AppellationRequest, RequestAttachment, RequestLog

__all__ = [
    "AgendaItem",
    "AnnouncementDraft",
    "AppellationRequest",
    "Charter",
    "CharterAcceptance",
    "CommitteeSession",
    "Conflict",
    "RequestAttachment",
    "RequestLog",
    "Vote",
]
