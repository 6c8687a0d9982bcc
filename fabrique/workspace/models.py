"""A project's people beyond its structure's team (the carrier, partners and outside experts, each invited to that
project only), its next steps, its conversation (messages, their mentions and attachments), and the documents of its
private space with their versions."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fabrique.appellation.storage import private_storage
from fabrique.core.models import Versioned
from fabrique.core.uploads import BY_CONTENT_TYPE
from fabrique.method.enums import Stage
from fabrique.network.models import SingleUseLink, default_invitation_expiry

from .enums import OPEN_STEP_STATUSES, DocumentKind, DocumentVisibility, NextStepStatus, ProjectRole


def message_attachment_path(instance, filename: str) -> str:
    """A random name (the sender's file name is never a path), with the extension of the detected type."""
    found = BY_CONTENT_TYPE.get(instance.content_type)
    extension = f".{found.extension}" if found else ""
    return f"workspace/messages/{instance.message.project_id}/{uuid.uuid4().hex}{extension}"


class ProjectMember(Versioned):
    """A person on one project. Deleting the row ends their access at once; the history table keeps who was on
    the project, who added and who removed them."""

    project = models.ForeignKey(
        "method.Project", on_delete=models.CASCADE, related_name="people", verbose_name=_("projet")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="project_memberships",
        verbose_name=_("personne"),
    )
    role = models.CharField(_("rôle sur le projet"), max_length=10, choices=ProjectRole.choices)
    observer = models.BooleanField(
        _("observateur ou observatrice"),
        default=False,
        help_text=_("Un expert observateur lit l'espace du projet sans y écrire."),
    )
    partner = models.ForeignKey(
        "network.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_people",
        verbose_name=_("partenaire du registre"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ajouté·e par"),
    )
    created_at = models.DateTimeField(_("arrivé·e le"), auto_now_add=True)

    class Meta:
        verbose_name = _("personne d'un projet")
        verbose_name_plural = _("personnes des projets")
        ordering = ["project", "role", "pk"]
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="unique_project_member")]

    def __str__(self):
        return f"{self.user} — {self.project} ({self.get_role_display()})"

    def clean(self):
        errors = {}
        if self.observer and self.role != ProjectRole.EXPERT:
            errors["observer"] = _("Seul un expert peut être observateur.")
        if self.partner_id and self.role != ProjectRole.PARTNER:
            errors["partner"] = _("Seul un partenaire est lié à un partenaire du registre.")
        if errors:
            raise ValidationError(errors)


class NextStepQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STEP_STATUSES)

    def late(self, today):
        """Open and due before `today`."""
        return self.open().filter(due_on__lt=today)


