"""Personal data of the accounts app (see fabrique.core.personal_data and docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from fabrique.core.personal_data import SELF, Basis, Erase, PersonalField

ACCOUNT_LIFE = _("tant que le compte existe ; désactivé après une longue inactivité, effacé sur demande")

PERSONAL_FIELDS = [
    PersonalField(
        "accounts.User",
        "email",
        SELF,
        Basis.CONTRACT,
        _("identifiant de connexion, envoi des invitations et des notifications"),
        ACCOUNT_LIFE,
        Erase.BLANK,
        context=("date_joined", "is_active", "is_coordinator"),
    ),
    PersonalField(
        "accounts.User", "first_name", SELF, Basis.CONTRACT, _("nommer la personne"), ACCOUNT_LIFE, Erase.BLANK
    ),
    PersonalField(
        "accounts.User", "last_name", SELF, Basis.CONTRACT, _("nommer la personne"), ACCOUNT_LIFE, Erase.BLANK
    ),
    PersonalField(
        "accounts.User",
        "last_login",
        SELF,
        Basis.LEGITIMATE_INTEREST,
        _("sécurité, repérage des comptes inactifs"),
        ACCOUNT_LIFE,
        Erase.BLANK,
    ),
    PersonalField(
        "accounts.ApiToken",
        "user",
        "user",
        Basis.CONTRACT,
        _("titulaire d'un jeton d'API personnel"),
        _("jusqu'à la suppression du jeton ou du compte"),
        Erase.DELETE,
        context=("name", "hint", "created_at", "last_used_at", "revoked_at"),
    ),
]

NOT_PERSONAL = {
    "accounts.ApiToken.name": _("nom donné au jeton par son titulaire, exporté et supprimé avec le jeton"),
}
