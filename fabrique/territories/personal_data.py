"""The reference geography holds no personal data; its names only look like it."""

from django.utils.translation import gettext_lazy as _

PERSONAL_FIELDS = []

NOT_PERSONAL = {
    "territories.Region.name": _("nom d'une région"),
    "territories.Departement.name": _("nom d'un département"),
}
