from django import forms
from django.utils.translation import gettext_lazy as _

from fabrique.network.models import Structure

from .imports import LABELS


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Ce que contient le fichier"))
    structure = forms.ModelChoiceField(
        queryset=Structure.objects.none(),
        label=_("Structure"),
        required=False,
        to_field_name="slug",
        help_text=_("Les lignes sans structure lui sont rattachées ; les lignes d'une autre structure sont refusées."),
    )
    file = forms.FileField(
        label=_("Fichier XLSX ou CSV"),
        help_text=_("CSV en UTF-8 ou Windows-1252, séparé par « ; » ou « , » ; dates JJ/MM/AAAA ou AAAA-MM-JJ."),
        allow_empty_file=True,
    )
    dry_run = forms.BooleanField(
        label=_("Essai sans enregistrer (vérifier le fichier et voir ce qui changerait)"), required=False, initial=True
    )

    def __init__(self, *args, kinds: list[str], structures, structure_required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind, LABELS[kind]) for kind in kinds]
        self.fields["structure"].queryset = structures
        self.fields["structure"].required = structure_required
        for name, css in (("kind", "form-select"), ("structure", "form-select"), ("file", "form-control")):
            attrs = self.fields[name].widget.attrs
            attrs["class"] = css
            if self.fields[name].help_text:
                attrs["aria-describedby"] = f"id_{name}-aide"
        if structure_required:
            self.fields["structure"].empty_label = None
        else:
            self.fields["structure"].empty_label = _("Selon la colonne « Structure » du fichier")
