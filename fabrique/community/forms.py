from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from fabrique.network.forms import DateInput, StyledMixin, https_urls, one_newline_style
from fabrique.network.models import Structure
from fabrique.network.perms import member_structure_ids
from fabrique.territories.models import Departement

from .enums import EventKind
from .models import CANCEL_REASON_MAX_LENGTH, Event, NewsPost, WorkingGroup
from .perms import network_people, organiser_ids
from .services.events import EVENT_FIELDS
from .services.groups import GROUP_FIELDS
from .services.news import NEWS_FIELDS


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class EventForm(StyledMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        formfield_callback = https_urls
        fields = list(EVENT_FIELDS)  # what the service writes, in the order shown
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "starts_at": DateTimeInput,
            "ends_at": DateTimeInput,
            "registration_closes_at": DateTimeInput,
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = organiser_ids(user)
        structures = Structure.objects.order_by("name")
        if allowed is not None:
            structures = structures.filter(pk__in=allowed)
            self.fields["organiser"].required = True
            self.fields["organiser"].empty_label = None
        else:
            self.fields["organiser"].empty_label = _("La coordination du réseau")
        self.fields["organiser"].queryset = structures
        self.fields["departement"].queryset = Departement.objects.order_by("code")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def event_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class NewsPostForm(StyledMixin, forms.ModelForm):
    """Writing a post; the publication date is today or later (a later day: scheduled), empty for a draft."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = NewsPost
        formfield_callback = https_urls
        fields = list(NEWS_FIELDS)
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 14}),
            "visibility": forms.RadioSelect,
            "published_on": DateInput,
        }
        help_texts = {
            "summary": _("Quelques phrases en tête de l'actualité, reprises dans la liste et le flux Atom."),
            "body": _("Markdown simple : **gras**, *italique*, listes, liens, intertitres (##)."),
            "published_on": _(
                "Aujourd'hui ou plus tard : une date à venir programme la publication, l'actualité reste "
                "invisible jusqu'à ce jour. Vide : brouillon, lu par la coordination seule."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean_body(self):
        return one_newline_style(self.cleaned_data["body"])

    def clean_summary(self):
        return one_newline_style(self.cleaned_data["summary"])

    def news_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def _people():
    return network_people(get_user_model().objects.all()).order_by("last_name", "first_name", "email")


class WorkingGroupForm(StyledMixin, forms.ModelForm):
    lead = forms.ModelChoiceField(
        label=_("Animateur·rice"),
        queryset=get_user_model().objects.none(),
        help_text=_("Une personne du réseau ; si vous la changez, l'animateur·rice précédent·e reste membre."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = WorkingGroup
        fields = list(GROUP_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 8}), "visibility": forms.RadioSelect}

    def __init__(self, *args, leads=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = _people()
        if leads:
            self.fields["lead"].initial = leads[0].pk
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean_description(self):
        return one_newline_style(self.cleaned_data["description"])

    def group_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in [*self.Meta.fields, "lead"]}


class AddMemberForm(StyledMixin, forms.Form):
    user = forms.ModelChoiceField(label=_("Personne à ajouter"), queryset=get_user_model().objects.none())

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = _people().exclude(group_memberships__group=group)


class UnpublishNewsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, post, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = post.version


class CancelEventForm(StyledMixin, forms.Form):
    reason = forms.CharField(
        label=_("Motif de l'annulation"),
        max_length=CANCEL_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Envoyé par e-mail aux personnes inscrites et affiché sur la page de l'événement."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = event.version


class RegistrationForm(StyledMixin, forms.Form):
    """On whose behalf one registers, when one belongs to several structures."""

    structure = forms.ModelChoiceField(
        label=_("Au titre de la structure"), queryset=Structure.objects.none(), empty_label=None, required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = Structure.objects.filter(pk__in=member_structure_ids(user)).order_by("name")

    @property
    def needs_choice(self) -> bool:
        return self.fields["structure"].queryset.count() > 1


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(
        label=_("Personnes présentes"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [
            (registration.user_id, f"{registration.user} — {registration.structure or _('coordination')}")
            for registration in registrations
        ]
        self.fields["present"].widget.attrs["class"] = "form-check-input"
        self.initial.setdefault("present", [r.user_id for r in registrations if r.attended])


class EventFilterForm(StyledMixin, forms.Form):
    PERIODS = [("upcoming", _("à venir")), ("past", _("passés"))]

    period = forms.ChoiceField(label=_("Période"), choices=PERIODS, required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("Tous les types")), *EventKind.choices])
