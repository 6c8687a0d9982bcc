"""Personal data of the notifications (see docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from fabrique.core.personal_data import Basis, Erase, PersonalField

PERSONAL_FIELDS = [
    PersonalField(
        "notifications.Notification",
        "recipient",
        "recipient",
        Basis.CONTRACT,
        _("ce qui a été dit à la personne (page « Mes notifications », e-mails)"),
        _("tant que le compte existe"),
        Erase.DELETE,
        context=("kind", "subject", "body", "url", "created_at", "read_at", "emailed_at"),
    ),
    PersonalField(
        "notifications.Preference",
        "user",
        "user",
        Basis.CONTRACT,
        _("comment la personne veut recevoir chaque type de notification"),
        _("tant que le compte existe"),
        Erase.DELETE,
        context=("kind", "delivery"),
    ),
]

NOT_PERSONAL: dict[str, str] = {}
