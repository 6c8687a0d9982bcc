"""Collectives: the public list and pages; the coordinator creates and edits them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from fabrique.core.exceptions import VersionConflict
from fabrique.core.forms import attach_errors

from .. import services
from ..forms import CollectiveForm
from ..models import Collective, Structure
from ..perms import PUBLIC_STATUSES, can_create_collective, collective_abilities, readable_structures
from .common import departements_with_region


def _visible_members(user):
    members = readable_structures(user, Structure.objects.all()).prefetch_related(departements_with_region())
    return Prefetch("structures", queryset=members.order_by("name", "pk"), to_attr="visible_members")


def collective_list(request):
    collectives = Collective.objects.annotate(
        public_members=Count("structures", filter=Q(structures__status__in=PUBLIC_STATUSES))
    ).prefetch_related(_visible_members(request.user))
    context = {"collectives": collectives, "can_create": can_create_collective(request.user)}
    return render(request, "network/collectives/list.html", context)


def collective_detail(request, slug):
    collective = get_object_or_404(Collective.objects.prefetch_related(_visible_members(request.user)), slug=slug)
    context = {"collective": collective, "abilities": collective_abilities(request.user, collective)}
    return render(request, "network/collectives/detail.html", context)


@login_required
def collective_create(request):
    if not can_create_collective(request.user):
        raise PermissionDenied(_("Seule la coordination du réseau crée un collectif."))
    form = CollectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("name", "slug", "website", "description")}
        try:
            collective = services.create_collective(
                by=request.user, data=data, structures=form.cleaned_data["structures"]
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Collectif « %(name)s » créé.") % {"name": collective.name})
            return redirect(collective)
    return render(request, "network/collectives/form.html", {"form": form, "collective": None})


@login_required
def collective_edit(request, slug):
    """Edit a collective and its members; a version read earlier than the last save is refused."""
    collective = get_object_or_404(Collective, slug=slug)
    if not collective_abilities(request.user, collective)["change"]:
        raise PermissionDenied(_("Seule la coordination du réseau modifie un collectif."))
    name = collective.name
    form = CollectiveForm(request.POST or None, instance=collective)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("name", "website", "description")}
        try:
            services.update_collective(
                collective,
                by=request.user,
                data=data,
                structures=form.cleaned_data["structures"],
                expected_version=form.cleaned_data["version"],
            )
        except VersionConflict as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Collectif « %(name)s » enregistré.") % {"name": collective.name})
            return redirect(collective)
    return render(request, "network/collectives/form.html", {"form": form, "collective": collective, "name": name})
