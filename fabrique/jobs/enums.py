from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("en file")
    RUNNING = "running", _("en cours")
    RETRYING = "retrying", _("à relancer")
    DONE = "done", _("faite")
    FAILED = "failed", _("en échec")


# A job in these states is run when the queue hands it over; in any other, a second delivery does nothing.
RUNNABLE = (JobStatus.QUEUED, JobStatus.RETRYING)


class Period(models.TextChoices):
    HOURLY = "hourly", _("chaque heure")
    DAILY = "daily", _("chaque jour")
    WEEKLY = "weekly", _("chaque semaine")
