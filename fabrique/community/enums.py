from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    PRACTICE_EXCHANGE = "practice_exchange", _("échange de pratiques")
    TRAINING = "training", _("formation")
    NATIONAL_MEETING = "national_meeting", _("rencontre nationale")
    WEBINAR = "webinar", _("webinaire")
    OUTSIDE_EXPERTISE = "outside_expertise", _("expertise extérieure")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("inscrit·e")
    WAITLISTED = "waitlisted", _("en liste d'attente")
    CANCELLED = "cancelled", _("désinscrit·e")


class GroupRole(models.TextChoices):
    LEAD = "lead", _("animateur·rice")
    MEMBER = "member", _("membre")
