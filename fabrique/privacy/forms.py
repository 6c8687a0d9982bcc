from django import forms
from django.utils.translation import gettext_lazy as _


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Adresse e-mail ou nom"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}),
    )


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (par exemple : demande de la personne du 2 décembre)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
    )
    confirm = forms.BooleanField(
        label=_("Je confirme l'effacement : il ne peut pas être annulé."),
        required=True,
        error_messages={"required": _("Cochez la case pour confirmer l'effacement.")},
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
