from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    """What a notification tells; each person chooses, per kind, how it reaches them (Delivery)."""

    SESSION_OPENED = "session_opened", _("séance d'appellation ouverte")
    DEADLINE_REMINDER = "deadline_reminder", _("rappel avant la fin d'un vote")
    DECISION = "decision", _("décision sur une demande d'appellation")
    REQUEST_SUBMITTED = "request_submitted", _("demande d'appellation déposée")
    CONFLICT_RECORDED = "conflict_recorded", _("conflit d'intérêts enregistré")
    PROJECT_MOVED = "project_moved", _("projet passé à une autre étape")
    PROJECT_DECISION = "project_decision", _("décision de comité de pilotage enregistrée")
    EVENT_CHANGED = "event_changed", _("événement modifié")
    EVENT_CANCELLED = "event_cancelled", _("événement annulé")
    INVITATION = "invitation", _("invitation dans une structure")
    PROJECT_INVITATION = "project_invitation", _("invitation sur un projet")
    PROJECT_MESSAGE = "project_message", _("message dans l'espace d'un projet")
    MENTION = "mention", _("mention dans un message")
    NEXT_STEP_ASSIGNED = "next_step_assigned", _("prochaine étape confiée")
    NEXT_STEP_DUE = "next_step_due", _("prochaine étape bientôt due ou en retard")
    PROJECT_DOCUMENT = "project_document", _("document ajouté à un projet")


class Delivery(models.TextChoices):
    NOW = "now", _("par e-mail, tout de suite")
    DAILY = "daily", _("dans un résumé quotidien")
    WEEKLY = "weekly", _("dans un résumé hebdomadaire")
    NONE = "none", _("sur le site seulement")
