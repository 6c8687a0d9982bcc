"""Attachments live outside the public media: only a view that checks permissions serves them."""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

from fabrique.core.uploads import BY_CONTENT_TYPE


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files under APPELLATION_PRIVATE_ROOT (default: <data dir>/private); they have no public URL."""

    @property
    def base_location(self):
        default = Path(getattr(settings, "DATA_DIR", settings.MEDIA_ROOT)) / "private"
        return str(getattr(settings, "APPELLATION_PRIVATE_ROOT", default))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Les pièces jointes n'ont pas d'adresse publique ; passez par la vue de téléchargement.")


private_storage = PrivateStorage()


def attachment_path(instance, filename: str) -> str:
    """A random name (the visitor's file name is never a path), with the extension of the detected type."""
    found = BY_CONTENT_TYPE.get(instance.content_type)
    extension = f".{found.extension}" if found else ""
    return f"appellation/{instance.request_id}/{uuid.uuid4().hex}{extension}"
