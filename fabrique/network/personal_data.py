"""Personal data of the registry (see fabrique.core.personal_data and docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from fabrique.core.personal_data import Basis, Erase, PersonalField

PERSONAL_FIELDS = [
    PersonalField(
        "network.StructureStatusLog",
        "changed_by",
        "changed_by",
        Basis.LEGITIMATE_INTEREST,
        _("qui a changé le statut d'une structure"),
        _("avec le journal des statuts (archive du réseau)"),
        Erase.KEEP,
        context=("structure", "from_status", "to_status", "changed_at"),
    ),
    PersonalField(
        "network.Membership",
        "user",
        "user",
        Basis.CONTRACT,
        _("rôle de la personne dans une structure (droits)"),
        _("tant que la personne est membre de la structure"),
        Erase.DELETE,
        context=("structure", "role", "created_at"),
    ),
    PersonalField(
        "network.Invitation",
        "email",
        "=email",
        Basis.CONTRACT,
        _("envoyer le lien d'invitation"),
        _("avec l'invitation (utilisée, annulée ou expirée) ; supprimée avec la personne"),
        Erase.DELETE,
        context=("structure", "role", "as_coordinator", "created_at", "accepted_at", "revoked_at"),
    ),
    PersonalField(
        "network.Invitation",
        "invited_by",
        "invited_by",
        Basis.LEGITIMATE_INTEREST,
        _("savoir qui a invité qui"),
        _("avec l'invitation"),
        Erase.KEEP,
        context=("created_at",),
    ),
    PersonalField(
        "network.Invitation",
        "accepted_by",
        "accepted_by",
        Basis.LEGITIMATE_INTEREST,
        _("savoir qui a invité qui"),
        _("avec l'invitation"),
        Erase.KEEP,
        context=("accepted_at",),
    ),
]

ORGANISATION = _("nom d'une organisation, pas d'une personne")
NOT_PERSONAL = {
    "network.Structure.name": ORGANISATION,
    "network.Structure.public_email": _("adresse de contact publique d'une structure, publiée par elle"),
    "network.Collective.name": ORGANISATION,
    "network.Partner.name": ORGANISATION,
}
