from django import forms
from django.utils.translation import gettext_lazy as _

from fabrique.core.vocabulary import Theme
from fabrique.territories.models import Region

from .enums import DocumentType
from .query import SearchRequest
from .registry import registered_types


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Rechercher"), max_length=200, required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    theme = forms.ChoiceField(label=_("Thème"), required=False, choices=[("", _("Tous les thèmes")), *Theme.choices])
    region = forms.ChoiceField(label=_("Région"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(DocumentType.choices)
        self.fields["type"].choices = [("", _("Tous les types"))] + [(t, labels[t]) for t in registered_types()]
        self.fields["region"].choices = [("", _("Toutes les régions"))] + list(
            Region.objects.order_by("name").values_list("code", "name")
        )

    def search_request(self) -> SearchRequest:
        data = self.cleaned_data
        return SearchRequest(
            text=data["q"], types=[data["type"]] if data["type"] else [], theme=data["theme"], region=data["region"]
        )
