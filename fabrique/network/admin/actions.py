"""Status changes from the admin: each action asks for a reason and a date, then calls the service.

All the selected structures change, or none (one transaction); the log says via="admin".
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from fabrique.core.exceptions import DomainError

from .. import services

VIA = "admin"


@dataclass(frozen=True)
class StatusAction:
    name: str
    description: str
    submit: str
    reason_required: bool
    apply: Callable


STATUS_ACTIONS = {
    action.name: action
    for action in (
        StatusAction(
            "admit_selected",
            _("Admettre (candidature acceptée, début de l'expérimentation)"),
            _("Admettre"),
            False,
            services.admit,
        ),
        StatusAction(
            "withdraw_selected", _("Enregistrer le retrait"), _("Enregistrer le retrait"), True, services.withdraw
        ),
        StatusAction("readmit_selected", _("Réadmettre en expérimentation"), _("Réadmettre"), True, services.readmit),
        StatusAction(
            "label_selected",
            _("Accorder l'appellation hors comité (motif obligatoire)"),
            _("Accorder l'appellation"),
            True,
            services.grant_appellation,
        ),
    )
}


class StatusChangeForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        required=False,
        max_length=2000,
        help_text=_("Il figurera dans le journal des statuts de chaque structure sélectionnée."),
    )
    on = forms.DateField(
        label=_("Date d'effet"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Par défaut, aujourd'hui."),
    )

    def __init__(self, *args, reason_required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        if reason_required:
            self.fields["reason"].error_messages["required"] = _("Indiquez le motif : il est obligatoire.")

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("La date d'effet ne peut pas être dans le futur."))
        return day


def change_status(model_admin, request, queryset, action: StatusAction):
    """Ask for the reason and the date (intermediate page), then change every selected structure, or none."""
    structures = list(queryset.order_by("name"))
    if "apply" in request.POST:
        form = StatusChangeForm(request.POST, reason_required=action.reason_required)
        if form.is_valid():
            return _apply(model_admin, request, structures, action, form.cleaned_data)
    else:
        form = StatusChangeForm(reason_required=action.reason_required, initial={"on": timezone.localdate()})
    context = {
        **model_admin.admin_site.each_context(request),
        "title": action.description,
        "opts": model_admin.model._meta,
        "structures": structures,
        "form": form,
        "action": action,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/network/structure/change_status.html", context)


def _apply(model_admin, request, structures, action: StatusAction, data: dict):
    current = None
    try:
        with transaction.atomic():
            for current in structures:
                action.apply(current, by=request.user, reason=data["reason"], on=data["on"], via=VIA)
    except (DomainError, PermissionDenied) as refusal:
        model_admin.message_user(
            request,
            gettext("« %(structure)s » : %(refusal)s Aucune structure n'a été modifiée.")
            % {"structure": current, "refusal": refusal},
            messages.ERROR,
        )
        return None
    count = len(structures)
    model_admin.message_user(
        request,
        ngettext("%(count)d structure modifiée.", "%(count)d structures modifiées.", count) % {"count": count},
        messages.SUCCESS,
    )
    return None


def make_admin_action(action: StatusAction):
    @admin.action(description=action.description)
    def run(model_admin, request, queryset):
        return change_status(model_admin, request, queryset, action)

    run.__name__ = action.name
    return run
