"""Forms of the workspace's pages. They parse; saving, and the rules a service holds, go through services/."""

from django import forms
from django.utils.translation import gettext_lazy as _

from fabrique.core import uploads
from fabrique.method.forms import DateInput, StyledMixin, VersionField

from .enums import NextStepStatus
from .models import NextStep
from .selectors import possible_owners
from .services.messages import MAX_ATTACHMENT_BYTES
from .services.steps import STEP_FIELDS

AUDIENCE_ALL = "all"
AUDIENCE_TEAM = "team"
BODY_HELP = _(
    "Mise en forme Markdown\u00a0: **gras**, *italique*, listes, liens. 10\u202f000\u00a0caractères au plus. "
    "Pour mentionner une personne du projet, cochez son nom ci-dessous ou écrivez @ suivi de son adresse e-mail "
    "(@camille@exemple.fr)."
)


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


class MessageForm(StyledMixin, forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}), help_text=BODY_HELP)
    audience = forms.ChoiceField(
        label=_("Qui lira ce message\u00a0?"),
        choices=[
            (AUDIENCE_ALL, _("À toutes les personnes du projet")),
            (AUDIENCE_TEAM, _("Note interne à l’équipe de la structure")),
        ],
        initial=AUDIENCE_ALL,
        widget=forms.RadioSelect,
        help_text=_(
            "Une note interne n’est lue que par l’équipe de la structure et la coordination du réseau\u00a0: "
            "ni le porteur ou la porteuse, ni les partenaires, ni les experts."
        ),
    )
    mentions = forms.TypedMultipleChoiceField(
        label=_("Mentionner"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Les personnes cochées reçoivent une notification de mention."),
    )
    attachment = forms.FileField(label=_("Pièce jointe"), required=False)

    def __init__(self, *args, people: list, internal_allowed: bool, **kwargs):
        """`people`: (user id, label) of whom the writer may mention; `internal_allowed`: the team writes notes."""
        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = _("Un seul fichier, %(formats)s, de %(limit)s\u00a0Mo au plus.") % {
            "formats": uploads.labels(),
            "limit": MAX_ATTACHMENT_BYTES // (1024 * 1024),
        }
        self.fields["mentions"].choices = people
        if not people:
            del self.fields["mentions"]
        if not internal_allowed:
            del self.fields["audience"]

    @property
    def internal(self) -> bool:
        return self.cleaned_data.get("audience") == AUDIENCE_TEAM


class MessageEditForm(StyledMixin, forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}), help_text=BODY_HELP)
    version = VersionField()
