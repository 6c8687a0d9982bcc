from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import Delivery, NotificationKind


class PreferencesForm(forms.Form):
    """One choice per kind of notification: how it reaches the person."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in NotificationKind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=current[kind.value],
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                error_messages={"required": _("Choisissez comment recevoir ce type de notification.")},
            )