class NextStep(Versioned):
    """Something to do next on a project, by someone of the project (« prochaine étape »): its owner is reminded
    before the due date and once it is overdue (workspace/reminders.py)."""

    project = models.ForeignKey(
        "method.Project", on_delete=models.CASCADE, related_name="next_steps", verbose_name=_("projet")
    )
    title = models.CharField(_("intitulé"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,  # required by the forms and the API; an account deleted leaves the step without owner
        related_name="next_steps",
        verbose_name=_("responsable"),
        help_text=_("Une personne du projet : de l'équipe de la structure, ou invitée sur le projet."),
    )
    due_on = models.DateField(_("échéance"))
    status = models.CharField(_("statut"), max_length=12, choices=NextStepStatus.choices, default=NextStepStatus.TODO)
    stage = models.CharField(
        _("étape de la méthode"),
        max_length=20,
        choices=Stage.choices,
        help_text=_("Par défaut, l'étape où se trouve le projet."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créée par"),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    done_at = models.DateTimeField(_("faite le"), null=True, blank=True)

    objects = NextStepQuerySet.as_manager()

    class Meta:
        verbose_name = _("prochaine étape")
        verbose_name_plural = _("prochaines étapes")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["project", "status", "due_on"], name="next_step_project_open"),
            models.Index(fields=["owner", "status", "due_on"], name="next_step_owner_open"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STEP_STATUSES

    def is_late(self, today) -> bool:
        return self.is_open and self.due_on < today


class Message(Versioned):
    """A message of a project's conversation, in Markdown. An internal note (`internal`) is kept to the team and
    the coordination. Edits and the deletion (soft: the body is emptied, the row stays) are kept in the history
    with their author."""

    MAX_LENGTH = 10_000

    project = models.ForeignKey(
        "method.Project", on_delete=models.CASCADE, related_name="messages", verbose_name=_("projet")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="project_messages",
        verbose_name=_("auteur ou autrice"),
    )
    body = models.TextField(_("message"), blank=True)
    internal = models.BooleanField(
        _("note interne"), default=False, help_text=_("Lue par l'équipe de la structure et la coordination seulement.")
    )
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)
    edited_at = models.DateTimeField(_("modifié le"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("supprimé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("message d'un projet")
        verbose_name_plural = _("messages des projets")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["project", "-created_at"], name="workspace_message_newest")]

    def __str__(self):
        return f"{self.project} — {self.author} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class MessageMention(models.Model):
    """A person of the project named in a message (and told so by a MENTION notification)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("message"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("personne mentionnée")
    )

    class Meta:
        verbose_name = _("mention dans un message")
        verbose_name_plural = _("mentions dans les messages")
        constraints = [models.UniqueConstraint(fields=["message", "user"], name="unique_message_mention")]

    def __str__(self):
        return f"{self.message_id} → {self.user}"


class MessageAttachment(models.Model):
    """A file joined to a message: stored outside the public media, served by a view that checks who may read
    the message. Never edited; its history keeps who added it."""

    message = models.ForeignKey(
        Message, on_delete=models.PROTECT, related_name="attachments", verbose_name=_("message")
    )
    filename = models.CharField(_("nom du fichier"), max_length=120)
    file = models.FileField(_("fichier"), upload_to=message_attachment_path, storage=private_storage, max_length=255)
    content_type = models.CharField(_("type"), max_length=100, editable=False)
    size = models.PositiveIntegerField(_("taille (octets)"), editable=False)
    uploaded_at = models.DateTimeField(_("ajoutée le"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pièce jointe d'un message")
        verbose_name_plural = _("pièces jointes des messages")
        ordering = ["pk"]

    def __str__(self):
        return self.filename


class ProjectInvitation(SingleUseLink, models.Model):
    """A single-use e-mail link to ONE project, as carrier, partner or outside expert (the structure's
    `network.Invitation` for a project). Accepting it creates the `ProjectMember`, never a structure membership.
    Only the token's fingerprint is stored."""

    project = models.ForeignKey(
        "method.Project", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("projet")
    )
    email = models.EmailField(_("adresse e-mail"))
    role = models.CharField(_("rôle sur le projet"), max_length=10, choices=ProjectRole.choices)
    observer = models.BooleanField(_("observateur ou observatrice"), default=False)
    partner = models.ForeignKey(
        "network.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_invitations",
        verbose_name=_("partenaire du registre"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False, verbose_name=_("empreinte du jeton"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="project_invitations_sent",
        verbose_name=_("envoyée par"),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    expires_at = models.DateTimeField(default=default_invitation_expiry, verbose_name=_("expire le"))
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_invitations_accepted",
        verbose_name=_("acceptée par"),
    )
    revoked_at = models.DateTimeField(_("annulée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation sur un projet")
        verbose_name_plural = _("invitations sur un projet")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.email} — {self.project}"


class ProjectDocumentQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)


class ProjectDocument(Versioned):
    """A document of a project's private space. Its file is in its versions; deleting it only hides it (its
    versions and their files are kept, the history says who deleted it)."""

    project = models.ForeignKey(
        "method.Project", on_delete=models.PROTECT, related_name="documents", verbose_name=_("projet")
    )
    title = models.CharField(_("titre"), max_length=200)
    kind = models.CharField(_("type de document"), max_length=20, choices=DocumentKind.choices)
    visibility = models.CharField(
        _("visible par"), max_length=10, choices=DocumentVisibility.choices, default=DocumentVisibility.TEAM
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("déposé par"),
    )
    created_at = models.DateTimeField(_("déposé le"), auto_now_add=True)
    deleted_at = models.DateTimeField(_("supprimé le"), null=True, blank=True)
    library_resource = models.ForeignKey(
        "library.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("publié dans la bibliothèque comme"),
    )

    objects = ProjectDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document d'un projet")
        verbose_name_plural = _("documents des projets")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["project", "deleted_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workspace:document", args=[self.project_id, self.pk])


def document_file_path(instance: "ProjectDocumentVersion", filename: str) -> str:
    return f"workspace/{instance.document.project_id}/{instance.document_id}/{instance.number}/{filename}"


class ProjectDocumentVersion(models.Model):
    """One version of a document's file, stored outside the public media (served by a view that checks who may read
    the document). The highest number is the current one; none is ever replaced."""

    document = models.ForeignKey(
        ProjectDocument, on_delete=models.PROTECT, related_name="versions", verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("fichier"), upload_to=document_file_path, storage=private_storage, max_length=300)
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
        verbose_name = _("version d'un document de projet")
        verbose_name_plural = _("versions des documents de projet")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="unique_project_document_number")]

    def __str__(self):
        return f"{self.name} (v{self.number})"

    def get_absolute_url(self):
        return reverse("workspace:document_download", args=[self.document.project_id, self.document_id, self.pk])
