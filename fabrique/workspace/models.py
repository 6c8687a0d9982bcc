"""A project's people beyond its structure's team: the carrier, partners and outside experts, each invited to that
project only."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from fabrique.core.models import Versioned
from fabrique.method.enums import Stage

from .enums import OPEN_STEP_STATUSES, NextStepStatus, ProjectRole


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


class NextStepQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STEP_STATUSES)

    def late(self, today):
        """Open and due before `today`."""
        return self.open().filter(due_on__lt=today)


class NextStep(Versioned):
    """Something to do next on a project, by someone of the project (« prochaine étape »): its owner is reminded
    before the due date and once it is overdue (workspace/reminders.py)."""

    project = models.ForeignKey(
        "method.Project", on_delete=models.CASCADE, related_name="next_steps", verbose_name=_("projet")
    )
    title = models.CharField(_("intitulé"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,  # required by the forms and the API; an account deleted leaves the step without owner
        related_name="next_steps",
        verbose_name=_("responsable"),
        help_text=_("Une personne du projet : de l'équipe de la structure, ou invitée sur le projet."),
    )
    due_on = models.DateField(_("échéance"))
    status = models.CharField(_("statut"), max_length=12, choices=NextStepStatus.choices, default=NextStepStatus.TODO)
    stage = models.CharField(
        _("étape de la méthode"),
        max_length=20,
        choices=Stage.choices,
        help_text=_("Par défaut, l'étape où se trouve le projet."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créée par"),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    done_at = models.DateTimeField(_("faite le"), null=True, blank=True)

    objects = NextStepQuerySet.as_manager()

    class Meta:
        verbose_name = _("prochaine étape")
        verbose_name_plural = _("prochaines étapes")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["project", "status", "due_on"], name="next_step_project_open"),
            models.Index(fields=["owner", "status", "due_on"], name="next_step_owner_open"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STEP_STATUSES

    def is_late(self, today) -> bool:
        return self.is_open and self.due_on < today
