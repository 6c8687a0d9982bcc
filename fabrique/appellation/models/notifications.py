"""What a person was told by e-mail, also listed on their page « Mes notifications »."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..enums import NotificationKind


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("destinataire")
    )
    kind = models.CharField(_("type"), max_length=30, choices=NotificationKind.choices)
    subject = models.CharField(_("objet"), max_length=250)
    body = models.TextField(_("message"))
    url = models.CharField(_("lien"), max_length=300, blank=True)
    # Makes a notification idempotent (a reminder is sent once per person and session).
    key = models.CharField(max_length=120, blank=True, verbose_name=_("clé"))
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], condition=~Q(key=""), name="unique_notification_key")
        ]
        indexes = [models.Index(fields=["recipient", "-created_at"])]

    def __str__(self):
        return self.subject
