"""A project's page (with its timeline), its creation and edit forms, stage changes, notes and partners."""

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.core.forms import attach_errors

from .. import services
from ..forms import MoveForm, NoteForm, ProjectForm, ProjectPartnerForm
from ..models import Need, Project, ProjectPartner
from ..stages import allowed_moves
from .common import card_tag, project_for, safe_next, structure_for


def _at_noon(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def _decision_time(decision) -> datetime:
    """When a decision sits in the timeline: when it was recorded if that was the day of the committee."""
    if timezone.localdate(decision.recorded_at) == decision.decided_on:
        return decision.recorded_at
    return _at_noon(decision.decided_on)


def _decisions_with_attendees(project: Project) -> list:
    """The committee decisions, each with `attendee_names` (partners present), in one query: one row per
    (decision, partner present), or one row with no name for a decision without partners."""
    rows = project.decisions.annotate(partner_name=F("attendee_partners__name")).order_by("pk", "partner_name")
    decisions: dict[int, object] = {}
    for row in rows:
        decision = decisions.setdefault(row.pk, row)
        if decision is row:
            decision.attendee_names = []
        if row.partner_name:
            decision.attendee_names.append(row.partner_name)
    return list(decisions.values())


def timeline(project: Project) -> list[dict]:
    """Stage changes, steering decisions and notes, most recent first."""
    entries = [
        {"kind": "stage", "at": row.changed_at, "row": row} for row in project.stage_log.select_related("changed_by")
    ]
    entries += [{"kind": "decision", "at": _decision_time(d), "row": d} for d in _decisions_with_attendees(project)]
    entries += [{"kind": "note", "at": n.written_at, "row": n} for n in project.notes.select_related("author")]
    return sorted(entries, key=lambda entry: (entry["at"], entry["kind"] == "stage"), reverse=True)


def _one(project: Project, name: str):
    try:
        return getattr(project, name)
    except ObjectDoesNotExist:
        return None


_DETAIL_QUERYSET = Project.objects.select_related("structure", "economic_model", "outcome").prefetch_related(
    "departements",
    Prefetch("needs", queryset=Need.objects.order_by("-detected_on")),
    Prefetch("project_partners", queryset=ProjectPartner.objects.select_related("partner")),
)


@login_required
def project_detail(request, pk):
    project, abilities = project_for(request.user, pk, "view", _DETAIL_QUERYSET)
    return _render_detail(request, project, abilities, NoteForm() if abilities["note"] else None)


def _render_detail(request, project, abilities, note_form, status=200):
    context = {
        "project": project,
        "abilities": abilities,
        "timeline": timeline(project),
        "economic_model": _one(project, "economic_model"),
        "outcome": _one(project, "outcome"),
        "moves": allowed_moves(project) if abilities["move"] else [],
        "move_form": MoveForm(project=project) if abilities["move"] else None,
        "note_form": note_form,
    }
    return render(request, "method/projects/detail.html", context, status=status)


def _initial_from_need(request, structure) -> dict:
    """Opening a project from a need copies its title, theme, département and date."""
    pk = request.GET.get("besoin", "")
    if not pk.isdigit():
        return {}
    need = Need.objects.filter(pk=pk, structure=structure).first()
    if need is None:
        return {}
    return {
        "title": need.title,
        "summary": need.description,
        "theme": need.theme,
        "detected_on": need.detected_on,
        "departements": [need.departement_id],
        "needs": [need.pk],
    }


@login_required
def project_create(request, slug):
    structure, _abilities = structure_for(request.user, slug, "change")
    form = ProjectForm(request.POST or None, structure=structure, initial=_initial_from_need(request, structure))
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(
                structure,
                by=request.user,
                data=form.data_for_service(),
                departements=form.cleaned_data["departements"],
                needs=form.cleaned_data["needs"],
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Le projet « %s » est ouvert, à l'étape détection.") % project.title)
            return redirect(project)
    return render(request, "method/projects/form.html", {"form": form, "structure": structure, "project": None})


@login_required
def project_edit(request, pk):
    project, _abilities = project_for(request.user, pk, "change")
    title = project.title
    form = ProjectForm(request.POST or None, instance=project, structure=project.structure)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_project(
                project,
                by=request.user,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
                departements=form.cleaned_data["departements"],
                needs=form.cleaned_data["needs"],
            )
        except (VersionConflict, ValidationError) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Le projet est enregistré."))
            return redirect(project)
    context = {"form": form, "structure": project.structure, "project": project, "title": title}
    return render(request, "method/projects/form.html", context)


@login_required
def project_move(request, pk):
    """Change the stage: from the board (forward button) or this page's form (any allowed change, with a note)."""
    project, _abilities = project_for(request.user, pk, "move")
    form = MoveForm(request.POST or None, project=project)
    back_to_board = bool(request.POST.get("next"))
    if request.method == "POST" and form.is_valid():
        to = form.cleaned_data["to"]
        try:
            project = services.change_stage(
                project,
                to,
                by=request.user,
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except DomainError as exc:
            if back_to_board:
                messages.error(
                    request,
                    _("« %(title)s » n'a pas changé d'étape : %(reason)s") % {"title": project.title, "reason": exc},
                    extra_tags=card_tag(project),
                )
                return redirect(safe_next(request, project.get_absolute_url()))
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("« %(title)s » est maintenant à l'étape « %(stage)s ».")
                % {"title": project.title, "stage": project.get_stage_display()},
                extra_tags=card_tag(project),
            )
            return redirect(safe_next(request, project.get_absolute_url()))
    elif request.method == "POST" and back_to_board:
        messages.error(
            request, _("Changement d'étape non valide : rechargez le tableau."), extra_tags=card_tag(project)
        )
        return redirect(safe_next(request, project.get_absolute_url()))
    project.refresh_from_db()
    context = {"project": project, "form": form, "moves": allowed_moves(project)}
    return render(request, "method/projects/move.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def note_add(request, pk):
    project, _abilities = project_for(request.user, pk, "note")
    form = NoteForm(request.POST)
    if not form.is_valid():
        # the page again with the refused form: its summary takes the focus beside the field (a redirect to
        # #suivi left the focus on the page and the message at the top, out of view)
        project, abilities = project_for(request.user, pk, "view", _DETAIL_QUERYSET)
        return _render_detail(request, project, abilities, form, status=400)
    services.add_note(project, by=request.user, text=form.cleaned_data["text"])
    messages.success(request, _("La note est ajoutée au suivi."))
    return redirect(f"{project.get_absolute_url()}#suivi")


@login_required
def project_partners(request, pk):
    """The partners involved in the project, and the form to add one with its role."""
    project, abilities = project_for(request.user, pk, "view")
    form = ProjectPartnerForm(request.POST or None, project=project)
    if request.method == "POST":
        project, abilities = project_for(request.user, pk, "manage_partners")
        if form.is_valid():
            try:
                services.add_project_partner(
                    project,
                    by=request.user,
                    partner=form.cleaned_data["partner"],
                    role=form.cleaned_data["role"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                attach_errors(form, exc)
            else:
                messages.success(request, _("Le partenaire est ajouté au projet."))
                return redirect("method:project_partners", pk=project.pk)
    links = project.project_partners.select_related("partner")
    context = {"project": project, "abilities": abilities, "links": links, "form": form}
    return render(request, "method/projects/partners.html", context)


@login_required
@require_POST
def project_partner_remove(request, pk, link_pk):
    project, _abilities = project_for(request.user, pk)  # the service refuses who may not manage partners (403)
    link = get_object_or_404(ProjectPartner.objects.select_related("partner"), pk=link_pk, project=project)
    services.remove_project_partner(link, by=request.user)
    messages.success(request, _("%s ne figure plus parmi les partenaires du projet.") % link.partner.name)
    return redirect("method:project_partners", pk=project.pk)
