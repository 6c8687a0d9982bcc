from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceKind(models.TextChoices):
    TOOL = "tool", _("outil")
    METHOD_SHEET = "method_sheet", _("fiche méthode")
    PROJECT_NOTEBOOK = "project_notebook", _("carnet de projets")
    GUIDE = "guide", _("guide")
    WHITE_PAPER = "white_paper", _("livre blanc")
    DOCUMENT_TEMPLATE = "document_template", _("modèle de document")
    EXPERIENCE_REPORT = "experience_report", _("retour d'expérience")
