"""Network life. For now: testimonials, shown on structure pages and the home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Testimonial(models.Model):
    quote = models.TextField(_("citation"))
    person = models.CharField(_("personne"), max_length=150)
    role = models.CharField(_("fonction"), max_length=200, blank=True)
    structure = models.ForeignKey(
        "network.Structure",
        on_delete=models.CASCADE,
        related_name="testimonials",
        null=True,
        blank=True,
        verbose_name=_("structure"),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    featured = models.BooleanField(_("à la une"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("témoignage")
        verbose_name_plural = _("témoignages")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.person} — {self.quote[:40]}…"
