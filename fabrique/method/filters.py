"""Filters and sorting shared by the project list page and the API: stage, theme, département, year, search."""

from django import forms
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from fabrique.core.vocabulary import Theme
from fabrique.network.models import Structure
from fabrique.territories.models import Departement

from .enums import Stage
from .forms import StyledMixin
from .models import Project
from .perms import readable_boards

STAGE_RANK = Case(
    *[When(stage=stage, then=Value(rank)) for rank, stage in enumerate(Stage.values)],
    output_field=IntegerField(),
)

SORTS = {
    "recent": (_("modifiés récemment"), ["-updated_at", "-pk"]),
    "title": (_("intitulé (A → Z)"), ["title", "pk"]),
    "stage": (_("étape de la méthode"), ["stage_rank", "title", "pk"]),
    "detected": (_("détection (récente d'abord)"), ["-detected_on", "-pk"]),
    "detected_old": (_("détection (ancienne d'abord)"), ["detected_on", "pk"]),
}


def filter_projects(queryset: QuerySet, *, structure=None, stage=None, theme=None, departement=None, year=None, q=None):
    """Apply the list filters; `departement` is an INSEE code, `year` the year of detection."""
    if structure:
        queryset = queryset.filter(structure__slug=structure)
    if stage:
        queryset = queryset.filter(stage=stage)
    if theme:
        queryset = queryset.filter(theme=theme)
    if departement:
        queryset = queryset.filter(
            pk__in=Project.departements.through.objects.filter(departement_id=departement).values("project_id")
        )
    if year:
        queryset = queryset.filter(detected_on__year=year)
    if q:
        queryset = queryset.filter(Q(title__icontains=q) | Q(summary__icontains=q))
    return queryset


def sort_projects(queryset: QuerySet, sort: str | None) -> QuerySet:
    _label, ordering = SORTS.get(sort or "recent", SORTS["recent"])
    if "stage_rank" in ordering:
        queryset = queryset.annotate(stage_rank=STAGE_RANK)
    return queryset.order_by(*ordering)


class ProjectFilterForm(StyledMixin, forms.Form):
    structure = forms.ChoiceField(label=_("Structure"), required=False)
    stage = forms.ChoiceField(label=_("Étape"), required=False, choices=[("", _("toutes")), *Stage.choices])
    theme = forms.ChoiceField(label=_("Thème"), required=False, choices=[("", _("tous")), *Theme.choices])
    departement = forms.ModelChoiceField(
        label=_("Département"),
        required=False,
        queryset=Departement.objects.order_by("code"),
        to_field_name="code",
        empty_label=_("tous"),
    )
    year = forms.IntegerField(label=_("Année de détection"), required=False, min_value=2000, max_value=2100)
    q = forms.CharField(label=_("Rechercher dans l'intitulé ou le résumé"), required=False, max_length=100)
    sort = forms.ChoiceField(
        label=_("Trier par"), required=False, choices=[(key, label) for key, (label, _o) in SORTS.items()]
    )

    def __init__(self, *args, structures: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].choices = [("", _("toutes")), *structures.values_list("slug", "name")]
        self.fields["departement"].label_from_instance = lambda d: f"{d.code} — {d.name}"

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        data = dict(self.cleaned_data)
        data["departement"] = data["departement"].code if data.get("departement") else None
        data.pop("sort", None)
        return {key: value for key, value in data.items() if value}

    def ordering(self) -> str:
        return self.cleaned_data.get("sort", "") if self.is_bound and self.is_valid() else ""


def structures_for_filter(user) -> QuerySet:
    return readable_boards(user, Structure.objects.order_by("name"))
