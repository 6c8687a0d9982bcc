"""Network life: events with registrations, working groups, news, and testimonials (shown on structure
pages and the home page)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fabrique.core.models import Versioned
from fabrique.core.vocabulary import Theme
from fabrique.search.visibility import Visibility

from .enums import EventKind, GroupRole, RegistrationStatus

# Events and news are public or for the network; "structure" is for the library's drafts and notes.
PUBLICATION_CHOICES = [
    (Visibility.PUBLIC.value, Visibility.PUBLIC.label),
    (Visibility.NETWORK.value, Visibility.NETWORK.label),
]


class Testimonial(Versioned):
    quote = models.TextField(_("citation"))
    person = models.CharField(_("personne"), max_length=150)
    role = models.CharField(_("fonction"), max_length=200, blank=True)
    structure = models.ForeignKey(
        "network.Structure",
        on_delete=models.CASCADE,
        related_name="testimonials",
        null=True,
        blank=True,
        verbose_name=_("structure"),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    featured = models.BooleanField(_("à la une"), default=False)

    class Meta:
        verbose_name = _("témoignage")
        verbose_name_plural = _("témoignages")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.person} — {self.quote[:40]}…"


class WorkingGroup(Versioned):
    """Members of several structures working together on a theme, with their resources and events."""

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    theme = models.CharField(_("thème"), max_length=20, choices=Theme.choices)
    description = models.TextField(_("présentation"), blank=True, help_text=_("Markdown simple."))
    visibility = models.CharField(
        _("visibilité"), max_length=12, choices=PUBLICATION_CHOICES, default=Visibility.NETWORK
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="GroupMembership", related_name="working_groups", verbose_name=_("membres")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créé le"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("modifié le"))

    class Meta:
        verbose_name = _("groupe de travail")
        verbose_name_plural = _("groupes de travail")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:group_detail", args=[self.slug])


class GroupMembership(Versioned):
    group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("groupe")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships", verbose_name=_("personne")
    )
    role = models.CharField(_("rôle"), max_length=10, choices=GroupRole.choices, default=GroupRole.MEMBER)
    joined_at = models.DateTimeField(_("depuis le"), default=timezone.now)

    class Meta:
        verbose_name = _("membre d'un groupe de travail")
        verbose_name_plural = _("membres des groupes de travail")
        ordering = ["role", "joined_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="unique_group_membership")]

    def __str__(self):
        return f"{self.user} — {self.group}"


CANCEL_REASON_MAX_LENGTH = 2000


class EventQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())


class Event(Versioned):
    """A moment of network life: practice exchange, training, national meeting, webinar, outside expertise."""

    title = models.CharField(_("intitulé"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=90, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    summary = models.TextField(_("résumé"), max_length=600, blank=True)
    description = models.TextField(_("programme"), blank=True, help_text=_("Markdown simple."))
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    place = models.CharField(_("lieu"), max_length=200, blank=True, help_text=_("Adresse, ville ; vide si en ligne."))
    departement = models.ForeignKey(
        "territories.Departement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("département du lieu"),
    )
    online_url = models.URLField(_("lien de connexion"), blank=True)
    organiser = models.ForeignKey(
        "network.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organised_events",
        verbose_name=_("structure organisatrice"),
        help_text=_("Vide : organisé par la coordination du réseau."),
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("groupe de travail"),
    )
    theme = models.CharField(_("thème"), max_length=20, choices=Theme.choices, blank=True)
    capacity = models.PositiveIntegerField(
        _("nombre de places"), null=True, blank=True, help_text=_("Vide : sans limite.")
    )
    registration_closes_at = models.DateTimeField(
        _("clôture des inscriptions"), null=True, blank=True, help_text=_("Vide : au début de l'événement.")
    )
    visibility = models.CharField(
        _("visibilité"), max_length=12, choices=PUBLICATION_CHOICES, default=Visibility.NETWORK
    )
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)
    cancel_reason = models.TextField(_("motif de l'annulation"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créé par"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créé le"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("modifié le"))

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["visibility", "starts_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gte=models.F("starts_at")), name="event_dates_ordered"),
            models.CheckConstraint(
                condition=models.Q(cancelled_at__isnull=True) | ~models.Q(cancel_reason=""),
                name="event_cancellation_has_a_reason",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:event_detail", args=[self.slug])

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("La fin de l'événement doit suivre son début.")
        if not self.place.strip() and not self.online_url:
            errors["place"] = _("Indiquez un lieu ou un lien de connexion.")
        if self.registration_closes_at and self.starts_at and self.registration_closes_at > self.ends_at:
            errors["registration_closes_at"] = _("Les inscriptions doivent fermer avant la fin de l'événement.")
        if errors:
            raise ValidationError(errors)

    @property
    def closes_at(self):
        return self.registration_closes_at or self.starts_at

    def is_past(self, now=None) -> bool:
        return self.ends_at < (now or timezone.now())

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def registration_is_open(self, now=None) -> bool:
        """Never for a cancelled event; otherwise until registrations close."""
        return not self.is_cancelled and (now or timezone.now()) < self.closes_at

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.place.strip()


class EventSpeaker(Versioned):
    """Who speaks: a member of the network or an outside expert."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("événement"))
    name = models.CharField(_("nom"), max_length=150)
    role = models.CharField(_("fonction"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    is_external = models.BooleanField(_("expert·e extérieur·e au réseau"), default=False)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("intervenant·e")
        verbose_name_plural = _("intervenant·es")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class Registration(Versioned):
    """One person's place at an event, for one structure: confirmed, on the waiting list or cancelled; then
    present or absent. Changed only through `community.services.registrations`."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("événement")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("personne"),
    )
    structure = models.ForeignKey(
        "network.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("pour la structure"),
    )
    status = models.CharField(_("statut"), max_length=12, choices=RegistrationStatus.choices)
    attended = models.BooleanField(_("présence"), null=True, blank=True)
    registered_at = models.DateTimeField(_("inscrit·e le"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("statut changé le"), default=timezone.now)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["registered_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="unique_event_registration")]
        indexes = [models.Index(fields=["event", "status", "registered_at"])]

    def __str__(self):
        return f"{self.user} — {self.event} ({self.get_status_display()})"


class NewsPostQuerySet(models.QuerySet):
    def published(self, today=None):
        return self.filter(published_on__isnull=False, published_on__lte=today or timezone.localdate())


class NewsPost(models.Model):
    """A publication of the network; public posts make the Atom feed."""

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=90, unique=True)
    summary = models.TextField(_("chapô"), max_length=600, blank=True)
    body = models.TextField(_("texte"), help_text=_("Markdown simple."))
    visibility = models.CharField(
        _("visibilité"), max_length=12, choices=PUBLICATION_CHOICES, default=Visibility.PUBLIC
    )
    published_on = models.DateField(
        _("publiée le"), null=True, blank=True, help_text=_("Vide : brouillon, visible de la coordination seule.")
    )
    source_url = models.URLField(_("source"), blank=True)
    testimonials = models.ManyToManyField(
        Testimonial, blank=True, related_name="news_posts", verbose_name=_("témoignages cités")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("auteur·rice"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("créée le"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("modifiée le"))
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    objects = NewsPostQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[testimonials])

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")
        ordering = ["-published_on", "-pk"]
        indexes = [models.Index(fields=["visibility", "published_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:news_detail", args=[self.slug])

    def is_published(self, today=None) -> bool:
        return self.published_on is not None and self.published_on <= (today or timezone.localdate())
