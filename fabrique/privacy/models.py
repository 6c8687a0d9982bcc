"""What the privacy tools record: each erasure (who, when), and the warning sent to an inactive account."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Erasure(models.Model):
    """One person erased by the coordination; the anonymised account stays, so this row names no one."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="erasure", verbose_name=_("compte effacé")
    )
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("par")
    )
    erased_at = models.DateTimeField(_("le"), auto_now_add=True)
    reason = models.TextField(_("motif"), blank=True)
    counts = models.JSONField(_("lignes touchées"), default=dict)

    class Meta:
        verbose_name = _("effacement d'une personne")
        verbose_name_plural = _("effacements de personnes")
        ordering = ["-erased_at", "-pk"]

    def __str__(self):
        return f"{self.person_id} ({self.erased_at:%d/%m/%Y})"


class InactivityNotice(models.Model):
    """The warning e-mailed to an account without login for a long time; it is deactivated after a grace period
    unless the person logs in again."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inactivity_notice", verbose_name=_("compte")
    )
    warned_at = models.DateTimeField(_("prévenu·e le"))
    deactivated_at = models.DateTimeField(_("désactivé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("avertissement d'inactivité")
        verbose_name_plural = _("avertissements d'inactivité")

    def __str__(self):
        return f"{self.user_id} ({self.warned_at:%d/%m/%Y})"
