"""Peer committee sessions, the requests on their agenda, the votes and the declared conflicts."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fabrique.core.models import Versioned

from ..enums import ConflictSource, Outcome, SessionStatus, VoteChoice


class CommitteeSession(Versioned):
    held_on = models.DateField(_("date de la séance"))
    deadline = models.DateTimeField(_("date limite des votes"))
    status = models.CharField(_("état"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.OPEN)
    notes = models.TextField(_("notes de la coordination"), blank=True)
    voters = models.ManyToManyField(
        "network.Structure",
        related_name="committee_seats",
        blank=True,
        verbose_name=_("structures votantes"),
        help_text=_("Les structures avec appellation à l'ouverture de la séance ; la liste ne change plus ensuite."),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("ouverte par")
    )
    opened_at = models.DateTimeField(_("ouverte le"), auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("close par"),
    )
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)

    class Meta:
        verbose_name = _("séance du comité de pairs")
        verbose_name_plural = _("séances du comité de pairs")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"Comité de pairs du {formats.date_format(self.held_on, 'j F Y')}"

    def get_absolute_url(self):
        return reverse("appellation:session_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == SessionStatus.OPEN


class AgendaItem(models.Model):
    """A request examined by a session; at closing it keeps the tally and the outcome."""

    session = models.ForeignKey(
        CommitteeSession, on_delete=models.CASCADE, related_name="items", verbose_name=_("séance du comité")
    )
    request = models.ForeignKey(
        "appellation.AppellationRequest",
        on_delete=models.CASCADE,
        related_name="agenda_items",
        verbose_name=_("demande d'appellation"),
    )
    outcome = models.CharField(_("décision"), max_length=20, choices=Outcome.choices, blank=True)
    votes_for = models.PositiveIntegerField(_("favorables"), default=0)
    votes_against = models.PositiveIntegerField(_("défavorables"), default=0)
    votes_abstain = models.PositiveIntegerField(_("abstentions"), default=0)
    eligible_count = models.PositiveIntegerField(_("votants sans conflit"), default=0)
    conflicted_count = models.PositiveIntegerField(_("structures en conflit"), default=0)
    quorum_reached = models.BooleanField(_("quorum atteint"), null=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("demande à l'ordre du jour")
        verbose_name_plural = _("ordre du jour")
        ordering = ["session", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "request"], name="unique_agenda_item")]

    def __str__(self):
        return f"{self.request} — {self.session}"


class Vote(Versioned):
    """The vote of one labelled structure on one request in one session; changeable until the session closes."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="votes", verbose_name=_("point de l'ordre du jour")
    )
    structure = models.ForeignKey(
        "network.Structure", on_delete=models.CASCADE, related_name="appellation_votes", verbose_name=_("structure")
    )
    choice = models.CharField(_("vote"), max_length=10, choices=VoteChoice.choices)
    comment = models.TextField(_("commentaire"), blank=True)
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("par")
    )
    created_at = models.DateTimeField(_("exprimé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["item", "structure__name"]
        constraints = [models.UniqueConstraint(fields=["item", "structure"], name="one_vote_per_structure_and_item")]

    def __str__(self):
        return f"{self.structure} : {self.get_choice_display()}"


class Conflict(models.Model):
    """A declared or recorded conflict of interest; the automatic ones (applicant, collective) are computed."""

    request = models.ForeignKey(
        "appellation.AppellationRequest",
        on_delete=models.CASCADE,
        related_name="conflicts",
        verbose_name=_("demande d'appellation"),
    )
    structure = models.ForeignKey(
        "network.Structure", on_delete=models.CASCADE, related_name="appellation_conflicts", verbose_name=_("structure")
    )
    source = models.CharField(_("origine"), max_length=10, choices=ConflictSource.choices)
    reason = models.TextField(_("motif"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("par")
    )
    created_at = models.DateTimeField(_("le"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("conflit d'intérêts")
        verbose_name_plural = _("conflits d'intérêts")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["request", "structure"], name="one_conflict_per_structure")]

    def __str__(self):
        return f"{self.structure} — {self.request}"
