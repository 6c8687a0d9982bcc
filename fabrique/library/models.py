"""The network's shared knowledge: tools, method sheets, project notebooks, guides, white papers…

A resource has a body (Markdown), a link and/or a file; replacing the file adds a version, the earlier ones
stay downloadable. Files live in the default storage and are served only through a view that checks rights.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fabrique.core.models import Timestamped
from fabrique.core.vocabulary import Theme
from fabrique.search.visibility import Visibility

from .enums import ResourceKind


def validate_themes(value) -> None:
    if not isinstance(value, list) or any(code not in Theme.values for code in value):
        unknown = [code for code in value if code not in Theme.values] if isinstance(value, list) else [value]
        raise ValidationError(
            _("Thème inconnu : %(codes)s."), code="unknown_theme", params={"codes": ", ".join(map(str, unknown))}
        )


class Resource(Timestamped):
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=90, unique=True, editable=False)
    kind = models.CharField(_("type de ressource"), max_length=20, choices=ResourceKind.choices)
    summary = models.TextField(_("résumé"), max_length=800)
    body = models.TextField(_("contenu"), blank=True, help_text=_("Markdown simple."))
    link = models.URLField(_("lien"), blank=True, help_text=_("Adresse d'une ressource en ligne."))
    themes = models.JSONField(_("thèmes"), default=list, blank=True, validators=[validate_themes])
    author_structure = models.ForeignKey(
        "network.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resources",
        verbose_name=_("structure autrice"),
        help_text=_("Vide : ressource de la coordination du réseau."),
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="authored_resources", verbose_name=_("auteur·rices")
    )
    other_authors = models.CharField(
        _("autres auteur·rices"), max_length=300, blank=True, help_text=_("Personnes extérieures à la plateforme.")
    )
    projects = models.ManyToManyField(
        "method.Project", blank=True, related_name="resources", verbose_name=_("projets liés")
    )
    working_group = models.ForeignKey(
        "community.WorkingGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resources",
        verbose_name=_("groupe de travail"),
    )
    visibility = models.CharField(
        _("visibilité"), max_length=12, choices=Visibility.choices, default=Visibility.NETWORK
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créée par"),
    )
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    history = HistoricalRecords(m2m_fields=[authors, projects])

    class Meta:
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["visibility", "author_structure"]), models.Index(fields=["kind"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("library:resource_detail", args=[self.slug])

    def clean(self):
        if self.visibility == Visibility.STRUCTURE and self.author_structure_id is None:
            raise ValidationError(
                {"visibility": _("Une ressource réservée à une structure doit avoir une structure autrice.")}
            )

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(Theme.choices)
        return [str(labels[code]) for code in self.themes if code in labels]


def file_path(instance: "ResourceFile", filename: str) -> str:
    return f"library/{instance.resource_id}/{instance.number}/{filename}"


class ResourceFile(models.Model):
    """One version of a resource's file. The highest number is the current one; none is ever replaced."""

    resource = models.ForeignKey(Resource, on_delete=models.PROTECT, related_name="files", verbose_name=_("ressource"))
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("fichier"), upload_to=file_path, max_length=300)
    name = models.CharField(_("nom du fichier"), max_length=150)
    file_format = models.CharField(_("format"), max_length=10)
    content_type = models.CharField(_("type de contenu"), max_length=100)
    size = models.PositiveBigIntegerField(_("taille (octets)"))
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64)
    note = models.CharField(_("ce qui change"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("déposé par"),
    )
    uploaded_at = models.DateTimeField(_("déposé le"), default=timezone.now)

    class Meta:
        verbose_name = _("version du fichier")
        verbose_name_plural = _("versions des fichiers")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["resource", "number"], name="unique_resource_file_number")]

    def __str__(self):
        return f"{self.name} (v{self.number})"

    def get_absolute_url(self):
        return reverse("library:file_download", args=[self.resource.slug, self.pk])
