"""Projects: what a structure co-constructs in answer to needs, moved through the method's stages."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fabrique.core.models import Timestamped, Versioned
from fabrique.core.reversing import reverse_one
from fabrique.core.transitions import TransitionLog
from fabrique.core.vocabulary import Theme

from ..enums import CarrierKind, PartnerRole, Stage


class ProjectQuerySet(models.QuerySet):
    def public_activities(self):
        """Created activities whose project is flagged public: the only projects the public sees."""
        return self.filter(stage=Stage.CREATED, is_public=True)

    def in_year(self, year: int):
        return self.filter(detected_on__year=year)

    def in_departement(self, code: str):
        return self.filter(pk__in=Project.departements.through.objects.filter(departement_id=code).values("project_id"))


class Project(Timestamped):
    """An emerging activity. Its `stage` changes only through the stage verbs of `method.services` (one per
    transition of `method.stages.STAGE_TABLE`), which write the log."""

    structure = models.ForeignKey(
        "network.Structure", on_delete=models.PROTECT, related_name="projects", verbose_name=_("structure")
    )
    title = models.CharField(_("intitulé"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=90, unique=True, editable=False)
    summary = models.TextField(_("résumé"), blank=True)
    needs = models.ManyToManyField(
        "method.Need", blank=True, related_name="projects", verbose_name=_("besoins et idées à l'origine")
    )
    theme = models.CharField(_("thème"), max_length=20, choices=Theme.choices)
    departements = models.ManyToManyField(
        "territories.Departement", related_name="method_projects", verbose_name=_("départements")
    )
    detected_on = models.DateField(
        _("détecté le"), default=timezone.localdate, help_text=_("Date de détection du besoin ou de l'idée.")
    )
    stage = models.CharField(
        _("étape"), max_length=20, choices=Stage.choices, default=Stage.DETECTION, editable=False, db_index=True
    )
    stopped_at = models.CharField(
        _("arrêté à l'étape"), max_length=20, choices=Stage.choices, blank=True, editable=False
    )
    stop_reason = models.TextField(_("motif de l'arrêt"), blank=True, editable=False)
    stage_changed_at = models.DateTimeField(_("étape changée le"), default=timezone.now, editable=False)
    carrier_name = models.CharField(
        _("porteur de projet"),
        max_length=200,
        blank=True,
        help_text=_("La personne ou l'organisation à qui le projet est transmis."),
    )
    carrier_kind = models.CharField(_("type de porteur"), max_length=30, choices=CarrierKind.choices, blank=True)
    carrier_contact = models.CharField(
        _("coordonnées du porteur"), max_length=200, blank=True, help_text=_("E-mail ou téléphone ; jamais publié.")
    )
    is_public = models.BooleanField(
        _("publier l'activité une fois créée"),
        default=False,
        help_text=_("L'activité créée apparaît sur la page publique, sans coordonnées ni nom de personne."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créé par"),
    )
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    objects = ProjectQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[departements, needs])

    class Meta:
        verbose_name = _("projet")
        verbose_name_plural = _("projets")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["structure", "stage"]),
            models.Index(fields=["detected_on"]),
            # the API list and "recently changed" sort: a page is read from the index, not sorted from the table
            models.Index(fields=["-updated_at", "-id"], name="method_project_recent"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_one("method:project_detail", self.pk)

    def get_public_url(self):
        return reverse_one("method:activity_detail", self.slug)

    def clean(self):
        errors = {}
        if self.detected_on and self.detected_on > timezone.localdate():
            errors["detected_on"] = _("La date de détection ne peut pas être dans le futur.")
        elif self.detected_on and self.pk:
            try:
                created_on = self.outcome.created_on
            except ObjectDoesNotExist:
                created_on = None
            if created_on and self.detected_on > created_on:
                errors["detected_on"] = _(
                    "La date de détection ne peut pas suivre la date de création de l'activité (%(date)s)."
                ) % {"date": f"{created_on:%d/%m/%Y}"}
        if self.carrier_name.strip() and not self.carrier_kind:
            errors["carrier_kind"] = _("Précisez le type de porteur.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_public_activity(self) -> bool:
        return self.stage == Stage.CREATED and self.is_public

    @property
    def public_carrier_name(self) -> str:
        """The carrier's name when it is an organisation; a person's name is never published."""
        return self.carrier_name if self.carrier_kind == CarrierKind.ESS_ORGANISATION else ""


class ProjectPartner(Versioned):
    """A partner organisation of the network involved in one project, with its role there."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="project_partners", verbose_name=_("projet")
    )
    partner = models.ForeignKey(
        "network.Partner", on_delete=models.PROTECT, related_name="project_roles", verbose_name=_("partenaire")
    )
    role = models.CharField(_("rôle dans le projet"), max_length=30, choices=PartnerRole.choices)
    note = models.CharField(_("précision"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("partenaire du projet")
        verbose_name_plural = _("partenaires du projet")
        ordering = ["partner__name", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "partner", "role"], name="unique_project_partner_role")
        ]

    def __str__(self):
        return f"{self.partner} — {self.get_role_display()}"


class ProjectStageLog(TransitionLog):
    """One row per stage change of a project (stages.STAGE_TABLE): from, to, which transition, when, who, note,
    by which way. Never edited. `dated` is false on a row an import had to add without a date (a stage the
    project went through between two dated rows): the stage durations leave it out."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stage_log", verbose_name=_("projet"))
    from_status = models.CharField(_("de"), max_length=20, choices=Stage.choices, blank=True)
    to_status = models.CharField(_("vers"), max_length=20, choices=Stage.choices)
    dated = models.BooleanField(
        _("date connue"),
        default=True,
        help_text=_("Faux pour une étape qu'un import a reconstituée sans date : elle ne compte pas dans les durées."),
    )

    class Meta:
        verbose_name = _("changement d'étape")
        verbose_name_plural = _("journal des étapes")
        ordering = ["pk"]
        # the indicators count the moves of a year, and read the date of the latest one
        indexes = [models.Index(fields=["changed_at"], name="method_stagelog_changed_at")]

    def __str__(self):
        return f"{self.project} : {self.from_status or '∅'} → {self.to_status}"


class ProjectNote(Versioned):
    """A dated note in the project's timeline (a meeting, a call, a lead)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="notes", verbose_name=_("projet"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("auteur·rice")
    )
    written_at = models.DateTimeField(_("écrite le"), default=timezone.now)
    text = models.TextField(_("note"))

    class Meta:
        verbose_name = _("note de suivi")
        verbose_name_plural = _("notes de suivi")
        ordering = ["-written_at", "-pk"]

    def __str__(self):
        return f"{self.project} — {self.written_at:%d/%m/%Y}"
