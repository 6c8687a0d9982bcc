"""Personal data held by the libraries and by the privacy tools themselves (see docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from fabrique.core.personal_data import HISTORY, NO_ACCOUNT, OBJECT, Basis, Erase, PersonalField

SECURITY = _("sécurité des connexions (limitation des essais, django-axes)")
LOGIN_RETENTION = _("LOGIN_RECORD_RETENTION_DAYS jours (30 par défaut), supprimé par « fabrique purge_personal_data »")


def _axes(model: str, field: str) -> PersonalField:
    return PersonalField(
        model, field, "=username", Basis.LEGITIMATE_INTEREST, SECURITY, LOGIN_RETENTION, Erase.DELETE, ("attempt_time",)
    )


PERSONAL_FIELDS = [
    PersonalField(
        "simple_history.HistoricalRecords",
        "history_user",
        HISTORY,
        Basis.LEGITIMATE_INTEREST,
        _("qui a modifié quoi et quand (historique de chaque fiche, journal de la coordination)"),
        _("avec l'historique ; les copies des champs personnels y sont vidées avec la personne"),
        Erase.KEEP,
    ),
    PersonalField(
        "admin.LogEntry",
        "user",
        "user",
        Basis.LEGITIMATE_INTEREST,
        _("actions faites dans l'administration"),
        _("avec le journal de l'administration"),
        Erase.KEEP,
        context=("action_time", "content_type", "object_id", "action_flag"),
    ),
    PersonalField(
        "admin.LogEntry",
        "object_repr",
        OBJECT,
        Basis.LEGITIMATE_INTEREST,
        _("nom de l'objet modifié dans l'administration, le compte de la personne compris"),
        _("avec le journal de l'administration"),
        Erase.BLANK,
        context=("action_time", "action_flag"),
    ),
    PersonalField(
        "sessions.Session",
        "session_data",
        NO_ACCOUNT,
        Basis.CONTRACT,
        _("rester connecté·e"),
        _("jusqu'à l'expiration de la session (2 semaines), supprimée par « fabrique purge_personal_data »"),
        Erase.RETENTION,
    ),
    _axes("axes.AccessAttempt", "username"),
    _axes("axes.AccessAttempt", "ip_address"),
    _axes("axes.AccessAttempt", "user_agent"),
    _axes("axes.AccessLog", "username"),
    _axes("axes.AccessLog", "ip_address"),
    _axes("axes.AccessLog", "user_agent"),
    _axes("axes.AccessFailureLog", "username"),
    _axes("axes.AccessFailureLog", "ip_address"),
    _axes("axes.AccessFailureLog", "user_agent"),
    PersonalField(
        "privacy.Erasure",
        "erased_by",
        "erased_by",
        Basis.LEGAL_OBLIGATION,
        _("prouver qui a effacé une personne et quand"),
        _("sans limite : ne nomme pas la personne effacée"),
        Erase.KEEP,
        context=("erased_at",),
    ),
    PersonalField(
        "privacy.Erasure",
        "person",
        "person",
        Basis.LEGAL_OBLIGATION,
        _("prouver que la personne a été effacée"),
        _("sans limite : le compte est anonymisé"),
        Erase.KEEP,
        context=("erased_at",),
    ),
    PersonalField(
        "privacy.InactivityNotice",
        "user",
        "user",
        Basis.LEGITIMATE_INTEREST,
        _("ne prévenir qu'une fois un compte inactif, puis le désactiver"),
        _("tant que le compte existe"),
        Erase.DELETE,
        context=("warned_at", "deactivated_at"),
    ),
]

NOT_PERSONAL = {
    "auth.Group.name": _("nom d'un groupe de droits"),
    "auth.Permission.name": _("nom d'une permission"),
}
