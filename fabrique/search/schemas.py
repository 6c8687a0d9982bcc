"""Shapes of the search API."""

from datetime import date

from ninja import Field, Schema

from fabrique.core.api_refs import StructureRef
from fabrique.core.api_types import Text
from fabrique.core.pagination import PageParams
from fabrique.territories.schemas import InseeCode


class SearchParams(PageParams):
    q: Text = Field("", max_length=200, description="Mots cherchés (accents et pluriels indifférents).")
    type: Text | None = Field(
        None,
        max_length=200,
        description="Type : structure, project, need, resource, event, news (plusieurs séparés par des virgules).",
    )
    theme: Text | None = Field(None, max_length=20, description="Code du thème (ex. food, mobility).")
    region: InseeCode | None = Field(None, description="Code INSEE de la région (ex. 27).")


class SearchHit(Schema):
    type: str
    type_label: str
    id: int = Field(description="Identifiant de l'objet trouvé dans son type.")
    title: str
    title_html: str = Field(description="Titre, les mots trouvés entre <mark>.")
    snippet_html: str = Field(description="Extrait, les mots trouvés entre <mark>.")
    url: str | None
    date: date | None
    category: str
    category_label: str
    structure: StructureRef | None
    themes: list[str]


class FacetOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class SearchFacets(Schema):
    type: list[FacetOut]
    theme: list[FacetOut]
    region: list[FacetOut]


class SearchOut(Schema):
    count: int = Field(description="Nombre de résultats, plafonné (voir count_is_exact).")
    count_is_exact: bool = Field(
        description="Faux au-delà du plafond : count vaut le plafond et les facettes ne comptent que les premiers."
    )
    page: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[SearchHit]
    facets: SearchFacets


class SimilarOut(Schema):
    project_id: int
    title: str
    url: str | None = Field(description="Page publique de l'activité, ou son carnet de projets.")
    notebook_url: str | None = Field(description="Carnet de projets lisible par l'appelant, s'il existe.")
    structure: StructureRef | None
    theme: str
    same_theme: bool
    matched_words: list[str] = Field(description="Mots du besoin ou du projet retrouvés dans l'activité.")
