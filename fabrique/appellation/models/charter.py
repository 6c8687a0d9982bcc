"""The network charter a newly labelled structure commits to, and the record of who accepted it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fabrique.core.models import Versioned


class Charter(Versioned):
    """One row: the current text. Its history keeps every earlier version."""

    title = models.CharField(_("titre"), max_length=200)
    text = models.TextField(_("texte"), help_text=_("Markdown simple."))
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("modifiée par"),
    )

    class Meta:
        verbose_name = _("charte du réseau")
        verbose_name_plural = _("charte du réseau")

    def __str__(self):
        return self.title


class CharterAcceptance(models.Model):
    """A structure's commitment: the exact text accepted, by whom, when."""

    structure = models.ForeignKey(
        "network.Structure", on_delete=models.CASCADE, related_name="charter_acceptances", verbose_name=_("structure")
    )
    charter_version = models.PositiveIntegerField(_("version de la charte"))
    title = models.CharField(_("titre"), max_length=200)
    text = models.TextField(_("texte accepté"))
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("par")
    )
    accepted_at = models.DateTimeField(_("acceptée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("engagement sur la charte")
        verbose_name_plural = _("engagements sur la charte")
        ordering = ["-accepted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["structure", "charter_version"], name="one_acceptance_per_charter_version")
        ]

    def __str__(self):
        return f"{self.structure} — charte v{self.charter_version}"
