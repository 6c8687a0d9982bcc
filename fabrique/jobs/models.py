"""A job of the queue as the platform sees it (what to call, how often it was tried, its last error), and the
periods in which each periodic job was already enqueued."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import JobStatus


class Job(models.Model):
    """One call of `handler(**payload)`, run by the worker after the commit that enqueued it.

    `key` makes it idempotent: a second job with the same key is never created, so an e-mail keyed by what it
    tells is sent once, however often the code that sends it runs."""

    key = models.CharField(_("clé"), max_length=200, unique=True)
    handler = models.CharField(_("fonction"), max_length=200)
    payload = models.JSONField(_("arguments"), default=dict)
    status = models.CharField(_("état"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    started_at = models.DateTimeField(_("dernier essai le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("tâche de fond")
        verbose_name_plural = _("tâches de fond")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return f"{self.handler} ({self.key})"


class PeriodicRun(models.Model):
    """A periodic job enqueued for one period: the unique pair (name, period) makes a second scheduler run in the
    same period enqueue nothing."""

    name = models.CharField(_("tâche périodique"), max_length=100)
    period = models.CharField(_("période"), max_length=20)
    job = models.OneToOneField(Job, on_delete=models.CASCADE, related_name="periodic_run", verbose_name=_("tâche"))
    enqueued_at = models.DateTimeField(_("mise en file le"), auto_now_add=True)

    class Meta:
        verbose_name = _("passage d'une tâche périodique")
        verbose_name_plural = _("passages des tâches périodiques")
        ordering = ["-enqueued_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["name", "period"], name="unique_periodic_run")]

    def __str__(self):
        return f"{self.name} {self.period}"
