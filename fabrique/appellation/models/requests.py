"""The appellation request of a structure in experimentation, its attachments and its status log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fabrique.core.french import de
from fabrique.core.models import Versioned
from fabrique.core.transitions import TransitionLog

from ..enums import ACTIVE_REQUEST_STATUSES, RequestStatus
from ..storage import attachment_path, private_storage


class AppellationRequestQuerySet(models.QuerySet):
    def awaiting_session(self):
        return self.filter(status__in=(RequestStatus.SUBMITTED, RequestStatus.DEFERRED))


class AppellationRequest(Versioned):
    # The three criteria of the appellation, each argued in the applicant's own words.
    NARRATIVE_FIELDS = ("usefulness", "partnerships", "know_how")

    structure = models.ForeignKey(
        "network.Structure", on_delete=models.CASCADE, related_name="appellation_requests", verbose_name=_("structure")
    )
    status = models.CharField(
        _("état"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.DRAFT, db_index=True
    )
    usefulness = models.TextField(
        _("utilité du dispositif pour la structure et pour le territoire"),
        blank=True,
        help_text=_("Ce que la Fabrique a apporté au territoire et à votre structure pendant l'expérimentation."),
    )
    partnerships = models.TextField(
        _("diversité des partenaires durablement investis"),
        blank=True,
        help_text=_("Qui s'est engagé à vos côtés, depuis quand, et comment ces partenariats vont durer."),
    )
    know_how = models.TextField(
        _("savoir-faire métier ancré"),
        blank=True,
        help_text=_("Comment la détection, les études d'opportunité et l'accompagnement sont devenus votre métier."),
    )
    evidence = models.JSONField(
        _("éléments chiffrés au dépôt"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Calculés depuis les données de la plateforme au moment du dépôt."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("créée par")
    )
    submitted_at = models.DateTimeField(_("déposée le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décision le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = AppellationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("demande d'appellation")
        verbose_name_plural = _("demandes d'appellation")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["structure"],
                condition=Q(status__in=ACTIVE_REQUEST_STATUSES),
                name="one_active_appellation_request_per_structure",
            )
        ]

    def __str__(self):
        return f"Demande d'appellation {de(str(self.structure))}"

    def get_absolute_url(self):
        return reverse("appellation:request_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == RequestStatus.DRAFT


class RequestAttachment(models.Model):
    """A document joined to a request; stored outside the public media and served after a permission check."""

    request = models.ForeignKey(
        AppellationRequest,
        on_delete=models.PROTECT,
        related_name="attachments",
        verbose_name=_("demande d'appellation"),
    )
    title = models.CharField(_("titre du document"), max_length=200)
    file = models.FileField(_("fichier"), upload_to=attachment_path, storage=private_storage, max_length=255)
    content_type = models.CharField(_("type"), max_length=100, editable=False)
    size = models.PositiveIntegerField(_("taille (octets)"), editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("déposée par")
    )
    uploaded_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("appellation:attachment_download", args=[self.request_id, self.pk])


class RequestLog(TransitionLog):
    """One row per change of state of a request (transitions.REQUEST_TABLE): who, when, from, to, which
    transition, by which way, why, and the committee's session it concerns (agenda and decisions)."""

    request = models.ForeignKey(
        AppellationRequest, on_delete=models.CASCADE, related_name="log", verbose_name=_("demande d'appellation")
    )
    from_status = models.CharField(_("de"), max_length=20, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(_("vers"), max_length=20, choices=RequestStatus.choices)
    session = models.ForeignKey(
        "appellation.CommitteeSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("séance du comité"),
    )

    class Meta:
        verbose_name = _("changement d'état d'une demande")
        verbose_name_plural = _("journal des demandes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.request_id} : {self.from_status or '∅'} → {self.to_status}"
