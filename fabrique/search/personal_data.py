"""The search index copies what the adapters index (see docs/privacy.md): re-indexed when the source changes."""

from django.utils.translation import gettext_lazy as _

PERSONAL_FIELDS = []

NOT_PERSONAL = {
    "search.SearchFacet.name": _("nom d'une facette de recherche (type, thème, région)"),
}
