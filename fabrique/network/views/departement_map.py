from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..map import build_map


@require_safe
def departement_map(request):
    """The public map: every reader sees the structures `readable_structures` grants them."""
    return render(request, "network/map/map.html", {"map": build_map(request.user)})
