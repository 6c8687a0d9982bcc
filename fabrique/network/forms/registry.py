"""Forms of the registry pages. They parse and validate; saving goes through the services."""

from django import forms
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from fabrique.territories.models import Departement, Region

from ..enums import PartnerKind, StructureStatus
from ..models import Collective, Partner, Partnership, Structure
from ..services import STRUCTURE_EDITABLE_FIELDS
from ..validators import validate_siret

SLUG_TAKEN = _("Cet identifiant est déjà utilisé.")


def https_urls(model_field, **kwargs):
    """Form fields of a model, with web addresses typed without a scheme read as https."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class StyledMixin:
    """Bootstrap classes on every widget; labels, help and errors are laid out by network/_field.html."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue  # Django puts a widget's class on the list's container too: styled in network.css
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


def one_newline_style(text: str) -> str:
    """Browsers send text areas with CRLF: store LF so that an untouched text is not seen as changed."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DepartementsWidget(forms.CheckboxSelectMultiple):
    """Checkboxes grouped by région, each group a fieldset."""

    template_name = "network/widgets/departements.html"


class DepartementsField(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Départements"))
        kwargs.setdefault("help_text", _("Les départements où la structure intervient (cochez-en au moins un)."))
        super().__init__(
            queryset=Departement.objects.select_related("region").order_by("region__name", "code"),
            widget=DepartementsWidget,
            **kwargs,
        )

    def group_by_region(self) -> None:
        """Give the widget its choices grouped by région (one query, instead of one per option)."""
        groups: dict[str, list[tuple[str, str]]] = {}
        for dep in self.queryset:
            groups.setdefault(dep.region.name, []).append((dep.code, f"{dep.code} — {dep.name}"))
        self.widget.choices = list(groups.items())


class StructureForm(StyledMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    departements = DepartementsField()

    class Meta:
        model = Structure
        formfield_callback = https_urls
        fields = [*STRUCTURE_EDITABLE_FIELDS, "departements"]  # what the service writes, in the order shown
        widgets = {"description": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "description": _(
                "Markdown simple : **gras**, *italique*, listes avec « - », liens [texte](https://…). "
                "Le HTML n'est pas conservé."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departements"].group_by_region()
        if not self.is_bound and self.instance.pk:
            self.initial["version"] = self.instance.version

    def clean_description(self):
        return one_newline_style(self.cleaned_data["description"])


class StructureCreateForm(StyledMixin, forms.ModelForm):
    departements = DepartementsField()
    reason = forms.CharField(
        label=_("Note pour le journal"),
        required=False,
        max_length=500,
        help_text=_("Facultatif : d'où vient la candidature."),
    )

    class Meta:
        model = Structure
        formfield_callback = https_urls
        fields = ["name", "slug", "city", "parent_network", "area_label", "departements"]
        error_messages = {"slug": {"unique": SLUG_TAKEN}}
        help_texts = {
            "slug": _(
                "Utilisé dans l'adresse de la page (/structures/identifiant/) : minuscules, chiffres et tirets. "
                "Laissez vide pour le déduire du nom."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["departements"].group_by_region()

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))[:80]
        if not slug:
            raise forms.ValidationError(_("Indiquez un identifiant (minuscules, chiffres et tirets)."))
        return slug.lower()


class CollectiveForm(StyledMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    structures = forms.ModelMultipleChoiceField(
        label=_("Structures membres"),
        queryset=Structure.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Collective
        formfield_callback = https_urls
        fields = ["name", "slug", "website", "description", "structures"]
        error_messages = {"slug": {"unique": SLUG_TAKEN}}
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "slug": _("Utilisé dans l'adresse de la page : minuscules, chiffres et tirets. Vide : déduit du nom."),
            "description": _("Markdown simple ; le HTML n'est pas conservé."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        if self.instance.pk:
            del self.fields["slug"]  # the address of a collective does not move
            self.fields["version"].required = True
            if not self.is_bound:
                self.initial["version"] = self.instance.version
        else:
            del self.fields["version"]
        self.fields["structures"].label_from_instance = lambda s: f"{s.name} ({s.get_status_display()})"

    def clean_description(self):
        return one_newline_style(self.cleaned_data["description"])

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))[:80]
        if not slug:
            raise forms.ValidationError(_("Indiquez un identifiant (minuscules, chiffres et tirets)."))
        return slug.lower()


class PartnershipForm(StyledMixin, forms.ModelForm):
    """The link between a structure and a partner: role, dates, note."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    class Meta:
        model = Partnership
        formfield_callback = https_urls
        fields = ["role", "since", "until", "note"]
        widgets = {"since": DateInput(), "until": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "role": _("Par exemple « cofinance l'étude d'opportunité », « membre du comité de pilotage »."),
            "until": _("Laissez vide tant que le partenariat se poursuit."),
            "note": _("Visible seulement de la structure et de la coordination."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].required = True
            if not self.is_bound:
                self.initial["version"] = self.instance.version
        else:
            del self.fields["version"]

    def clean_note(self):
        return one_newline_style(self.cleaned_data["note"])

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("La date de fin doit être postérieure ou égale à la date de début."))
        return cleaned

    def _post_clean(self):
        # The model's constraints name no field; the form's own check above says which one.
        if "until" not in self.errors:
            super()._post_clean()


