"""Steering committee decisions, the economic model and the outcome of a project."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fabrique.core.exceptions import VersionConflict
from fabrique.core.forms import attach_errors

from .. import services
from ..forms import DecisionForm, EconomicModelForm, OutcomeForm
from ..models import EconomicModel, Outcome
from .common import project_for


@login_required
def decision_create(request, pk):
    project, _abilities = project_for(request.user, pk, "decide")
    form = DecisionForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.record_decision(
                project,
                by=request.user,
                data=form.data_for_service(),
                attendee_partners=form.cleaned_data["attendee_partners"],
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("La décision du comité de pilotage est consignée : %s.") % decision)
            return redirect(f"{project.get_absolute_url()}#suivi")
    return render(request, "method/steering/decision_form.html", {"project": project, "form": form})


def _edit_attached(request, pk, *, model, form_class, save, template, success):
    """Create or edit a project's economic model or outcome, version-checked; a conflict keeps what was typed."""
    project, _abilities = project_for(request.user, pk, "change")
    instance = model.objects.filter(project=project).first()
    form = form_class(request.POST or None, instance=instance, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            save(project, by=request.user, data=form.data_for_service(), expected_version=form.cleaned_data["version"])
        except (ValidationError, VersionConflict) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect(project)
    return render(request, template, {"project": project, "form": form, "existing": instance is not None})


def economic_model_edit(request, pk):
    return _edit_attached(
        request,
        pk,
        model=EconomicModel,
        form_class=EconomicModelForm,
        save=services.save_economic_model,
        template="method/steering/economic_model_form.html",
        success=_("Le modèle économique est enregistré."),
    )


def outcome_edit(request, pk):
    return _edit_attached(
        request,
        pk,
        model=Outcome,
        form_class=OutcomeForm,
        save=services.save_outcome,
        template="method/steering/outcome_form.html",
        success=_("Le résultat est enregistré."),
    )


economic_model_edit = login_required(economic_model_edit)
outcome_edit = login_required(outcome_edit)
