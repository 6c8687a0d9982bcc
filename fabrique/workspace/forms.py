"""Forms of the workspace's pages. They parse; saving, and the rules a service holds, go through services/."""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from fabrique.core import uploads
from fabrique.library.uploads import accepted_formats_label, check_upload, max_upload_bytes
from fabrique.method.forms import DateInput, VersionField
from fabrique.method.models import ProjectPartner
from fabrique.network.forms.registry import StyledMixin  # the lists of choices are laid out by network/_field.html
from fabrique.network.models import Partner
from fabrique.search.visibility import Visibility

from .enums import DocumentKind, DocumentVisibility, NextStepStatus, ProjectRole
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


def registry_partners(project) -> list:
    """The registry's partners, the project's own first, in one query."""
    on_project = ProjectPartner.objects.filter(project=project, partner=OuterRef("pk"))
    return list(Partner.objects.annotate(on_project=Exists(on_project)).order_by("-on_project", "name", "pk"))


class InvitationForm(StyledMixin, forms.Form):
    """The team invites a person to the project; the service says what is refused (already there, observer…)."""

    email = forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("Le lien d'invitation part à cette adresse ; il ne sert qu'une fois."),
    )
    role = forms.ChoiceField(label=_("Rôle sur le projet"), choices=ProjectRole.choices)
    observer = forms.BooleanField(
        label=_("Observateur ou observatrice (lit sans écrire)"),
        required=False,
        help_text=_("Seulement pour un expert extérieur."),
    )
    partner = forms.ModelChoiceField(
        label=_("Partenaire du registre"),
        queryset=Partner.objects.all(),
        required=False,
        help_text=_("Seulement pour un partenaire : les partenaires du projet d'abord, puis ceux du registre."),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = self._partner_choices(project)
        self.fields["email"].error_messages["invalid"] = _(
            "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr."
        )

    @staticmethod
    def _partner_choices(project) -> list:
        partners = registry_partners(project)
        own = [(p.pk, p.name) for p in partners if p.on_project]
        others = [(p.pk, p.name) for p in partners if not p.on_project]
        groups = [("", _("Aucun"))]
        if own:
            groups.append((_("Partenaires du projet"), own))
        if others:
            groups.append((_("Autres partenaires du registre"), others))
        return groups


class ObserverForm(forms.Form):
    observer = forms.BooleanField(label=_("Observateur ou observatrice"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


# --- documents -----------------------------------------------------------------------------------------------


def _file_help() -> str:
    return _("Formats acceptés : %(formats)s ; %(limit)s Mo au plus.") % {
        "formats": accepted_formats_label(),
        "limit": max_upload_bytes() // (1024 * 1024),
    }


class _FileMixin:
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            check_upload(upload)  # the same check as the service, to show the message beside the field
        return upload


class DocumentForm(_FileMixin, StyledMixin, forms.Form):
    title = forms.CharField(label=_("Titre"), max_length=200)
    kind = forms.ChoiceField(label=_("Type de document"), choices=DocumentKind.choices)
    visibility = forms.ChoiceField(label=_("Visible par"), choices=DocumentVisibility.choices)
    file = forms.FileField(label=_("Fichier"))
    note = forms.CharField(label=_("Note sur cette version"), max_length=300, required=False)

    def __init__(self, *args, visibilities: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _file_help()
        labels = dict(DocumentVisibility.choices)
        self.fields["visibility"].choices = [(value, labels[value]) for value in visibilities]
        self.initial.setdefault("visibility", visibilities[0] if visibilities else "")


class VersionForm(_FileMixin, StyledMixin, forms.Form):
    file = forms.FileField(label=_("Nouvelle version du fichier"))
    note = forms.CharField(label=_("Ce qui change dans cette version"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _file_help()


class _OwnIds:
    """Several forms share a document's page: each names its fields' ids after itself (`auto_id`)."""

    ids = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.ids}_%s")
        super().__init__(*args, **kwargs)


class VisibilityForm(_OwnIds, StyledMixin, forms.Form):
    ids = "visibility"
    visibility = forms.ChoiceField(label=_("Visible par"), choices=DocumentVisibility.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DeleteForm(_OwnIds, forms.Form):
    ids = "delete"
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PublishForm(_OwnIds, StyledMixin, forms.Form):
    ids = "publish"
    summary = forms.CharField(
        label=_("Résumé de la ressource"),
        max_length=800,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ce que la ressource apporte au réseau, en quelques lignes."),
    )
    visibility = forms.ChoiceField(label=_("Visibilité dans la bibliothèque"), choices=Visibility.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("visibility", Visibility.NETWORK)
