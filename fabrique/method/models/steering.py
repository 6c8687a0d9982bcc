"""Steering committee decisions, the economic model of the feasibility study, and the outcome."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fabrique.core.models import Versioned
from fabrique.network.validators import validate_siret

from ..enums import DecisionChoice, DecisionSubject, LegalForm

PERCENT = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]
POSITIVE = [MinValueValidator(Decimal(0))]
FTE = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(10_000))]


class SteeringDecision(models.Model):
    """A decision of the project's local steering committee (comité de pilotage)."""

    project = models.ForeignKey(
        "method.Project", on_delete=models.CASCADE, related_name="decisions", verbose_name=_("projet")
    )
    decided_on = models.DateField(_("date du comité"))
    subject = models.CharField(_("objet"), max_length=20, choices=DecisionSubject.choices)
    choice = models.CharField(_("décision"), max_length=12, choices=DecisionChoice.choices)
    attendee_partners = models.ManyToManyField(
        "network.Partner", blank=True, related_name="steering_decisions", verbose_name=_("partenaires présents")
    )
    attendees = models.TextField(
        _("autres participant·es"), blank=True, help_text=_("Élu·es et personnes présentes ; jamais publié.")
    )
    note = models.TextField(_("compte rendu"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enregistrée par"),
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False, verbose_name=_("enregistrée le"))
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    history = HistoricalRecords(m2m_fields=[attendee_partners])

    class Meta:
        verbose_name = _("décision du comité de pilotage")
        verbose_name_plural = _("décisions du comité de pilotage")
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return f"{self.get_subject_display()} : {self.get_choice_display()} ({self.decided_on:%d/%m/%Y})"

    def clean(self):
        if self.decided_on and self.decided_on > timezone.localdate():
            raise ValidationError({"decided_on": _("Un comité à venir ne se consigne pas : sa date est future.")})


class EconomicModel(Versioned):
    """The carrier's economic model, drawn during the feasibility study. Revenue shares add up to 100 %."""

    SHARE_FIELDS = ("share_sales", "share_public_subsidies", "share_private_funding", "share_other")

    project = models.OneToOneField(
        "method.Project", on_delete=models.CASCADE, related_name="economic_model", verbose_name=_("projet")
    )
    total_budget = models.DecimalField(_("budget total (€)"), max_digits=12, decimal_places=2, validators=POSITIVE)
    share_sales = models.DecimalField(_("ventes (%)"), max_digits=5, decimal_places=2, validators=PERCENT)
    share_public_subsidies = models.DecimalField(
        _("subventions publiques (%)"), max_digits=5, decimal_places=2, validators=PERCENT
    )
    share_private_funding = models.DecimalField(
        _("financements privés (%)"), max_digits=5, decimal_places=2, validators=PERCENT
    )
    share_other = models.DecimalField(_("autres recettes (%)"), max_digits=5, decimal_places=2, validators=PERCENT)
    break_even_year = models.PositiveSmallIntegerField(
        _("année d'équilibre prévue"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    jobs_planned_fte = models.DecimalField(
        _("emplois prévus (ETP)"), max_digits=7, decimal_places=2, default=Decimal(0), validators=FTE
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("modèle économique")
        verbose_name_plural = _("modèles économiques")

    def __str__(self):
        return f"{_('Modèle économique')} — {self.project}"

    def shares(self) -> list[tuple[str, Decimal]]:
        """(label, share) for each revenue source, in the order of the form."""
        return [(str(self._meta.get_field(name).verbose_name), getattr(self, name)) for name in self.SHARE_FIELDS]

    def clean(self):
        values = [getattr(self, name) for name in self.SHARE_FIELDS]
        if any(value is None for value in values):
            return
        total = sum(values)
        if total != 100:
            detail = ", ".join(f"{label} {share.normalize():f}" for label, share in self.shares())
            raise ValidationError(
                _("La répartition des recettes (%(detail)s) totalise %(total)s %% : elle doit faire 100 %%."),
                code="shares_total",
                params={"detail": detail, "total": f"{total.normalize():f}"},
            )


def years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Outcome(Versioned):
    """The created activity: creation date, legal form, SIRET, jobs, and the follow-ups at 1 and 3 years."""

    project = models.OneToOneField(
        "method.Project", on_delete=models.CASCADE, related_name="outcome", verbose_name=_("projet")
    )
    created_on = models.DateField(_("date de création"))
    legal_form = models.CharField(_("forme juridique"), max_length=20, choices=LegalForm.choices)
    siret = models.CharField(_("SIRET"), max_length=17, blank=True, validators=[validate_siret])
    jobs_fte = models.DecimalField(
        _("emplois créés (ETP)"), max_digits=7, decimal_places=2, default=Decimal(0), validators=FTE
    )
    followup_1y_active = models.BooleanField(_("active à 1 an"), null=True, blank=True)
    followup_1y_jobs_fte = models.DecimalField(
        _("emplois à 1 an (ETP)"), max_digits=7, decimal_places=2, null=True, blank=True, validators=FTE
    )
    followup_3y_active = models.BooleanField(_("active à 3 ans"), null=True, blank=True)
    followup_3y_jobs_fte = models.DecimalField(
        _("emplois à 3 ans (ETP)"), max_digits=7, decimal_places=2, null=True, blank=True, validators=FTE
    )
    note = models.TextField(
        _("commentaire public"),
        blank=True,
        help_text=_("Affiché sur la page publique de l'activité : aucune donnée personnelle."),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("résultat")
        verbose_name_plural = _("résultats")

    def __str__(self):
        return f"{_('Résultat')} — {self.project}"

    def save(self, *args, **kwargs):
        self.siret = self.siret.replace(" ", "")
        super().save(*args, **kwargs)

    @property
    def followup_1y_due(self) -> date:
        return years_after(self.created_on, 1)

    @property
    def followup_3y_due(self) -> date:
        return years_after(self.created_on, 3)

    def clean(self):
        if self.created_on is None:
            return
        errors = {}
        today = timezone.localdate()
        if self.created_on > today:
            errors["created_on"] = _("La date de création ne peut pas être dans le futur.")
        elif self.project_id and self.created_on < self.project.detected_on:
            errors["created_on"] = _(
                "La date de création (%(created)s) précède la date de détection du projet (%(detected)s)."
            ) % {"created": f"{self.created_on:%d/%m/%Y}", "detected": f"{self.project.detected_on:%d/%m/%Y}"}
        for years, active, jobs in (
            (1, "followup_1y_active", "followup_1y_jobs_fte"),
            (3, "followup_3y_active", "followup_3y_jobs_fte"),
        ):
            due = years_after(self.created_on, years)
            recorded = getattr(self, active) is not None or getattr(self, jobs) is not None
            if recorded and due > today:
                errors[active] = _("Ce suivi se renseigne à partir du %(due)s.") % {"due": f"{due:%d/%m/%Y}"}
            elif getattr(self, active) is False and getattr(self, jobs):
                errors[jobs] = _("Une activité qui n'est plus active ne compte pas d'emplois.")
        if errors:
            raise ValidationError(errors)
