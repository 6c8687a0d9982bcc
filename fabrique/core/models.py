"""Abstract bases for the models users edit: nothing here has a table."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Versioned(models.Model):
    """Edited by people: an optimistic lock (`core/versioning.py` bumps `version` in its single UPDATE) and a history
    table per concrete model (`inherit=True`). A model whose history also follows many-to-many fields declares
    both itself: simple-history registers one history per model."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class Timestamped(models.Model):
    """When the row was created and last saved."""

    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True
