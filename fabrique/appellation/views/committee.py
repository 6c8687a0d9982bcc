"""The coordinator's sessions: list, opening, closing; a session's page doubles as its results page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from fabrique.core.exceptions import DomainError
from fabrique.core.forms import attach_errors

from .. import services
from ..enums import SessionStatus
from ..forms import SessionForm
from ..models import AgendaItem
from ..perms import can_open_session, item_abilities, readable_sessions
from ..selectors import awaiting_requests, item_states
from .common import flash_error, get_session, require


@login_required
def session_list(request):
    sessions = list(readable_sessions(request.user).order_by("-held_on", "-pk"))
    can_open = can_open_session(request.user)
    return render(
        request,
        "appellation/session_list.html",
        {
            "open_sessions": [s for s in sessions if s.status == SessionStatus.OPEN],
            "closed_sessions": [s for s in sessions if s.status == SessionStatus.CLOSED],
            "awaiting": list(awaiting_requests()) if can_open else [],
            "can_open": can_open,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request):
    require(can_open_session(request.user), _("Seule la coordination du réseau ouvre une séance du comité."))
    awaiting = awaiting_requests()
    form = SessionForm(request.POST or None, awaiting=awaiting, initial={"requests": list(awaiting)})
    if request.method == "POST" and form.is_valid():
        try:
            session = services.open_session(
                by=request.user,
                held_on=form.cleaned_data["held_on"],
                deadline=form.cleaned_data["deadline"],
                requests=form.cleaned_data["requests"],
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Séance ouverte : les structures votantes sont prévenues par e-mail."))
            return redirect(session)
    return render(request, "appellation/session_form.html", {"form": form, "awaiting": list(awaiting)})


def _session_rows(user, session):
    items = list(AgendaItem.objects.filter(session=session).select_related("request__structure").order_by("pk"))
    for item in items:
        item.session = session  # with its voters already loaded
    states = item_states(items)
    voters = {structure.pk: structure for structure in session.voters.all()}
    rows = []
    for item in items:
        state = states[item.pk]
        abilities = item_abilities(user, item)
        ballots = []
        if abilities["view_votes"]:
            for structure_id in sorted(state.voter_ids, key=lambda sid: voters[sid].name):
                ballots.append(
                    {
                        "structure": voters[structure_id],
                        "vote": state.votes.get(structure_id),
                        "conflict": state.conflicts.get(structure_id),
                    }
                )
        rows.append({"item": item, "state": state, "abilities": abilities, "ballots": ballots})
    return rows


@login_required
def session_detail(request, pk: int):
    session, abilities = get_session(request.user, pk)
    announcement = getattr(session, "announcement", None) if abilities["view_votes"] else None
    return render(
        request,
        "appellation/session_detail.html",
        {
            "session": session,
            "abilities": abilities,
            "rows": _session_rows(request.user, session),
            "voters": sorted(session.voters.all(), key=lambda s: s.name),
            "announcement": announcement,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_close(request, pk: int):
    session, abilities = get_session(request.user, pk)
    if session.status == SessionStatus.CLOSED:
        messages.info(request, _("Cette séance est déjà close."))
        return redirect(session)
    require(abilities["close"], _("Seule la coordination du réseau clôt une séance."))
    if request.method == "POST":
        try:
            report = services.close_session(session, by=request.user)
        except DomainError as exc:
            flash_error(request, exc)
        else:
            if report.already_closed:
                messages.info(request, _("Cette séance était déjà close : rien n'a changé."))
            else:
                messages.success(
                    request, _("Séance close : les décisions sont appliquées et les structures demandeuses prévenues.")
                )
            return redirect(session)
    return render(
        request, "appellation/session_close.html", {"session": session, "rows": _session_rows(request.user, session)}
    )


@login_required
def results(request):
    sessions = list(readable_sessions(request.user).filter(status=SessionStatus.CLOSED).order_by("-held_on", "-pk"))
    items = list(
        AgendaItem.objects.filter(session__in=sessions).select_related("session", "request__structure").order_by("pk")
    )
    by_session: dict[int, list] = {}
    for item in items:
        by_session.setdefault(item.session_id, []).append(item)
    rows = [{"session": s, "items": by_session.get(s.pk, [])} for s in sessions]
    return render(request, "appellation/results.html", {"rows": rows})
