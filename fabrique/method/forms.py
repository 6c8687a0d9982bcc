"""Forms of the method's pages. They parse and validate; saving goes through services.py and stages.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from fabrique.core.vocabulary import Theme
from fabrique.network.models import Partner
from fabrique.territories.models import Departement

from .enums import STAGE_ORDER, Stage
from .models import CreativitySession, EconomicModel, Need, Outcome, Project, ProjectPartner, SteeringDecision
from .services import ECONOMIC_MODEL_FIELDS, NEED_FIELDS, OUTCOME_FIELDS
from .stages import allowed_moves


class StyledMixin:
    """Bootstrap classes on every widget; labels, help and errors are laid out by method/_field.html."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect | forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class VersionField(forms.IntegerField):
    """The version the editor read (0: the record did not exist yet)."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.HiddenInput, min_value=0, **kwargs)


def _departement_label(departement) -> str:
    return f"{departement.code} — {departement.name}"


def structure_partners(structure):
    return Partner.objects.filter(partnerships__structure=structure).distinct().order_by("name")


class NeedForm(StyledMixin, forms.ModelForm):
    version = VersionField(required=False)

    class Meta:
        model = Need
        fields = list(NEED_FIELDS)  # what the service writes, in the order shown
        widgets = {"detected_on": DateInput, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.structure = structure
        self.fields["departement"].queryset = Departement.objects.order_by("code")
        self.fields["departement"].label_from_instance = _departement_label
        self.fields["session"].queryset = CreativitySession.objects.filter(structure=structure)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["version"].required = True
            self.fields["merged_into"].queryset = Need.objects.filter(structure=structure).exclude(pk=self.instance.pk)
        else:
            for name in ("status", "status_reason", "merged_into"):
                del self.fields[name]
            first = structure.departements.order_by("code").first()
            if first is not None:
                self.fields["departement"].initial = first.pk

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name != "version"}


class SessionForm(StyledMixin, forms.ModelForm):
    version = VersionField(required=False)

    class Meta:
        model = CreativitySession
        fields = [
            "title",
            "held_on",
            "place",
            "departement",
            "participants_count",
            "organisers",
            "partners",
            "description",
        ]
        widgets = {
            "held_on": DateInput,
            "partners": forms.CheckboxSelectMultiple,
            "organisers": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.structure = structure
        self.fields["departement"].queryset = Departement.objects.order_by("code")
        self.fields["departement"].label_from_instance = _departement_label
        self.fields["partners"].queryset = structure_partners(structure)
        self.fields["partners"].help_text = _("Les partenaires de la structure qui ont pris part à la séance.")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["version"].required = True
        else:
            first = structure.departements.order_by("code").first()
            if first is not None:
                self.fields["departement"].initial = first.pk

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name not in ("version", "partners")}


class ProjectForm(StyledMixin, forms.ModelForm):
    version = VersionField(required=False)

    class Meta:
        model = Project
        fields = [
            "title",
            "summary",
            "theme",
            "departements",
            "needs",
            "detected_on",
            "carrier_name",
            "carrier_kind",
            "carrier_contact",
            "is_public",
        ]
        widgets = {
            "detected_on": DateInput,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "departements": forms.CheckboxSelectMultiple,
            "needs": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.structure = structure
        current = list(self.instance.departements.values_list("code", flat=True)) if self.instance.pk else []
        codes = set(structure.departements.values_list("code", flat=True)) | set(current)
        departements = Departement.objects.filter(code__in=codes) if codes else Departement.objects.all()
        self.fields["departements"].queryset = departements.order_by("code")
        self.fields["departements"].label_from_instance = _departement_label
        needs = Need.objects.filter(structure=structure).open()
        if self.instance.pk:
            needs = needs | Need.objects.filter(projects=self.instance)
            self.fields["version"].initial = self.instance.version
            self.fields["version"].required = True
        self.fields["needs"].queryset = needs.distinct().order_by("-detected_on", "pk")
        self.fields["needs"].required = False
        self.fields["theme"].choices = [("", "---------"), *Theme.choices]

    def data_for_service(self) -> dict:
        skip = {"version", "departements", "needs"}
        return {name: self.cleaned_data[name] for name in self.fields if name not in skip}


class StageChoiceField(forms.ChoiceField):
    """Offers the moves allowed from the project's stage, and accepts any stage: the service says why one is
    refused, and the form shown again keeps the moves' labels (« Revenir à « détection » »)."""

    def valid_value(self, value):
        return value in Stage.values


class MoveForm(StyledMixin, forms.Form):
    to = StageChoiceField(label=_("Nouvelle étape"))
    note = forms.CharField(
        label=_("Motif ou note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Obligatoire pour revenir en arrière, mettre en pause, abandonner ou reprendre un projet abandonné."
        ),
    )
    version = VersionField()

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        moves = allowed_moves(project)
        self.fields["to"].choices = [(m.to, m.label) for m in moves] or [(s, Stage(s).label) for s in STAGE_ORDER]
        self.fields["version"].initial = project.version


class NoteForm(StyledMixin, forms.Form):
    text = forms.CharField(label=_("Nouvelle note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = SteeringDecision
        fields = ["decided_on", "subject", "choice", "attendee_partners", "attendees", "note"]
        widgets = {
            "decided_on": DateInput,
            "attendee_partners": forms.CheckboxSelectMultiple,
            "attendees": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.project = project
        self.fields["attendee_partners"].queryset = structure_partners(project.structure)

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name != "attendee_partners"}


class EconomicModelForm(StyledMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = EconomicModel
        fields = list(ECONOMIC_MODEL_FIELDS)

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.project = project
        self.fields["version"].initial = self.instance.version if self.instance.pk else 0

    def validate_unique(self):
        """A model created meanwhile by someone else is a version conflict, reported by the service."""

    def share_fields(self):
        return [self[name] for name in EconomicModel.SHARE_FIELDS]

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name != "version"}


FOLLOWUP_CHOICES = [("unknown", _("pas encore renseigné")), ("true", _("oui")), ("false", _("non"))]


class OutcomeForm(StyledMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Outcome
        fields = list(OUTCOME_FIELDS)
        widgets = {
            "created_on": DateInput,
            "note": forms.Textarea(attrs={"rows": 3}),
            "followup_1y_active": forms.NullBooleanSelect,
            "followup_3y_active": forms.NullBooleanSelect,
        }

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.project = project
        self.fields["version"].initial = self.instance.version if self.instance.pk else 0
        for name in ("followup_1y_active", "followup_3y_active"):
            self.fields[name].widget.choices = FOLLOWUP_CHOICES

    def validate_unique(self):
        """An outcome created meanwhile by someone else is a version conflict, reported by the service."""

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name != "version"}


class ProjectPartnerForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = ProjectPartner
        fields = ["partner", "role", "note"]

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.project = project
        self.fields["partner"].queryset = structure_partners(project.structure)
        self.fields["partner"].help_text = _(
            "Les partenaires de la structure (à ajouter depuis la fiche de la structure)."
        )

    def validate_unique(self):
        """The service says it in French when the partner already holds this role."""
