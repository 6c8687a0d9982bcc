"""Shapes of the activity feeds' API."""

from datetime import datetime
from typing import Literal

from ninja import Field

from fabrique.core.pagination import Out, Page


class ActivityOut(Out):
    date: datetime
    text: str = Field(description="La phrase de l'entrée, en français : qui a fait quoi.")
    action: Literal["created", "changed", "deleted", "moved"]
    kind: str = Field(
        description="Ce qui a changé, par son modèle (`method.ProjectStageLog`, `workspace.ProjectMember`…)."
    )
    kind_label: str
    author: str = Field(description="Qui l'a fait (« Un import ou un script » quand personne ne l'a fait à la main).")
    project: int | None = Field(description="Le projet concerné, ou null pour une entrée de la structure elle-même.")
    project_title: str
    details: list[str] = Field(
        description="Pour l'équipe et la coordination seulement : champs modifiés, note d'un changement d'étape."
    )


class ActivityPage(Page[ActivityOut]):
    abilities: dict[str, bool]
