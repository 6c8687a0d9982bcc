from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectRole(models.TextChoices):
    """What a person who is not of the structure's team is on a project. The team (the structure's members) is
    on every project of its structure without a row."""

    CARRIER = "carrier", _("porteur ou porteuse du projet")
    PARTNER = "partner", _("partenaire")
    EXPERT = "expert", _("expert·e extérieur·e")


class NextStepStatus(models.TextChoices):
    """Where a next step stands; all but `done` are open (listed, reminded, shown on the board)."""

    TODO = "todo", _("à faire")
    IN_PROGRESS = "in_progress", _("en cours")
    BLOCKED = "blocked", _("bloquée")
    DONE = "done", _("faite")


OPEN_STEP_STATUSES: tuple[str, ...] = (NextStepStatus.TODO, NextStepStatus.IN_PROGRESS, NextStepStatus.BLOCKED)


class DocumentKind(models.TextChoices):
    OPPORTUNITY_STUDY = "opportunity_study", _("étude d'opportunité")
    BUSINESS_PLAN = "business_plan", _("business plan")
    MINUTES = "minutes", _("compte rendu")
    OTHER = "other", _("autre")


class DocumentVisibility(models.TextChoices):
    """Who reads a project's document: its team (and the coordination), or everyone on the project."""

    TEAM = "team", _("équipe seulement")
    PROJECT = "project", _("toutes les personnes du projet")
