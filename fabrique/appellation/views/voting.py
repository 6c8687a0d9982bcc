"""The voter's page: the requests its structures may vote on, with the vote and declare-conflict forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fabrique.core.exceptions import DomainError
from fabrique.core.forms import attach_errors
from fabrique.core.french import de
from fabrique.network.models import Structure
from fabrique.network.perms import administered_structure_ids, member_structure_ids

from .. import services
from ..enums import SessionStatus
from ..forms import ConflictForm, VoteForm
from ..models import AgendaItem
from ..selectors import item_states
from .common import flash_error, get_request, require


def _ballot_rows(user):
    own, administered = member_structure_ids(user), administered_structure_ids(user)
    items = list(
        AgendaItem.objects.filter(session__status=SessionStatus.OPEN, session__voters__in=own)
        .select_related("session", "request__structure")
        .distinct()
        .order_by("session__deadline", "pk")
    )

    states = item_states(items)
    names = dict(Structure.objects.filter(pk__in=own).values_list("pk", "name"))
    rows = []
    for item in items:
        state = states[item.pk]
        mine = sorted(state.voter_ids & own, key=lambda sid: names[sid])
        seats = []
        for structure_id in mine:
            structure = _Named(structure_id, names[structure_id])
            admin = structure_id in administered
            vote = state.votes.get(structure_id)
            conflict = state.conflicts.get(structure_id)
            seat = {"structure": structure, "admin": admin, "vote": vote, "conflict": conflict}
            if admin and not conflict and item.request.status != "withdrawn":
                initial = {"structure": structure_id}
                if vote:
                    initial.update(choice=vote.choice, comment=vote.comment)
                seat["vote_form"] = VoteForm(
                    initial=initial, structures=[structure], auto_id=f"id_vote_{item.pk}_{structure_id}_%s"
                )
                if vote is None:
                    seat["conflict_form"] = ConflictForm(
                        initial={"structure": structure_id},
                        structures=[structure],
                        auto_id=f"id_conflict_{item.pk}_{structure_id}_%s",
                    )
            seats.append(seat)
        rows.append({"item": item, "state": state, "seats": seats})
    return rows


class _Named:
    def __init__(self, pk, name):
        self.pk, self.name = pk, name

    def __str__(self):
        return self.name


@login_required
def ballot(request):
    return render(request, "appellation/ballot.html", {"rows": _ballot_rows(request.user)})


def _refused(request, appellation_request, key: str, exc: ValidationError):
    """The ballot page again (400) with the refused form bound in its seat: its summary, inside that request's
    ballot, takes the focus and links to the field, which shows the service's message (the site's convention)."""
    posted = request.POST.get("structure", "")
    rows = _ballot_rows(request.user)
    for row in rows:
        for seat in row["seats"]:
            blank = seat.get(key)
            if row["item"].request_id != appellation_request.pk or blank is None or str(seat["structure"].pk) != posted:
                continue
            form = type(blank)(request.POST, structures=[seat["structure"]], auto_id=blank.auto_id)
            for name in getattr(exc, "error_dict", {}):
                form.errors.pop(name, None)  # the service's message replaces the form's own for the same field
            attach_errors(form, exc)
            seat[key] = form
            return render(request, "appellation/ballot.html", {"rows": rows, "refused_form": form}, status=400)
    flash_error(request, exc)  # no seat of this person shows that form: the message at the top, as before
    return redirect("appellation:ballot")


def _posted_structure(request):
    """The voter structure named in the form, among those this person administers (None otherwise)."""
    value = request.POST.get("structure", "")
    if not value.isdigit() or int(value) not in administered_structure_ids(request.user):
        return None
    return Structure.objects.filter(pk=int(value)).first()


@login_required
@require_POST
def vote(request, pk: int):
    appellation_request, _abilities = get_request(request.user, pk)
    try:
        services.cast_vote(
            appellation_request,
            by=request.user,
            choice=request.POST.get("choice", ""),
            comment=request.POST.get("comment", "").strip()[:5000],
            structure=_posted_structure(request),
        )
    except ValidationError as exc:
        return _refused(request, appellation_request, "vote_form", exc)
    except DomainError as exc:
        flash_error(request, exc)
    else:
        messages.success(
            request,
            _("Vote enregistré pour la demande %(of_name)s. Vous pouvez le modifier jusqu'à la clôture de la séance.")
            % {"of_name": de(appellation_request.structure.name)},
        )
    return redirect("appellation:ballot")


@login_required
@require_POST
def declare_conflict(request, pk: int):
    appellation_request, _abilities = get_request(request.user, pk)
    try:
        services.declare_conflict(
            appellation_request,
            by=request.user,
            reason=request.POST.get("reason", "")[:2000],
            structure=_posted_structure(request),
        )
    except ValidationError as exc:
        return _refused(request, appellation_request, "conflict_form", exc)
    except DomainError as exc:
        flash_error(request, exc)
    else:
        messages.success(request, _("Conflit d'intérêts déclaré : votre structure ne vote pas sur cette demande."))
    return redirect("appellation:ballot")


@login_required
@require_POST
def record_conflict(request, pk: int):
    appellation_request, abilities = get_request(request.user, pk)
    require(abilities["record_conflict"], _("Seule la coordination enregistre un conflit, pendant une séance."))
    structure_id = request.POST.get("structure", "")
    structure = get_object_or_404(Structure, pk=int(structure_id)) if structure_id.isdigit() else None
    try:
        if structure is None:
            raise ValidationError({"structure": _("Choisissez la structure en conflit.")})
        services.record_conflict(
            appellation_request, by=request.user, structure=structure, reason=request.POST.get("reason", "")
        )
    except (DomainError, ValidationError) as exc:
        flash_error(request, exc)
    else:
        messages.success(request, _("Conflit d'intérêts enregistré pour %(name)s.") % {"name": structure.name})
    return redirect(appellation_request)