class NewPartnershipForm(PartnershipForm):
    """Link an existing organisation, or describe a new one, then the partnership itself."""

    partner = forms.ModelChoiceField(
        label=_("Organisation existante"),
        queryset=Partner.objects.all(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
    )
    new_name = forms.CharField(label=_("Nom de la nouvelle organisation"), max_length=200, required=False)
    new_kind = forms.ChoiceField(
        label=_("Type d'organisation"), choices=[("", "—"), *PartnerKind.choices], required=False
    )
    new_siret = forms.CharField(
        label=_("SIRET"),
        max_length=17,
        required=False,
        validators=[validate_siret],
        help_text=_("Facultatif : 14 chiffres, espaces admis."),
    )
    new_website = forms.URLField(label=_("Site web"), required=False, assume_scheme="https")

    field_order = ["partner", "new_name", "new_kind", "new_siret", "new_website", "role", "since", "until", "note"]

    def __init__(self, *args, structure, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.structure = structure
        choices = [(p.pk, f"{p.name} ({p.get_kind_display()})") for p in candidates]
        self.fields["partner"].choices = (
            [("", _("aucune : je crée une nouvelle organisation")), *choices] if choices else []
        )

    def clean(self):
        cleaned = super().clean()
        partner, name = cleaned.get("partner"), (cleaned.get("new_name") or "").strip()
        if partner and name:
            self.add_error(
                "new_name", _("Choisissez une organisation existante ou créez-en une nouvelle, pas les deux.")
            )
        elif partner:
            if Partnership.objects.filter(structure=self.structure, partner=partner).exists():
                self.add_error(
                    "partner",
                    _("Cette organisation est déjà partenaire de la structure : modifiez le partenariat existant."),
                )
        elif name:
            if not cleaned.get("new_kind"):
                self.add_error("new_kind", _("Indiquez le type de la nouvelle organisation."))
            siret = (cleaned.get("new_siret") or "").replace(" ", "")
            if siret and "new_siret" not in self.errors:
                existing = Partner.objects.filter(siret=siret).first()
                if existing:
                    self.add_error(
                        "new_siret",
                        _("L'organisation « %(name)s » a déjà ce SIRET : choisissez-la dans la recherche.")
                        % {"name": existing.name},
                    )
        else:
            self.add_error("new_name", _("Choisissez une organisation existante ou indiquez le nom d'une nouvelle."))
        return cleaned

    def build_partnership(self) -> Partnership:
        cleaned = self.cleaned_data
        partner = cleaned.get("partner") or Partner(
            name=cleaned["new_name"].strip(),
            kind=cleaned["new_kind"],
            siret=(cleaned.get("new_siret") or "").replace(" ", ""),
            website=cleaned.get("new_website") or "",
        )
        return Partnership(
            structure=self.structure,
            partner=partner,
            role=cleaned["role"],
            since=cleaned["since"],
            until=cleaned["until"],
            note=cleaned["note"],
        )

    def _post_clean(self):
        # The partnership is assembled in build_partnership and validated by the service.
        pass


class PartnerForm(StyledMixin, forms.ModelForm):
    """The partner organisation itself, shared by every structure that works with it."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = Partner
        formfield_callback = https_urls
        fields = ["name", "kind", "siret", "website"]
        help_texts = {"siret": _("Facultatif : 14 chiffres, espaces admis.")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "organisation")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean_siret(self):
        return self.cleaned_data["siret"].replace(" ", "")


class EndPartnershipForm(StyledMixin, forms.Form):
    until = forms.DateField(
        label=_("Date de fin"), required=False, widget=DateInput(), help_text=_("Vide : aujourd'hui.")
    )


class TransitionForm(StyledMixin, forms.Form):
    transition = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Motif"), required=False, max_length=2000, widget=forms.Textarea)


class PartnerSearchForm(StyledMixin, forms.Form):
    q = forms.CharField(label=_("Rechercher une organisation (nom ou SIRET)"), required=False, max_length=100)


class DirectoryFilterForm(StyledMixin, forms.Form):
    """The directory's filters; a value that does not fit is reported and ignored."""

    ALL = "all"

    q = forms.CharField(label=_("Nom ou ville"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Statut"), required=False)
    region = forms.ChoiceField(label=_("Région"), required=False)
    departement = forms.ChoiceField(label=_("Département"), required=False)

    def __init__(self, *args, show_candidates: bool, **kwargs):
        super().__init__(*args, **kwargs)
        statuses = [s for s in StructureStatus if show_candidates or s != StructureStatus.CANDIDATE]
        self.fields["status"].choices = [
            ("", _("en activité (toutes sauf retirées)")),
            *[(s.value, s.label) for s in statuses],
            (self.ALL, _("toutes, y compris retirées")),
        ]
        self.fields["region"].choices = [("", _("toutes"))] + [(r.code, r.name) for r in Region.objects.all()]
        self.fields["departement"].choices = [("", _("tous"))] + [
            (d.code, f"{d.code} — {d.name}") for d in Departement.objects.all()
        ]

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
