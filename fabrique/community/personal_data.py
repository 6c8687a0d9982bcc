"""Personal data of network life (see fabrique.core.personal_data and docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from fabrique.core.personal_data import NO_ACCOUNT, Basis, Erase, PersonalField

AUTHOR = _("savoir qui a publié ou organisé")
WITH_RECORD = _("avec la publication ou l'événement (archive du réseau)")

PERSONAL_FIELDS = [
    PersonalField(
        "community.Testimonial",
        "person",
        NO_ACCOUNT,
        Basis.CONSENT,
        _("signer un témoignage publié avec l'accord de la personne"),
        _("tant que le témoignage est publié ; retiré à sa demande"),
        Erase.EDIT,
    ),
    PersonalField(
        "community.Testimonial",
        "role",
        NO_ACCOUNT,
        Basis.CONSENT,
        _("présenter la personne qui témoigne"),
        _("tant que le témoignage est publié ; retiré à sa demande"),
        Erase.EDIT,
    ),
    PersonalField(
        "community.GroupMembership",
        "user",
        "user",
        Basis.CONTRACT,
        _("membres d'un groupe de travail"),
        _("tant que la personne est membre du groupe"),
        Erase.DELETE,
        context=("group", "role", "joined_at"),
    ),
    PersonalField(
        "community.Event",
        "created_by",
        "created_by",
        Basis.LEGITIMATE_INTEREST,
        AUTHOR,
        WITH_RECORD,
        Erase.KEEP,
        context=("title", "starts_at"),
    ),
    PersonalField(
        "community.EventSpeaker",
        "name",
        NO_ACCOUNT,
        Basis.LEGITIMATE_INTEREST,
        _("annoncer qui intervient à un événement"),
        WITH_RECORD,
        Erase.EDIT,
    ),
    PersonalField(
        "community.EventSpeaker",
        "role",
        NO_ACCOUNT,
        Basis.LEGITIMATE_INTEREST,
        _("annoncer qui intervient à un événement"),
        WITH_RECORD,
        Erase.EDIT,
    ),
    PersonalField(
        "community.Registration",
        "user",
        "user",
        Basis.CONTRACT,
        _("places et présences aux événements (les chiffres de présence restent après effacement)"),
        WITH_RECORD,
        Erase.KEEP,
        context=("event", "structure", "status", "attended", "registered_at"),
    ),
    PersonalField(
        "community.NewsPost",
        "author",
        "author",
        Basis.LEGITIMATE_INTEREST,
        AUTHOR,
        WITH_RECORD,
        Erase.KEEP,
        context=("title", "published_on"),
    ),
]

NOT_PERSONAL = {
    "community.WorkingGroup.name": _("nom d'un groupe de travail"),
    "community.WorkingGroup.members": _("relation portée par community.GroupMembership.user, déclarée là"),
}
