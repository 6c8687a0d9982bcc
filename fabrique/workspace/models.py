"""A project's people beyond its structure's team: the carrier, partners and outside experts, each invited to that
project only."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from fabrique.core.models import Versioned

from .enums import ProjectRole


class ProjectMember(Versioned):
    """A person on one project. Deleting the row ends their access at once; the history table keeps who was on
    the project, who added and who removed them."""

    project = models.ForeignKey(
        "method.Project", on_delete=models.CASCADE, related_name="people", verbose_name=_("projet")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="project_memberships",
        verbose_name=_("personne"),
    )
    role = models.CharField(_("rôle sur le projet"), max_length=10, choices=ProjectRole.choices)
    observer = models.BooleanField(
        _("observateur ou observatrice"),
        default=False,
        help_text=_("Un expert observateur lit l'espace du projet sans y écrire."),
    )
    partner = models.ForeignKey(
        "network.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_people",
        verbose_name=_("partenaire du registre"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ajouté·e par"),
    )
    created_at = models.DateTimeField(_("arrivé·e le"), auto_now_add=True)

    class Meta:
        verbose_name = _("personne d'un projet")
        verbose_name_plural = _("personnes des projets")
        ordering = ["project", "role", "pk"]
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="unique_project_member")]

    def __str__(self):
        return f"{self.user} — {self.project} ({self.get_role_display()})"

    def clean(self):
        errors = {}
        if self.observer and self.role != ProjectRole.EXPERT:
            errors["observer"] = _("Seul un expert peut être observateur.")
        if self.partner_id and self.role != ProjectRole.PARTNER:
            errors["partner"] = _("Seul un partenaire est lié à un partenaire du registre.")
        if errors:
            raise ValidationError(errors)
