from datetime import datetime

from ninja import Field, Schema

from fabrique.core.api_refs import StructureRef
from fabrique.core.api_types import Text
from fabrique.core.pagination import PageParams


class ResourceFilters(PageParams):
    q: Text = Field("", max_length=200, description="Recherche (accents et pluriels indifférents).")
    kind: Text | None = Field(None, max_length=20, description="Type : tool, method_sheet, project_notebook…")
    theme: Text | None = Field(None, max_length=20, description="Code du thème.")
    structure: Text | None = Field(None, max_length=80, description="Identifiant de la structure autrice.")


class FileOut(Schema):
    number: int
    name: str
    format: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime
    note: str
    url: str = Field(description="Téléchargement, réservé à qui peut lire la ressource.")


class ResourceOut(Schema):
    slug: str
    title: str
    kind: str
    kind_label: str
    summary: str
    link: str
    themes: list[str]
    visibility: str
    author_structure: StructureRef | None
    updated_at: datetime
    url: str
    file: FileOut | None = Field(description="Version en cours du fichier, s'il y en a un.")
    abilities: dict[str, bool]


class ResourceDetailOut(ResourceOut):
    body: str = Field(description="Contenu, en Markdown.")
    body_html: str = Field(description="Contenu rendu en HTML nettoyé.")
    authors: list[str]
    other_authors: str
    projects: list[int] = Field(description="Identifiants des projets liés lisibles par l'appelant.")
    working_group: str | None = Field(description="Identifiant du groupe de travail.")
    earlier_files: list[FileOut]
    version: int
