from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from fabrique.community.interface import WorkingGroup
from fabrique.core.vocabulary import Theme
from fabrique.method.interface import Project, readable_projects
from fabrique.network.forms import StyledMixin, https_urls
from fabrique.network.models import Structure
from fabrique.search.visibility import Visibility

from .enums import ResourceKind
from .models import Resource
from .perms import author_structure_ids
from .uploads import accepted_formats_label, check_upload, max_upload_bytes


class ResourceForm(StyledMixin, forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label=_("Thèmes"), choices=Theme.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    file = forms.FileField(label=_("Fichier"), required=False)
    file_note = forms.CharField(label=_("Ce qui change dans cette version du fichier"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Resource
        formfield_callback = https_urls
        fields = [
            "title",
            "kind",
            "summary",
            "body",
            "link",
            "themes",
            "author_structure",
            "authors",
            "other_authors",
            "projects",
            "working_group",
            "visibility",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 10}),
            "authors": forms.CheckboxSelectMultiple,
            "projects": forms.CheckboxSelectMultiple,
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        limit_mb = max_upload_bytes() // (1024 * 1024)
        self.fields["file"].help_text = _("Formats acceptés : %(formats)s ; %(limit)s Mo au plus.") % {
            "formats": accepted_formats_label(),
            "limit": limit_mb,
        }
        if self.instance.pk:
            self.fields["file"].label = _("Nouvelle version du fichier")
            self.fields["version"].initial = self.instance.version
        self.fields["kind"].choices = ResourceKind.choices
        self.fields["visibility"].choices = Visibility.choices
        allowed = author_structure_ids(user)
        structures = Structure.objects.order_by("name")
        if allowed is not None:
            structures = structures.filter(pk__in=allowed)
            self.fields["author_structure"].required = True
            self.fields["author_structure"].empty_label = None
        else:
            self.fields["author_structure"].empty_label = _("La coordination du réseau")
        self.fields["author_structure"].queryset = structures
        structure_ids = allowed if allowed is not None else structures.values("pk")
        self.fields["authors"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, memberships__structure__in=structure_ids)
            .distinct()
            .order_by("last_name", "first_name", "email")
        )
        self.fields["authors"].help_text = _("Les personnes de vos structures qui ont écrit la ressource.")
        projects = readable_projects(user, Project.objects.all())
        if allowed is not None:
            projects = projects.filter(structure__in=allowed)
        self.fields["projects"].queryset = projects.select_related("structure").order_by("title")
        self.fields["projects"].label_from_instance = lambda project: f"{project.title} ({project.structure.name})"
        self.fields["working_group"].queryset = WorkingGroup.objects.order_by("name")
        if not self.instance.pk:
            self.initial.setdefault("visibility", Visibility.NETWORK)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            check_upload(upload)  # the same check as the service, to show the message beside the field
        return upload

    def clean_themes(self):
        return list(self.cleaned_data["themes"])

    def clean(self):
        cleaned = super().clean()
        has_file = bool(cleaned.get("file")) or (self.instance.pk and self.instance.files.exists())
        if not (has_file or cleaned.get("link") or (cleaned.get("body") or "").strip()):
            raise ValidationError(
                _("Ajoutez un fichier, un lien ou un contenu : une ressource doit avoir l'un des trois.")
            )
        return cleaned

    def resource_data(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "title",
                "kind",
                "summary",
                "body",
                "link",
                "themes",
                "author_structure",
                "other_authors",
                "working_group",
                "visibility",
            )
        }


class LibraryFilterForm(StyledMixin, forms.Form):
    q = forms.CharField(label=_("Rechercher dans la bibliothèque"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Tous les types")), *ResourceKind.choices]
    )
    theme = forms.ChoiceField(label=_("Thème"), required=False, choices=[("", _("Tous les thèmes")), *Theme.choices])
    structure = forms.ModelChoiceField(
        label=_("Structure autrice"),
        required=False,
        queryset=Structure.objects.none(),
        to_field_name="slug",
        empty_label=_("Toutes les structures"),
    )

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures
