"""Needs and ideas detected on a territory, and the creativity sessions that produce them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fabrique.core.models import Timestamped, Versioned
from fabrique.core.vocabulary import Theme

from ..enums import NeedSource, NeedStatus


class CreativitySessionQuerySet(models.QuerySet):
    def in_year(self, year: int):
        return self.filter(held_on__year=year)


class CreativitySession(Timestamped):
    """A local collective event that produces needs and ideas; counted in the network's indicators."""

    structure = models.ForeignKey(
        "network.Structure", on_delete=models.PROTECT, related_name="creativity_sessions", verbose_name=_("structure")
    )
    title = models.CharField(_("intitulé"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(
        _("lieu"), max_length=200, help_text=_("Commune et salle, par exemple « Morlaix, salle des fêtes ».")
    )
    departement = models.ForeignKey(
        "territories.Departement", on_delete=models.PROTECT, related_name="+", verbose_name=_("département")
    )
    organisers = models.TextField(
        _("organisateurs"), blank=True, help_text=_("Les personnes et organisations qui ont animé la séance.")
    )
    partners = models.ManyToManyField(
        "network.Partner", blank=True, related_name="creativity_sessions", verbose_name=_("partenaires associés")
    )
    participants_count = models.PositiveIntegerField(
        _("nombre de participant·es"), validators=[MaxValueValidator(100_000)]
    )
    description = models.TextField(_("déroulé et enseignements"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créée par"),
    )
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    objects = CreativitySessionQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        verbose_name = _("séance de créativité")
        verbose_name_plural = _("séances de créativité")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["structure", "held_on"])]

    def __str__(self):
        return f"{self.title} ({self.held_on:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("method:session_detail", args=[self.pk])


class NeedQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=[NeedStatus.NEW, NeedStatus.QUALIFIED])

    def in_year(self, year: int):
        return self.filter(detected_on__year=year)


class Need(Versioned, Timestamped):
    """A social need or an idea detected on a territory, not yet a project.

    Who brought it is personal data: shown to the structure's members and the coordinator only.
    """

    structure = models.ForeignKey(
        "network.Structure", on_delete=models.PROTECT, related_name="needs", verbose_name=_("structure")
    )
    title = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    theme = models.CharField(_("thème"), max_length=20, choices=Theme.choices)
    departement = models.ForeignKey(
        "territories.Departement", on_delete=models.PROTECT, related_name="+", verbose_name=_("département")
    )
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    source = models.CharField(_("origine"), max_length=30, choices=NeedSource.choices)
    session = models.ForeignKey(
        CreativitySession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("séance de créativité"),
        help_text=_("La séance qui a fait émerger ce besoin ou cette idée, le cas échéant."),
    )
    brought_by_name = models.CharField(_("apporté par (nom)"), max_length=150, blank=True)
    brought_by_contact = models.CharField(
        _("coordonnées"), max_length=200, blank=True, help_text=_("E-mail ou téléphone ; jamais publié.")
    )
    brought_by_consent = models.BooleanField(
        _("la personne accepte d'être recontactée"),
        default=False,
        help_text=_("Son consentement à la conservation de ses coordonnées."),
    )
    # The retention of who brought the need runs from here (fabrique.privacy.retention); set by save().
    brought_by_consent_on = models.DateField(_("consentement recueilli le"), null=True, blank=True, editable=False)
    detected_on = models.DateField(_("détecté le"), default=timezone.localdate)
    status = models.CharField(_("statut"), max_length=12, choices=NeedStatus.choices, default=NeedStatus.NEW)
    status_reason = models.TextField(_("motif"), blank=True, help_text=_("Obligatoire quand le besoin est écarté."))
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_needs",
        verbose_name=_("fusionné dans"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créé par"),
    )

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("besoin ou idée")
        verbose_name_plural = _("besoins et idées")
        ordering = ["-detected_on", "-pk"]
        indexes = [models.Index(fields=["structure", "status"]), models.Index(fields=["detected_on"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Dates the consent when it is given, forgets the date when it is withdrawn."""
        if not self.brought_by_consent:
            self.brought_by_consent_on = None
        elif self.brought_by_consent_on is None:
            self.brought_by_consent_on = timezone.localdate()
        fields = kwargs.get("update_fields")
        if fields is not None and "brought_by_consent" in fields:
            kwargs["update_fields"] = {*fields, "brought_by_consent_on"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("method:need_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.status == NeedStatus.DISMISSED and not self.status_reason.strip():
            errors["status_reason"] = _("Indiquez pourquoi ce besoin est écarté.")
        if self.status == NeedStatus.MERGED:
            if self.merged_into_id is None:
                errors["merged_into"] = _("Indiquez le besoin dans lequel celui-ci est fusionné.")
            elif self.merged_into_id == self.pk:
                errors["merged_into"] = _("Un besoin ne peut pas être fusionné dans lui-même.")
            elif self.merged_into.structure_id != self.structure_id:
                errors["merged_into"] = _("Le besoin choisi appartient à une autre structure.")
        elif self.merged_into_id is not None:
            errors["merged_into"] = _("Seul un besoin au statut « fusionné » pointe vers un autre besoin.")
        if self.session_id is not None and self.session.structure_id != self.structure_id:
            errors["session"] = _("Cette séance de créativité appartient à une autre structure.")
        if self.brought_by_contact.strip() and not self.brought_by_consent:
            errors["brought_by_contact"] = _(
                "Sans le consentement de la personne, ne conservez pas ses coordonnées "
                "(cochez la case ou videz ce champ)."
            )
        if self.detected_on and self.detected_on > timezone.localdate():
            errors["detected_on"] = _("La date de détection ne peut pas être dans le futur.")
        if errors:
            raise ValidationError(errors)
