"""Personal data of the workspace (see docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from fabrique.core.personal_data import Basis, Erase, PersonalField

PERSONAL_FIELDS = [
    PersonalField(
        "workspace.ProjectMember",
        "user",
        "user",
        Basis.CONTRACT,
        _("donner à la personne l'accès à l'espace du projet où elle est invitée"),
        _("tant que la personne est sur le projet"),
        Erase.DELETE,
        context=("project", "role", "observer", "created_at"),
    ),
    PersonalField(
        "workspace.ProjectMember",
        "added_by",
        "added_by",
        Basis.LEGITIMATE_INTEREST,
        _("savoir qui a ajouté une personne à un projet"),
        _("avec la fiche (archive du réseau)"),
        Erase.KEEP,
        context=("project", "created_at"),
    ),
    PersonalField(
        "workspace.NextStep",
        "owner",
        "owner",
        Basis.CONTRACT,
        _("confier une prochaine étape d'un projet à une personne et la lui rappeler"),
        _("avec le projet (archive du réseau)"),
        Erase.KEEP,
        context=("project", "title", "due_on", "status"),
    ),
    PersonalField(
        "workspace.NextStep",
        "created_by",
        "created_by",
        Basis.LEGITIMATE_INTEREST,
        _("savoir qui a ajouté une prochaine étape à un projet"),
        _("avec le projet (archive du réseau)"),
        Erase.KEEP,
        context=("project", "title", "created_at"),
    ),
    PersonalField(
        "workspace.Message",
        "author",
        "author",
        Basis.LEGITIMATE_INTEREST,
        _("savoir qui a écrit un message dans la conversation d'un projet"),
        _("avec le projet (archive du réseau)"),
        Erase.KEEP,
        context=("project", "internal", "created_at", "deleted_at"),
    ),
    PersonalField(
        "workspace.MessageMention",
        "user",
        "user",
        Basis.CONTRACT,
        _("prévenir une personne du projet qu'un message la mentionne"),
        _("avec le message"),
        Erase.DELETE,
        context=("message",),
    ),
]

NOT_PERSONAL: dict[str, str] = {}
