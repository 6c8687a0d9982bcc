"""Forms of the procedure; they parse and validate, the services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fabrique.network.models import Structure

from .enums import VoteChoice
from .models import AnnouncementDraft, AppellationRequest, Charter
from .validators import LABELS, max_attachment_bytes


class BootstrapMixin:
    """Bootstrap classes on the widgets; labels, help texts and errors are linked by Django (aria-describedby)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.CheckboxInput)):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            elif isinstance(widget, forms.HiddenInput):
                continue
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class RequestForm(BootstrapMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AppellationRequest
        fields = ["usefulness", "partnerships", "know_how"]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in fields}


class NewRequestForm(RequestForm):
    structure = forms.ModelChoiceField(
        label=_("Structure qui demande l'appellation"), queryset=Structure.objects.none(), empty_label=None
    )

    class Meta(RequestForm.Meta):
        fields = ["structure", "usefulness", "partnerships", "know_how"]

    def __init__(self, *args, structures=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures if structures is not None else Structure.objects.none()
        del self.fields["version"]


class AttachmentForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Titre du document"), max_length=200)
    file = forms.FileField(
        label=_("Fichier"),
        help_text=_("Formats acceptés : %(formats)s ; %(size)s Mo au plus.")
        % {"formats": LABELS, "size": max_attachment_bytes() // (1024 * 1024)},
    )


class WithdrawForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Motif du retrait"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )


class SessionForm(BootstrapMixin, forms.Form):
    held_on = forms.DateField(
        label=_("Date de la séance"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    deadline = forms.DateTimeField(
        label=_("Date limite des votes"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
        help_text=_("Les structures votantes reçoivent un rappel deux jours avant."),
    )
    requests = forms.ModelMultipleChoiceField(
        label=_("Demandes à l'ordre du jour"),
        queryset=AppellationRequest.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Notes (visibles par les structures votantes)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, awaiting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requests"].queryset = awaiting if awaiting is not None else AppellationRequest.objects.none()
        self.fields["requests"].label_from_instance = lambda request: request.structure.name

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.now():
            raise forms.ValidationError(_("La date limite des votes doit être dans le futur."))
        return deadline


class VoteForm(BootstrapMixin, forms.Form):
    structure = forms.TypedChoiceField(label=_("Au nom de"), coerce=int, widget=forms.HiddenInput)
    choice = forms.ChoiceField(label=_("Votre vote"), choices=VoteChoice.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Commentaire (lu par la coordination et, sans votre nom, par la structure demandeuse)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args, structures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].choices = [(s.pk, s.name) for s in structures]
        if len(structures) > 1:
            self.fields["structure"].widget = forms.Select(attrs={"class": "form-select"})


class ConflictForm(BootstrapMixin, forms.Form):
    structure = forms.TypedChoiceField(label=_("Structure"), coerce=int)
    reason = forms.CharField(
        label=_("Motif du conflit d'intérêts"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, structures=(), hide_structure=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].choices = [(s.pk, s.name) for s in structures]
        if hide_structure and len(structures) == 1:
            self.fields["structure"].widget = forms.HiddenInput()


class CharterForm(BootstrapMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Charter
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 14})}


class CharterAcceptanceForm(BootstrapMixin, forms.Form):
    structure = forms.TypedChoiceField(label=_("Structure"), coerce=int)
    confirm = forms.BooleanField(
        label=_("J'ai lu la charte et j'engage ma structure à la respecter."),
        error_messages={"required": _("Cochez la case pour engager votre structure.")},
    )

    def __init__(self, *args, structures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].choices = [(s.pk, s.name) for s in structures]
        if len(structures) == 1:  # nothing to choose: the one structure goes in the form, unseen
            self.fields["structure"].widget = forms.HiddenInput()
            self.fields["structure"].initial = structures[0].pk


class AnnouncementForm(BootstrapMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AnnouncementDraft
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}
