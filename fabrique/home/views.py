from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from fabrique.community.models import Testimonial
from fabrique.network.enums import StructureStatus
from fabrique.network.map import build_map
from fabrique.network.models import Collective, Structure
from fabrique.network.perms import can_access_coordination, readable_structures

from .dashboard import build as dashboard_context

TESTIMONIALS_ON_HOME = 4


@require_safe
def home(request):
    """What the network is, its key figures, its map and what its members say."""
    departement_map = build_map(request.user)
    context = {
        "map": departement_map,
        "figures": key_figures(request.user, departement_map),
        "testimonials": public_testimonials(request.user),
    }
    return render(request, "home/home.html", context)


def key_figures(user, departement_map) -> list[dict]:
    """Counts a reader may see; candidates only for the coordinator, who alone sees them all."""
    rows = readable_structures(user, Structure.objects.all()).order_by().values_list("status").annotate(n=Count("pk"))
    by_status = dict(rows)
    labelled = by_status.get(StructureStatus.LABELLED, 0)
    experimenting = by_status.get(StructureStatus.EXPERIMENTING, 0)
    candidates = by_status.get(StructureStatus.CANDIDATE, 0)
    members = labelled + experimenting
    covered = len(departement_map.covered)
    regions = len(departement_map.covered_regions)
    collectives = Collective.objects.count()
    figures = [
        _figure(members, ngettext("structure dans le réseau", "structures dans le réseau", members)),
        _figure(labelled, ngettext("structure avec appellation", "structures avec appellation", labelled)),
        _figure(
            experimenting, ngettext("structure en expérimentation", "structures en expérimentation", experimenting)
        ),
    ]
    if can_access_coordination(user):  # candidates are counted for the coordination only
        figures.append(_figure(candidates, ngettext("structure candidate", "structures candidates", candidates)))
    figures += [
        _figure(covered, ngettext("département couvert", "départements couverts", covered)),
        _figure(regions, ngettext("région couverte", "régions couvertes", regions)),
        _figure(collectives, ngettext("collectif de structures", "collectifs de structures", collectives)),
    ]
    return figures


def _figure(value: int, label: str) -> dict:
    return {"value": value, "label": label}


def public_testimonials(user) -> list[Testimonial]:
    """Public testimonials, featured first, never about a structure the reader may not see."""
    visible = readable_structures(user, Structure.objects.all()).values("pk")
    return list(
        Testimonial.objects.filter(is_public=True)
        .filter(Q(structure__isnull=True) | Q(structure__in=visible))
        .select_related("structure")
        .order_by("-featured", "pk")[:TESTIMONIALS_ON_HOME]
    )


@login_required
@require_safe
def dashboard(request):
    """« Mon espace », where one lands after logging in: what needs the person now, then their structures."""
    return render(request, "home/dashboard.html", dashboard_context(request.user))
