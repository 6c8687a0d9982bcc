"""From what a reader asks (year, structure, région, département) to a Scope they may read."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.method.models import Need, ProjectStageLog
from fabrique.network.models import Structure
from fabrique.territories.models import Departement, Region

from . import perms
from .scope import Scope

FIRST_YEAR = 2010  # the network was created in 2010


class LoginRequired(PermissionDenied):
    """The figures asked for are not public: log in first (401 on the API, the login page on pages)."""


@dataclass(frozen=True)
class Selection:
    year: int
    scope: Scope
    structure: Structure | None = None
    region: Region | None = None


def default_year() -> int:
    return timezone.localdate().year


def latest_data_year() -> int:
    """The latest year in which needs were detected or projects moved (the current year at most): what a
    dashboard shows first. A live network works every week, so it is usually the current year."""
    current = default_year()
    need = Need.objects.aggregate(last=Max("detected_on"))["last"]
    moved = ProjectStageLog.objects.aggregate(last=Max("changed_at"))["last"]
    years = [d.year for d in (need, moved and timezone.localtime(moved)) if d]
    return min(max(years), current) if years else current


def check_year(year: int | None) -> int:
    if year is None:
        return latest_data_year()
    if not FIRST_YEAR <= year <= default_year():
        raise ValueError(
            _("Année hors limites : de %(first)s à %(last)s.") % {"first": FIRST_YEAR, "last": default_year()}
        )
    return year


def select(
    user, *, year=None, structure: str | None = None, region: str | None = None, departement: str | None = None
) -> Selection:
    """Raises Http404 for an unknown structure, région or département, LoginRequired or PermissionDenied when
    the reader may not see those figures, ValueError for a year out of range."""
    year = check_year(year)
    region_obj = None
    if region:
        region_obj = Region.objects.filter(code=region).first()
        if region_obj is None:
            raise Http404(_("Région inconnue : « %s ».") % region)
    structure_obj = None
    departements = None
    label = region_obj.name if region_obj else str(_("Réseau"))
    if structure:
        structure_obj = Structure.objects.filter(slug=structure).first()
        if structure_obj is None:
            raise Http404(_("Structure inconnue : « %s ».") % structure)
        _require(user, perms.structure_figures_abilities(user, structure_obj)["view"])
        label = structure_obj.name
    if departement:
        dep = Departement.objects.filter(code=departement).first()
        if dep is None:
            raise Http404(_("Département inconnu : « %s ».") % departement)
        departements = frozenset({dep.code})
        _require(user, perms.can_view_departements(user, departements))
        label = str(dep)
    scope = Scope(
        structure_id=structure_obj.pk if structure_obj else None,
        region=region_obj.code if region_obj else None,
        departements=departements,
        label=label,
    )
    return Selection(year=year, scope=scope, structure=structure_obj, region=region_obj)


def _require(user, allowed: bool) -> None:
    if allowed:
        return
    if not getattr(user, "is_authenticated", False):
        raise LoginRequired(_("Connectez-vous pour lire ces indicateurs."))
    raise PermissionDenied(_("Vous n'avez pas accès à ces indicateurs."))


def select_territory(user, *, year=None, departement: str | None = None) -> Selection:
    """The territory dashboard: the départements `user` follows (all of them, or the one asked among them);
    the coordinator must name one."""
    year = check_year(year)
    allowed = perms.territory_of(user)
    if departement:
        dep = Departement.objects.filter(code=departement).first()
        if dep is None:
            raise Http404(_("Département inconnu : « %s ».") % departement)
        codes = frozenset({dep.code})
    elif allowed:
        codes = allowed
    else:
        codes = frozenset()
    _require(user, bool(codes) and perms.can_view_departements(user, codes))
    names = ", ".join(
        f"{name} ({code})" for code, name in Departement.objects.filter(code__in=codes).values_list("code", "name")
    )
    return Selection(year=year, scope=Scope(departements=codes, label=names))
