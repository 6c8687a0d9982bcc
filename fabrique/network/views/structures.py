"""The directory of structures, one page per structure, and the edit page of its presentation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from fabrique.core.exceptions import VersionConflict

from .. import services
from ..forms import DirectoryFilterForm, StructureForm
from ..models import Structure
from ..perms import can_see_candidates, readable_structures
from .common import departements_with_region, structure_for

PER_PAGE = 25


def _filtered(queryset, filters: dict):
    status = filters.get("status")
    if status == DirectoryFilterForm.ALL:
        pass
    elif status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.active()
    if filters.get("region"):
        in_region = Structure.objects.filter(departements__region_id=filters["region"]).values("pk")
        queryset = queryset.filter(pk__in=in_region)
    if filters.get("departement"):
        in_departement = Structure.objects.filter(departements__code=filters["departement"]).values("pk")
        queryset = queryset.filter(pk__in=in_departement)
    if filters.get("q"):
        queryset = queryset.filter(Q(name__unaccent_icontains=filters["q"]) | Q(city__unaccent_icontains=filters["q"]))
    return queryset


def structure_list(request):
    """Directory: filters by status, région, département and name; candidates only for those who may see them."""
    form = DirectoryFilterForm(request.GET or None, show_candidates=can_see_candidates(request.user))
    filters = form.filters() if form.is_bound else {}
    queryset = _filtered(readable_structures(request.user, Structure.objects.all()), filters)
    queryset = queryset.prefetch_related(departements_with_region(), "collectives").order_by("name", "pk")
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "ellipsis": Paginator.ELLIPSIS,
        "query": query.urlencode(),
        "filtered": bool(filters),
    }
    # htmx asks for the whole page when it restores a history entry it no longer has
    partial = request.htmx and not request.htmx.history_restore_request
    template = "network/structures/_swap.html" if partial else "network/structures/list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def structure_detail(request, slug):
    queryset = Structure.objects.prefetch_related(departements_with_region(), "collectives")
    structure, abilities = structure_for(request.user, slug, "view", queryset)
    partnerships = structure.partnerships.select_related("partner").order_by("partner__name", "pk")
    testimonials = structure.testimonials.all()
    if not abilities["change"]:
        testimonials = testimonials.filter(is_public=True)
    context = {
        "structure": structure,
        "abilities": abilities,
        "partners": services.partner_overview(partnerships),
        "testimonials": testimonials,
        "status_log": structure.status_log.select_related("changed_by") if abilities["view_history"] else [],
        "regions": sorted({d.region.name for d in structure.departements.all()}),
    }
    return render(request, "network/structures/detail.html", context)


@login_required
def structure_edit(request, slug):
    """Edit the presentation of one's structure; a version read earlier than the last save is refused."""
    structure, abilities = structure_for(request.user, slug, "change")
    name = structure.name  # the form writes the typed values onto the instance
    form = StructureForm(request.POST or None, instance=structure)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.STRUCTURE_EDITABLE_FIELDS}
        try:
            services.update_structure(
                structure,
                by=request.user,
                data=data,
                expected_version=form.cleaned_data["version"],
                departements=form.cleaned_data["departements"],
            )
        except VersionConflict as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("La présentation de la structure est enregistrée."))
            return redirect(structure)
    return render(request, "network/structures/edit.html", {"structure": structure, "name": name, "form": form})
