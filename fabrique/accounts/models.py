"""Users log in with their e-mail; personal API tokens. Memberships and invitations live in fabrique.network."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("L'adresse e-mail est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, is_coordinator=True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("adresse e-mail"), unique=True)
    first_name = models.CharField(_("prénom"), max_length=150, blank=True)
    last_name = models.CharField(_("nom"), max_length=150, blank=True)
    is_coordinator = models.BooleanField(
        _("coordination du réseau"), default=False, help_text=_("Membre de l'équipe nationale d'animation.")
    )
    is_active = models.BooleanField(_("actif"), default=True)
    is_staff = models.BooleanField(_("accès à l'administration"), default=False)
    date_joined = models.DateTimeField(_("inscrit le"), default=timezone.now)
    partner_departements = models.ManyToManyField(
        "territories.Departement",
        blank=True,
        related_name="partner_users",
        verbose_name=_("départements suivis (partenaire)"),
        help_text=_("Un partenaire ou financeur lit l'avancement sur ces départements."),
    )
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    objects = UserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    # An erased person's account keeps its id (authored rows point to it) under this reserved domain.
    ERASED_DOMAIN = "personne-effacee.invalid"

    class Meta:
        verbose_name = _("utilisateur·rice")
        verbose_name_plural = _("utilisateur·rices")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        super().save(*args, **kwargs)

    def get_full_name(self):
        if self.is_erased:
            return gettext("personne effacée")
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.get_full_name() if self.is_erased else self.first_name or self.email

    @classmethod
    def erased_email(cls, pk: int) -> str:
        return f"effacee-{pk}@{cls.ERASED_DOMAIN}"

    @property
    def is_erased(self) -> bool:
        """Erased through fabrique.privacy: shown everywhere as « personne effacée »."""
        return self.email.endswith("@" + self.ERASED_DOMAIN)


def fingerprint(raw: str) -> str:
    """The stored fingerprint of a secret sent once (API token, invitation link)."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal token for scripts; only its hash is stored."""

    PREFIX = "fab_"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("personne")
    )
    name = models.CharField(_("nom"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False, verbose_name=_("empreinte du jeton"))
    hint = models.CharField(max_length=12, editable=False, verbose_name=_("début du jeton"))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, verbose_name=_("dernière utilisation"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("révoqué le"))

    class Meta:
        verbose_name = _("jeton d'API")
        verbose_name_plural = _("jetons d'API")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, token_hash=fingerprint(raw), hint=raw[:10])
        return token, raw

    @classmethod
    def authenticate(cls, raw: str):
        token = (
            cls.objects.select_related("user")
            .filter(token_hash=fingerprint(raw), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if token is None:
            return None
        now = timezone.now()
        # the page shows the minute of last use: a write per minute, not a write per request
        if token.last_used_at is None or now - token.last_used_at >= timedelta(minutes=1):
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user
