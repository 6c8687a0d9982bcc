"""Helpers shared by the registry's views: fetch an object scoped to what the reader may see and do."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from fabrique.territories.models import Departement

from ..models import Structure
from ..perms import structure_abilities


def departements_with_region():
    return Prefetch("departements", queryset=Departement.objects.select_related("region").order_by("code"))


def structure_for(user, slug: str, ability: str = "view", queryset=None) -> tuple[Structure, dict[str, bool]]:
    """The structure if `user` may see it (else 404) and do `ability` on it (else 403), with the abilities."""
    structure = get_object_or_404(queryset if queryset is not None else Structure.objects.all(), slug=slug)
    abilities = structure_abilities(user, structure)
    if not abilities["view"]:
        raise Http404(_("Structure introuvable."))
    if not abilities[ability]:
        raise PermissionDenied(_("Vous n'avez pas le droit de faire cela pour cette structure."))
    return structure, abilities


def safe_next(request, default: str) -> str:
    """The `next` address of a form when it stays on this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default
