"""Départements named by their INSEE codes in what the API reads."""

from django.utils.translation import gettext as _

from fabrique.core.api_errors import invalid

from .models import Departement


def departements_from(codes: list[str], field: str) -> list[Departement]:
    """INSEE codes → départements, in the order given, once each ("2a" is Corse-du-Sud too); an unknown code is a
    422 naming `field` of the body."""
    wanted = list(dict.fromkeys(code.strip().upper() for code in codes))
    found = Departement.objects.in_bulk(wanted)
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise invalid(
            ["body", field],
            _("Département(s) inconnu(s) : %s (codes INSEE attendus, par exemple 29 ou 2A).") % ", ".join(unknown),
        )
    return [found[code] for code in wanted]
