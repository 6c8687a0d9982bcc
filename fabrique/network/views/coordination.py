"""The coordinator's area: candidates to admit, structures by status, status changes, new structures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from fabrique.core.exceptions import TransitionError
from fabrique.core.forms import attach_errors

from .. import services
from ..enums import StructureStatus
from ..forms import StructureCreateForm, TransitionForm
from ..models import Collective, Structure
from ..perms import can_access_coordination, can_create_structure
from .common import departements_with_region, safe_next, structure_for

VERBS = {"admit": services.admit, "withdraw": services.withdraw, "readmit": services.readmit}
# The services refuse these without a reason; the form says so before sending.
REASON_REQUIRED = {"withdraw", "readmit"}
BUTTON_LABELS = {
    "admit": gettext_lazy("Admettre"),
    "withdraw": gettext_lazy("Enregistrer le retrait"),
    "readmit": gettext_lazy("Réadmettre"),
}


def _require_coordinator(user) -> None:
    if not can_access_coordination(user):
        raise PermissionDenied(_("Cet espace est réservé à la coordination du réseau."))


def transition_choices(structure) -> list[dict]:
    return [
        {
            "name": t.name,
            "label": t.label,
            "button": BUTTON_LABELS[t.name],
            "reason_required": t.name in REASON_REQUIRED,
        }
        for t in services.available_transitions(structure)
    ]


@login_required
def coordination(request):
    _require_coordinator(request.user)
    structures = list(Structure.objects.prefetch_related(departements_with_region()).order_by("name", "pk"))
    for structure in structures:
        structure.transitions = transition_choices(structure)
    by_status = [
        (status.value, status.label, [s for s in structures if s.status == status])
        for status in StructureStatus
        if status != StructureStatus.CANDIDATE
    ]
    context = {
        "candidates": [s for s in structures if s.status == StructureStatus.CANDIDATE],
        "by_status": by_status,
        "collectives": Collective.objects.all(),
        "next": reverse("network:coordination"),
    }
    return render(request, "network/coordination/index.html", context)


@login_required
def structure_status(request, slug):
    """One structure's status: its dates, its log and the forms of the transitions it can take."""
    structure, abilities = structure_for(request.user, slug, "change_status")
    context = {
        "structure": structure,
        "transitions": transition_choices(structure),
        "status_log": structure.status_log.select_related("changed_by"),
        "next": reverse("network:structure_status", args=[structure.slug]),
    }
    return render(request, "network/coordination/status.html", context)


@login_required
@require_POST
def structure_transition(request, slug):
    """Apply one transition (admit, withdraw, readmit) with its reason; a refusal is shown as a message."""
    structure, abilities = structure_for(request.user, slug, "change_status")
    form = TransitionForm(request.POST)
    back = safe_next(request, reverse("network:structure_status", args=[structure.slug]))
    name = form.data.get("transition", "")
    if not form.is_valid() or name not in VERBS:
        messages.error(request, _("Changement de statut inconnu."))
        return redirect(back)
    reason = form.cleaned_data["reason"].strip()
    try:
        structure = VERBS[name](structure, by=request.user, reason=reason)
    except TransitionError as exc:
        messages.error(request, f"{structure.name} : {exc}")
    else:
        messages.success(
            request,
            _("%(name)s est maintenant « %(status)s ».")
            % {"name": structure.name, "status": structure.get_status_display()},
        )
    return redirect(back)


@login_required
def structure_create(request):
    """Register a new structure; it starts as a candidate."""
    if not can_create_structure(request.user):
        raise PermissionDenied(_("Seule la coordination du réseau crée une structure."))
    form = StructureCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in {"departements", "reason"}}
        try:
            structure = services.create_structure(
                by=request.user,
                data=data,
                departements=form.cleaned_data["departements"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Structure « %(name)s » créée, candidate.") % {"name": structure.name})
            return redirect(structure)
    return render(request, "network/coordination/structure_create.html", {"form": form})
