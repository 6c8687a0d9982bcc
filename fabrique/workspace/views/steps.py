"""Next steps: a project's tab « Prochaines étapes » (list, add, edit, change status) and the open next steps of
all a structure's projects, for its team and the coordination."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fabrique.core.exceptions import VersionConflict
from fabrique.core.forms import attach_errors
from fabrique.network.models import Structure

from ..forms import NextStepForm, StepFilterForm, StepStatusForm
from ..models import NextStep
from ..perms import can_follow_steps_of, step_abilities
from ..selectors import steps_of
from ..services import steps as services
from .common import workspace_for

PER_PAGE = 25


def _step_for(user, pk: int, step_pk: int, ability: str = "view"):
    project, place, abilities = workspace_for(user, pk)
    step = get_object_or_404(NextStep.objects.select_related("owner"), pk=step_pk, project=project)
    step.project = project
    step_rights = step_abilities(user, step, place)
    if not step_rights[ability]:
        raise PermissionDenied(_("Seuls l'équipe et la personne responsable modifient cette prochaine étape."))
    return project, place, abilities, step


@login_required
def steps(request, pk: int):
    """The project's next steps; whoever may write adds one (plain POST to this page)."""
    project, place, abilities = workspace_for(request.user, pk, "write" if request.method == "POST" else "view")
    form = NextStepForm(request.POST or None, project=project, user=request.user) if abilities["write"] else None
    if request.method == "POST" and form.is_valid():
        try:
            services.create_step(project, by=request.user, data=form.data_for_service())
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("La prochaine étape est ajoutée."))
            return redirect("workspace:steps", pk=project.pk)
    today = timezone.localdate()
    rows = [
        {"step": step, "abilities": step_abilities(request.user, step, place), "late": step.is_late(today)}
        for step in steps_of(project)
    ]
    context = {
        "project": project,
        "place": place,
        "abilities": abilities,
        "form": form,
        "open_rows": [row for row in rows if row["step"].is_open],
        "done_rows": [row for row in rows if not row["step"].is_open],
        "statuses": StepStatusForm.base_fields["status"].choices,
        "tab": "steps",
    }
    return render(request, "workspace/steps.html", context)


@login_required
def step_edit(request, pk: int, step_pk: int):
    project, place, abilities, step = _step_for(request.user, pk, step_pk, "change")
    title = step.title
    form = NextStepForm(request.POST or None, instance=step, project=project, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_step(
                step, by=request.user, data=form.data_for_service(), expected_version=form.cleaned_data["version"]
            )
        except (ValidationError, VersionConflict) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("La prochaine étape est enregistrée."))
            return redirect("workspace:steps", pk=project.pk)
    context = {
        "project": project,
        "place": place,
        "abilities": abilities,
        "form": form,
        "step": step,
        "title": title,
        "tab": "steps",
    }
    return render(request, "workspace/step_form.html", context)


@login_required
@require_POST
def step_status(request, pk: int, step_pk: int):
    project, _place, _abilities, step = _step_for(request.user, pk, step_pk, "change")
    form = StepStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez un des statuts proposés."))
    else:
        try:
            services.set_step_status(
                step, form.cleaned_data["status"], by=request.user, expected_version=form.cleaned_data["version"]
            )
        except VersionConflict as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("« %(title)s » : %(status)s.") % {"title": step.title, "status": step.get_status_display()},
            )
    return redirect(reverse("workspace:steps", args=[project.pk]) + f"#etape-{step.pk}")


@login_required
def structure_steps(request, slug: str):
    """The open next steps of all the structure's projects, filtered by owner, status and lateness."""
    structure = get_object_or_404(Structure, slug=slug)
    if not can_follow_steps_of(request.user, structure):
        raise PermissionDenied(
            _("Les prochaines étapes d'une structure sont réservées à son équipe et à la coordination.")
        )
    today = timezone.localdate()
    steps = NextStep.objects.open().filter(project__structure=structure)
    owners = (
        get_user_model().objects.filter(pk__in=steps.values("owner_id")).order_by("last_name", "first_name", "email")
    )
    form = StepFilterForm(request.GET or None, owners=owners)
    if form.is_valid():
        if form.cleaned_data["owner"]:
            steps = steps.filter(owner=form.cleaned_data["owner"])
        if form.cleaned_data["status"]:
            steps = steps.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["late"]:
            steps = steps.filter(due_on__lt=today)
    steps = steps.select_related("project", "owner").order_by("due_on", "pk")
    page = Paginator(steps, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "structure": structure,
        "form": form,
        "page": page,
        "rows": [{"step": step, "late": step.due_on < today} for step in page],
        "query": query.urlencode(),
    }
    return render(request, "workspace/structure_steps.html", context)
