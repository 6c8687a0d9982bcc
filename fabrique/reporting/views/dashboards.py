"""The dashboards: public, network (coordinator), structure (its members), territory (partner users)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from fabrique.territories.models import Departement, Region

from .. import dashboards, perms
from ..selection import FIRST_YEAR, LoginRequired, default_year, select_territory
from .common import login_redirect, parse_year, selection_from


def _page(request, dashboard, kind: str, **extra):
    context = {
        "dashboard": dashboard,
        "figures": dashboard.figures,
        "kind": kind,
        "years": list(range(default_year(), FIRST_YEAR - 1, -1)),
        "regions": Region.objects.order_by("name"),
        "query": request.GET.urlencode(),
        **extra,
    }
    return render(request, "reporting/dashboard.html", context)


@require_GET
def public(request):
    """Network totals (or a région's) and the created activities flagged public: for everyone."""
    selection = selection_from(request, structure=None, departement=None)
    return _page(request, dashboards.build(selection, public_only=True), "public")


@require_GET
def network(request):
    if not request.user.is_authenticated:
        return login_redirect(request)
    if not perms.can_view_network_dashboard(request.user):
        raise PermissionDenied(_("Le tableau de bord du réseau est réservé à la coordination."))
    selection = selection_from(request, structure=None, departement=None)
    return _page(request, dashboards.build(selection), "network")


@require_GET
def structure(request, slug: str):
    try:
        selection = selection_from(request, structure=slug, departement=None)
    except LoginRequired:
        return login_redirect(request)
    return _page(request, dashboards.build(selection), "structure", structure=selection.structure)


@require_GET
@login_required
def my_structure(request):
    """A member lands on their structure's dashboard; with several structures (or as the coordinator), a list."""
    structures = list(perms.readable_figure_structures(request.user).order_by("name").only("pk", "slug", "name"))
    if not structures:
        raise PermissionDenied(_("Vous n'êtes membre d'aucune structure."))
    if len(structures) == 1 and not perms.can_view_network_dashboard(request.user):  # the coordinator: a list
        return redirect("reporting:structure", slug=structures[0].slug)
    return render(request, "reporting/structure_list.html", {"structures": structures})


@require_GET
def territory(request):
    if not request.user.is_authenticated:
        return login_redirect(request)
    try:
        selection = select_territory(
            request.user, year=parse_year(request.GET.get("annee")), departement=request.GET.get("departement") or None
        )
    except ValueError as exc:
        raise Http404(str(exc)) from None
    allowed = perms.territory_of(request.user)
    choices = Departement.objects.order_by("code")
    if allowed is not None:
        choices = choices.filter(code__in=allowed)
    return _page(request, dashboards.build(selection), "territory", departements=choices)
