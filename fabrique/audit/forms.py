from datetime import datetime, time, timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fabrique.network.models import Structure

from .journal import Filters, kinds


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.email})" if name and not obj.is_erased else name or obj.email


class JournalFilterForm(forms.Form):
    person = PersonChoiceField(
        label=_("Personne"),
        queryset=get_user_model().objects.order_by("last_name", "first_name", "email"),
        required=False,
        empty_label=_("Tout le monde"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    structure = forms.ModelChoiceField(
        label=_("Structure"),
        queryset=Structure.objects.order_by("name"),
        required=False,
        empty_label=_("Toutes"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    kind = forms.ChoiceField(
        label=_("Type d'objet"), required=False, widget=forms.Select(attrs={"class": "form-select"})
    )
    since = forms.DateField(
        label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date", "class": "form-control"})
    )
    until = forms.DateField(
        label=_("Au (inclus)"), required=False, widget=forms.DateInput(attrs={"type": "date", "class": "form-control"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Tous"))] + [(k.key, k.label) for k in kinds().values()]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("La date de fin précède la date de début."))
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            person_id=data["person"].pk if data.get("person") else None,
            structure_id=data["structure"].pk if data.get("structure") else None,
            kind=data.get("kind") or "",
            since=_start_of(data.get("since")),
            until=_start_of(data["until"] + timedelta(days=1)) if data.get("until") else None,
        )


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None
