"""The network's charter: read it, accept it for a labelled structure, edit it (coordination)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fabrique.core.exceptions import DomainError
from fabrique.core.forms import attach_errors
from fabrique.network.perms import member_structure_ids

from .. import services
from ..forms import CharterAcceptanceForm, CharterForm
from ..models import CharterAcceptance
from ..perms import can_edit_charter, charter_signing_structures
from .common import flash_error, require


def _acceptable_structures(user, charter):
    """Labelled structures this person administers that have not accepted the current text yet."""
    accepted = CharterAcceptance.objects.filter(structure=OuterRef("pk"), charter_version=charter.version)
    return list(charter_signing_structures(user).exclude(Exists(accepted)).order_by("name"))


def charter(request):
    current = services.current_charter()
    structures = _acceptable_structures(request.user, current) if request.user.is_authenticated else []
    form = CharterAcceptanceForm(structures=structures) if structures else None
    mine = []
    own = member_structure_ids(request.user)
    if own:
        mine = list(
            CharterAcceptance.objects.filter(structure_id__in=own)
            .select_related("structure", "accepted_by")
            .order_by("structure__name", "-accepted_at")
        )
    return render(
        request,
        "appellation/charter.html",
        {"charter": current, "form": form, "acceptances": mine, "can_edit": can_edit_charter(request.user)},
    )


@login_required
@require_POST
def charter_accept(request):
    current = services.current_charter()
    structures = _acceptable_structures(request.user, current)
    require(bool(structures), _("Aucune de vos structures avec appellation n'a d'engagement à prendre."))
    form = CharterAcceptanceForm(request.POST, structures=structures)
    if form.is_valid():
        structure = next(s for s in structures if s.pk == form.cleaned_data["structure"])
        try:
            services.accept_charter(structure, by=request.user, charter=current)
        except DomainError as exc:
            flash_error(request, exc)
        else:
            messages.success(
                request, _("Engagement enregistré : %(name)s a accepté la charte du réseau.") % {"name": structure.name}
            )
            return redirect("appellation:charter")
    return render(
        request,
        "appellation/charter.html",
        {"charter": current, "form": form, "acceptances": [], "can_edit": can_edit_charter(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def charter_edit(request):
    require(can_edit_charter(request.user), _("Seule la coordination modifie la charte."))
    current = services.current_charter()
    form = CharterForm(request.POST or None, instance=current, initial={"version": current.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_charter(
                current,
                by=request.user,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Charte enregistrée. Les engagements déjà pris gardent le texte accepté."))
            return redirect("appellation:charter")
    history = list(current.history.select_related("history_user").order_by("-history_date")[:20])
    return render(request, "appellation/charter_form.html", {"form": form, "history": history})
