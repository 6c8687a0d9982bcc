"""Personal data of the appellation (see fabrique.core.personal_data and docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from fabrique.core.personal_data import NO_ACCOUNT, Basis, Erase, PersonalField

AUTHOR = _("savoir qui a agi dans la procédure d'appellation")
WITH_FILE = _("avec le dossier d'appellation (archive du réseau)")


def _author(model: str, field: str, context: tuple[str, ...]) -> PersonalField:
    return PersonalField(model, field, field, Basis.LEGITIMATE_INTEREST, AUTHOR, WITH_FILE, Erase.KEEP, context)


PERSONAL_FIELDS = [
    _author("appellation.AppellationRequest", "created_by", ("structure", "status", "created_at")),
    PersonalField(
        "appellation.RequestAttachment",
        "file",
        NO_ACCOUNT,
        Basis.LEGITIMATE_INTEREST,
        _("pièces du dossier ; elles peuvent nommer des personnes"),
        WITH_FILE,
        Erase.EDIT,
    ),
    _author("appellation.RequestAttachment", "uploaded_by", ("request", "title", "uploaded_at")),
    _author("appellation.RequestLog", "changed_by", ("request", "from_status", "to_status", "changed_at")),
    _author("appellation.CommitteeSession", "opened_by", ("held_on", "opened_at")),
    _author("appellation.CommitteeSession", "closed_by", ("held_on", "closed_at")),
    _author("appellation.Vote", "cast_by", ("item", "structure", "choice", "comment", "created_at", "updated_at")),
    _author("appellation.Conflict", "created_by", ("request", "structure", "source", "created_at")),
    _author("appellation.AnnouncementDraft", "updated_by", ("title", "updated_at")),
    _author("appellation.Charter", "updated_by", ("title", "updated_at")),
    _author("appellation.CharterAcceptance", "accepted_by", ("structure", "charter_version", "accepted_at")),
]

NOT_PERSONAL: dict[str, str] = {}
