"""The news draft written when a session grants the appellation, for the coordinator to edit and publish once
as a news post."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fabrique.core.models import Versioned


class AnnouncementDraft(Versioned):
    session = models.OneToOneField(
        "appellation.CommitteeSession",
        on_delete=models.CASCADE,
        related_name="announcement",
        verbose_name=_("séance du comité"),
    )
    title = models.CharField(_("titre"), max_length=250)
    body = models.TextField(_("texte"), help_text=_("Markdown simple."))
    created_at = models.DateTimeField(_("rédigée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("modifié par"),
    )
    news_post = models.OneToOneField(
        "community.NewsPost",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="announcement",
        verbose_name=_("publiée comme actualité"),
        help_text=_("L'actualité créée à partir de ce projet : il ne se publie qu'une fois."),
    )

    class Meta:
        verbose_name = _("projet d'annonce")
        verbose_name_plural = _("projets d'annonce")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("appellation:announcement_edit", args=[self.pk])
