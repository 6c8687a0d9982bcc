"""Needs and ideas, and creativity sessions: the lists of a structure, one page each, their forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fabrique.core.exceptions import VersionConflict
from fabrique.core.forms import attach_errors

from .. import services
from ..enums import NeedStatus
from ..forms import NeedForm, SessionForm
from .common import need_for, session_for, structure_for

PER_PAGE = 25


@login_required
def need_list(request, slug):
    structure, abilities = structure_for(request.user, slug)
    needs = structure.needs.select_related("departement", "session").annotate(project_count=Count("projects"))
    status = request.GET.get("statut", "")
    if status in NeedStatus.values:
        needs = needs.filter(status=status)
    page = Paginator(needs.order_by("-detected_on", "-pk"), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "structure": structure,
        "abilities": abilities,
        "page": page,
        "statuses": NeedStatus.choices,
        "status": status,
        "query": f"statut={status}" if status in NeedStatus.values else "",
    }
    return render(request, "method/needs/list.html", context)


@login_required
def need_detail(request, pk):
    need, abilities = need_for(request.user, pk)
    context = {"need": need, "abilities": abilities, "projects": need.projects.order_by("title")}
    return render(request, "method/needs/detail.html", context)


@login_required
def need_create(request, slug):
    structure, _abilities = structure_for(request.user, slug, "change")
    initial = {}
    session_pk = request.GET.get("seance", "")
    if session_pk.isdigit():
        initial = {"session": session_pk, "source": "creativity_session"}
    form = NeedForm(request.POST or None, structure=structure, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            need = services.create_need(structure, by=request.user, data=form.data_for_service())
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Le besoin « %s » est enregistré.") % need.title)
            return redirect(need)
    return render(request, "method/needs/form.html", {"form": form, "structure": structure, "need": None})


@login_required
def need_edit(request, pk):
    need, _abilities = need_for(request.user, pk, "change")
    title = need.title
    form = NeedForm(request.POST or None, instance=need, structure=need.structure)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_need(
                need, by=request.user, data=form.data_for_service(), expected_version=form.cleaned_data["version"]
            )
        except (ValidationError, VersionConflict) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Le besoin est enregistré."))
            return redirect(need)
    context = {"form": form, "structure": need.structure, "need": need, "title": title}
    return render(request, "method/needs/form.html", context)


@login_required
def session_list(request, slug):
    structure, abilities = structure_for(request.user, slug)
    sessions = structure.creativity_sessions.select_related("departement").annotate(need_count=Count("needs"))
    page = Paginator(sessions.order_by("-held_on", "-pk"), PER_PAGE).get_page(request.GET.get("page"))
    context = {"structure": structure, "abilities": abilities, "page": page}
    return render(request, "method/sessions/list.html", context)


@login_required
def session_detail(request, pk):
    session, abilities = session_for(request.user, pk)
    context = {
        "session": session,
        "abilities": abilities,
        "needs": session.needs.order_by("title"),
        "partners": session.partners.order_by("name"),
    }
    return render(request, "method/sessions/detail.html", context)


@login_required
def session_create(request, slug):
    structure, _abilities = structure_for(request.user, slug, "change")
    form = SessionForm(request.POST or None, structure=structure)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.create_session(
                structure, by=request.user, data=form.data_for_service(), partners=form.cleaned_data["partners"]
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("La séance de créativité est enregistrée."))
            return redirect(session)
    return render(request, "method/sessions/form.html", {"form": form, "structure": structure, "session": None})


@login_required
def session_edit(request, pk):
    session, _abilities = session_for(request.user, pk, "change")
    title = session.title
    form = SessionForm(request.POST or None, instance=session, structure=session.structure)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_session(
                session,
                by=request.user,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
                partners=form.cleaned_data["partners"],
            )
        except (ValidationError, VersionConflict) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("La séance de créativité est enregistrée."))
            return redirect(session)
    context = {"form": form, "structure": session.structure, "session": session, "title": title}
    return render(request, "method/sessions/form.html", context)
