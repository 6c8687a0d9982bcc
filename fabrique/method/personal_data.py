"""Personal data of the method (see fabrique.core.personal_data and docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from fabrique.core.personal_data import NO_ACCOUNT, Basis, Erase, PersonalField

AUTHOR = _("savoir qui a enregistré l'information")
WITH_RECORD = _("avec la fiche (archive du réseau)")
FOLLOW_UP = _("durée du suivi du projet, jusqu'au suivi à 3 ans de l'activité créée")
BROUGHT_BY_RETENTION = _(
    "avec le consentement seulement ; vidé NEED_CONTACT_RETENTION_DAYS jours (3 ans par défaut) après le "
    "consentement par « fabrique purge_personal_data »"
)


def _author(model: str, field: str, context: tuple[str, ...]) -> PersonalField:
    return PersonalField(model, field, field, Basis.LEGITIMATE_INTEREST, AUTHOR, WITH_RECORD, Erase.KEEP, context)


PERSONAL_FIELDS = [
    PersonalField(
        "method.Need",
        "brought_by_name",
        NO_ACCOUNT,
        Basis.CONSENT,
        _("recontacter la personne qui a apporté le besoin ou l'idée"),
        BROUGHT_BY_RETENTION,
        Erase.RETENTION,
    ),
    PersonalField(
        "method.Need",
        "brought_by_contact",
        NO_ACCOUNT,
        Basis.CONSENT,
        _("recontacter la personne qui a apporté le besoin ou l'idée"),
        BROUGHT_BY_RETENTION,
        Erase.RETENTION,
    ),
    _author("method.Need", "created_by", ("title", "created_at")),
    PersonalField(
        "method.CreativitySession",
        "organisers",
        NO_ACCOUNT,
        Basis.LEGITIMATE_INTEREST,
        _("qui a animé la séance de créativité"),
        WITH_RECORD,
        Erase.EDIT,
    ),
    _author("method.CreativitySession", "created_by", ("title", "created_at")),
    PersonalField(
        "method.Project",
        "carrier_name",
        NO_ACCOUNT,
        Basis.LEGITIMATE_INTEREST,
        _("à qui le projet est transmis (jamais publié pour une personne)"),
        FOLLOW_UP,
        Erase.EDIT,
    ),
    PersonalField(
        "method.Project",
        "carrier_contact",
        NO_ACCOUNT,
        Basis.LEGITIMATE_INTEREST,
        _("joindre le porteur du projet (jamais publié)"),
        FOLLOW_UP,
        Erase.EDIT,
    ),
    _author("method.Project", "created_by", ("title", "created_at")),
    _author("method.ProjectStageLog", "changed_by", ("project", "from_status", "to_status", "changed_at")),
    _author("method.ProjectNote", "author", ("project", "written_at")),
    PersonalField(
        "method.SteeringDecision",
        "attendees",
        NO_ACCOUNT,
        Basis.LEGITIMATE_INTEREST,
        _("qui était présent au comité de pilotage (jamais publié)"),
        FOLLOW_UP,
        Erase.EDIT,
    ),
    _author("method.SteeringDecision", "recorded_by", ("project", "decided_on", "recorded_at")),
]

NOT_PERSONAL: dict[str, str] = {}
