"""What a person is told (listed on « Mes notifications », e-mailed by their preference), and how each kind
reaches them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .enums import Delivery, NotificationKind


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("destinataire")
    )
    kind = models.CharField(_("type"), max_length=30, choices=NotificationKind.choices)
    subject = models.CharField(_("objet"), max_length=250)
    body = models.TextField(_("message"))
    url = models.CharField(_("lien"), max_length=300, blank=True)
    # Makes a notification idempotent (a reminder is sent once per person and session).
    key = models.CharField(_("clé"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)
    # When it left by e-mail, alone or in a digest; empty: not (yet) e-mailed.
    emailed_at = models.DateTimeField(_("envoyée par e-mail le"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], condition=~Q(key=""), name="unique_notification_key_per_recipient"
            )
        ]
        indexes = [models.Index(fields=["recipient", "-created_at"])]

    def __str__(self):
        return self.subject


class Preference(models.Model):
    """How one kind of notification reaches one person; without a row: by e-mail, at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("personne"),
    )
    kind = models.CharField(_("type"), max_length=30, choices=NotificationKind.choices)
    delivery = models.CharField(_("envoi"), max_length=10, choices=Delivery.choices, default=Delivery.NOW)

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="unique_notification_preference")]

    def __str__(self):
        return f"{self.kind} : {self.delivery}"
