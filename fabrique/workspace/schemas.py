"""Shapes of the workspace's API: what it answers and what it accepts."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from fabrique.core.api_types import Id, Input, Text, Version

from .enums import ProjectRole

RoleCode = Literal[tuple(ProjectRole.values)]  # type: ignore[valid-type]


class PersonRef(Schema):
    email: str | None = Field(
        description="Son adresse, pour l'équipe de la structure et la coordination seulement (null pour les autres)."
    )
    full_name: str


class TeamPersonOut(Schema):
    user: PersonRef
    role_label: str = Field(description="Son rôle dans la structure.")


class ProjectPersonOut(Schema):
    id: int
    user: PersonRef
    role: RoleCode
    role_label: str
    observer: bool
    partner: str | None = Field(description="Nom du partenaire du registre auquel la personne est liée.")
    version: int
    abilities: dict[str, bool] = Field(description="Ce que l'appelant·e peut faire de cette personne.")


class ProjectInvitationOut(Schema):
    id: int
    email: str
    role: RoleCode
    role_label: str
    observer: bool
    partner: str | None
    invited_by: str | None = Field(description="Adresse de la personne qui a invité.")
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None
    abilities: dict[str, bool]


class PeopleOut(Schema):
    team: list[TeamPersonOut] = Field(description="Les membres de la structure, sur chacun de ses projets.")
    people: list[ProjectPersonOut] = Field(description="Le porteur, les partenaires et les experts invités.")
    invitations: list[ProjectInvitationOut] = Field(description="Les invitations en attente (l'équipe seule).")
    abilities: dict[str, bool] = Field(description="Ce que l'appelant·e peut faire dans l'espace du projet.")


class ProjectInvitationCreate(Input):
    email: Text = Field(min_length=1, max_length=254)
    role: RoleCode
    observer: bool = Field(False, description="Un expert observateur lit sans écrire.")
    partner: Id | None = Field(None, description="Identifiant d'un partenaire du registre (rôle partenaire).")


class ProjectPersonPatch(Input):
    observer: bool
    version: Version
