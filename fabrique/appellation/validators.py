"""Attachments: the content check of `fabrique.core.uploads` (real type, archives inspected without being
inflated), under the appellation's size limit."""

from django.conf import settings

from fabrique.core import uploads

LABELS = uploads.labels()
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_attachment_bytes() -> int:
    return int(getattr(settings, "APPELLATION_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def validate_attachment(upload) -> str:
    """Returns the detected content type; raises a French ValidationError naming the file and the problem."""
    return uploads.check_file(upload, max_bytes=max_attachment_bytes()).content_type
