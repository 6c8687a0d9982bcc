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
]

ORGANISATION = _("nom d'une organisation, pas d'une personne")
NOT_PERSONAL = {
    "network.Structure.name": ORGANISATION,
    "network.Structure.public_email": _("adresse de contact publique d'une structure, publiée par elle"),
    "network.Collective.name": ORGANISATION,
    "network.Partner.name": ORGANISATION,
}
