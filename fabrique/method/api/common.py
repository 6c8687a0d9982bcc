"""What the method's API operations share: the router, the caller's authentication, refusals as responses and
the lookups of what a body names (structure, départements, partners)."""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from fabrique.core.api_errors import field_error, from_django, invalid
from fabrique.core.exceptions import DomainError
from fabrique.network.models import Partner, Structure
from fabrique.territories.models import Departement

from ..perms import can_write_in

router = Router(tags=["Méthode"])

CONFLICT = {409: {"description": "Refusé : la raison est donnée en français dans `detail`."}}


def refused(exc: DomainError) -> HttpError:
    """A refused change (stage rule, stale version) is a 409 with the French reason."""
    return HttpError(409, str(exc))


def invalid_from(exc: DjangoValidationError, renames: dict[str, tuple[str, ...]] | None = None):
    """A model's ValidationError → a 422 naming the API's fields (`renames`: model field → path in the body)."""
    if not renames or not hasattr(exc, "error_dict"):
        return from_django(exc)
    errors = [
        field_error(["body", *renames.get(name, () if name == NON_FIELD_ERRORS else (name,))], message)
        for name, messages in exc.message_dict.items()
        for message in messages
    ]
    return NinjaValidationError(errors)


def structure_to_write(request, slug: str) -> Structure:
    structure = Structure.objects.filter(slug=slug).first()
    if structure is None:
        raise invalid(["body", "structure"], _("Structure inconnue : « %s ».") % slug)
    if not can_write_in(request.user, structure):
        raise PermissionDenied(_("Seuls les membres de la structure y enregistrent des données."))
    return structure


def partners_from(ids: list[int], field: str) -> list[Partner]:
    found = Partner.objects.in_bulk(ids)
    unknown = [str(pk) for pk in ids if pk not in found]
    if unknown:
        raise invalid(["body", field], _("Partenaire(s) inconnu(s) : %s.") % ", ".join(unknown))
    return [found[pk] for pk in dict.fromkeys(ids)]


def check_filter_codes(structure: str | None, departement: str | None) -> None:
    if structure and not Structure.objects.filter(slug=structure).exists():
        raise invalid(["query", "structure"], _("Structure inconnue : « %s ».") % structure)
    if departement and not Departement.objects.filter(code=departement).exists():
        raise invalid(["query", "departement"], _("Département inconnu : « %s » (code INSEE attendu).") % departement)
