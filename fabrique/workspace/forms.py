"""Forms of the workspace's pages. They parse and validate; saving goes through services/."""

from django import forms
from django.utils.translation import gettext_lazy as _

from fabrique.method.forms import DateInput, StyledMixin, VersionField

from .enums import NextStepStatus
from .models import NextStep
from .selectors import possible_owners
from .services.steps import STEP_FIELDS


def person_label(user) -> str:
    return user.get_full_name() or user.email


class NextStepForm(StyledMixin, forms.ModelForm):
    version = VersionField(required=False)

    class Meta:
        model = NextStep
        fields = list(STEP_FIELDS)
        widgets = {"due_on": DateInput}

    def __init__(self, *args, project, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.project = project
        self.fields["owner"].queryset = possible_owners(project)
        self.fields["owner"].label_from_instance = person_label
        self.fields["owner"].empty_label = None
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["version"].required = True
        else:
            self.fields["owner"].initial = user.pk
            self.fields["stage"].initial = project.stage

    def _post_clean(self):
        """The service validates the whole step (owner on the project, due date not past): not the ModelForm."""

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in STEP_FIELDS}


class StepStatusForm(StyledMixin, forms.Form):
    status = forms.ChoiceField(label=_("Statut"), choices=NextStepStatus.choices)
    version = VersionField()


class StepFilterForm(StyledMixin, forms.Form):
    """The structure's open next steps, by owner, status, lateness."""

    owner = forms.ModelChoiceField(label=_("Responsable"), queryset=None, required=False, empty_label=_("Tous"))
    status = forms.ChoiceField(label=_("Statut"), required=False)
    late = forms.BooleanField(label=_("En retard seulement"), required=False)

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = person_label
        self.fields["status"].choices = [("", _("Tous les statuts ouverts"))] + [
            choice for choice in NextStepStatus.choices if choice[0] != NextStepStatus.DONE
        ]
