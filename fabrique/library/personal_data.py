"""Personal data of the library (see fabrique.core.personal_data and docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from fabrique.core.personal_data import NO_ACCOUNT, Basis, Erase, PersonalField

WITH_RESOURCE = _("avec la ressource (capitalisation du réseau)")

PERSONAL_FIELDS = [
    PersonalField(
        "library.Resource",
        "authors",
        "authors",
        Basis.LEGITIMATE_INTEREST,
        _("créditer les auteur·rices d'une ressource"),
        WITH_RESOURCE,
        Erase.KEEP,
        context=("title", "created_at"),
    ),
    PersonalField(
        "library.Resource",
        "other_authors",
        NO_ACCOUNT,
        Basis.LEGITIMATE_INTEREST,
        _("créditer des auteur·rices sans compte"),
        WITH_RESOURCE,
        Erase.EDIT,
    ),
    PersonalField(
        "library.Resource",
        "created_by",
        "created_by",
        Basis.LEGITIMATE_INTEREST,
        _("savoir qui a enregistré la ressource"),
        WITH_RESOURCE,
        Erase.KEEP,
        context=("title", "created_at"),
    ),
    PersonalField(
        "library.ResourceFile",
        "file",
        NO_ACCOUNT,
        Basis.LEGITIMATE_INTEREST,
        _("fichiers déposés ; ils peuvent nommer des personnes"),
        WITH_RESOURCE,
        Erase.EDIT,
    ),
    PersonalField(
        "library.ResourceFile",
        "uploaded_by",
        "uploaded_by",
        Basis.LEGITIMATE_INTEREST,
        _("savoir qui a déposé une version du fichier"),
        WITH_RESOURCE,
        Erase.KEEP,
        context=("resource", "number", "uploaded_at"),
    ),
]

NOT_PERSONAL = {
    "library.ResourceFile.name": _("nom du fichier déposé"),
    "library.Resource.author_structure": _("la structure autrice, une organisation"),
}
