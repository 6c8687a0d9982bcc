"""The network registry: structures, collectives, partners and partnerships; memberships and invitations."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fabrique.accounts.models import fingerprint
from fabrique.core.models import Timestamped, Versioned
from fabrique.core.transitions import TransitionLog

from .enums import MembershipRole, PartnerKind, StructureStatus
from .validators import validate_siret


class StructureQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=StructureStatus.WITHDRAWN)

    def in_region(self, region_code: str):
        return self.filter(departements__region_id=region_code).distinct()

    def for_listing(self):
        return self.prefetch_related("departements__region", "collectives")


class Structure(Timestamped):
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    legal_form = models.CharField(_("forme juridique"), max_length=100, blank=True)
    parent_network = models.CharField(
        _("réseau d'appartenance"),
        max_length=120,
        blank=True,
        help_text=_("Par exemple France Active, TAg BZH."),
    )
    website = models.URLField(_("site web"), blank=True)
    public_email = models.EmailField(_("e-mail public"), blank=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    description = models.TextField(_("présentation"), blank=True, help_text=_("Markdown simple."))
    departements = models.ManyToManyField(
        "territories.Departement", related_name="structures", verbose_name=_("départements")
    )
    area_label = models.CharField(
        _("territoire d'intervention"),
        max_length=150,
        blank=True,
        help_text=_("Par exemple « Pays Lédonien »."),
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=StructureStatus.choices, default=StructureStatus.CANDIDATE
    )
    joined_on = models.DateField(_("adhésion le"), null=True, blank=True)
    experimenting_since = models.DateField(_("en expérimentation depuis"), null=True, blank=True)
    labelled_on = models.DateField(_("appellation obtenue le"), null=True, blank=True)
    withdrawn_on = models.DateField(_("retrait le"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    objects = StructureQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[departements])

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:structure_detail", args=[self.slug])


class StructureStatusLog(TransitionLog):
    """One row per status change of a structure (services.STATUS_TABLE): who, when, from, to, why."""

    structure = models.ForeignKey(
        Structure, on_delete=models.CASCADE, related_name="status_log", verbose_name=_("structure")
    )
    from_status = models.CharField(_("de"), max_length=20, choices=StructureStatus.choices, blank=True)
    to_status = models.CharField(_("vers"), max_length=20, choices=StructureStatus.choices)
    note = models.TextField(_("motif"), blank=True)

    class Meta:
        verbose_name = _("changement de statut")
        verbose_name_plural = _("journal des statuts")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.structure} : {self.from_status or '∅'} → {self.to_status}"


class Collective(models.Model):
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    description = models.TextField(_("présentation"), blank=True)
    website = models.URLField(_("site web"), blank=True)
    structures = models.ManyToManyField(Structure, related_name="collectives", blank=True, verbose_name=_("membres"))
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    history = HistoricalRecords(m2m_fields=[structures])

    class Meta:
        verbose_name = _("collectif")
        verbose_name_plural = _("collectifs")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:collective_detail", args=[self.slug])


class Partner(Versioned):
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=PartnerKind.choices)
    siret = models.CharField(_("SIRET"), max_length=17, blank=True, validators=[validate_siret])
    website = models.URLField(_("site web"), blank=True)

    class Meta:
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.siret = self.siret.replace(" ", "")
        super().save(*args, **kwargs)


class Partnership(Versioned):
    structure = models.ForeignKey(
        Structure, on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("structure")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("partenaire")
    )
    role = models.CharField(_("rôle"), max_length=200, blank=True)
    since = models.DateField(_("depuis"), null=True, blank=True)
    until = models.DateField(_("jusqu'au"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("partenariat")
        verbose_name_plural = _("partenariats")
        ordering = ["partner__name"]
        constraints = [
            models.UniqueConstraint(fields=["structure", "partner"], name="unique_partnership"),
            models.CheckConstraint(
                condition=models.Q(until__isnull=True)
                | models.Q(since__isnull=True)
                | models.Q(until__gte=models.F("since")),
                name="partnership_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.partner} — {self.structure}"


class Membership(Versioned):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("personne")
    )
    structure = models.ForeignKey(
        "network.Structure", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("structure")
    )
    role = models.CharField(_("rôle"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.STAFF)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("appartenance à une structure")
        verbose_name_plural = _("appartenances aux structures")
        constraints = [models.UniqueConstraint(fields=["user", "structure"], name="unique_membership")]

    def __str__(self):
        return f"{self.user} — {self.structure} ({self.get_role_display()})"


def default_invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class SingleUseLink:
    """What an invitation by e-mail link is, whatever it grants (a structure's membership here, a place on a project in
    the workspace): only the token's fingerprint is stored (`token_hash`); the link serves once, until `expires_at`,
    unless `revoked_at`. The model declares those fields and `accepted_at`."""

    @staticmethod
    def hash_token(raw: str) -> str:
        return fingerprint(raw)

    def issue_token(self) -> str:
        raw = secrets.token_urlsafe(32)
        self.token_hash = fingerprint(raw)
        return raw

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class Invitation(SingleUseLink, models.Model):
    """A single-use e-mail link that creates an account, optionally with a membership."""

    email = models.EmailField(_("adresse e-mail"))
    structure = models.ForeignKey(
        "network.Structure",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("structure"),
    )
    role = models.CharField(_("rôle"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.STAFF)
    as_coordinator = models.BooleanField(_("invité·e comme coordination"), default=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False, verbose_name=_("empreinte du jeton"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
        verbose_name=_("envoyée par"),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    expires_at = models.DateTimeField(default=default_invitation_expiry, verbose_name=_("expire le"))
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
        verbose_name=_("acceptée par"),
    )
    revoked_at = models.DateTimeField(_("annulée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email
