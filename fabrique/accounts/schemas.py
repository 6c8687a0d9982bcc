"""Shapes of the accounts API: the caller, their tokens, the members of a structure, invitations."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from fabrique.core.api_refs import StructureRef
from fabrique.core.api_types import Text, Version
from fabrique.network.schemas import Input

from .enums import MembershipRole

RoleCode = Literal[tuple(MembershipRole.values)]  # type: ignore[valid-type]
InvitationState = Literal["pending", "accepted", "revoked", "expired"]


# --- answers -------------------------------------------------------------------------------------------------


class PersonOut(Schema):
    email: str
    first_name: str
    last_name: str
    full_name: str


class OwnMembershipOut(Schema):
    id: int
    structure: StructureRef
    role: RoleCode
    role_label: str


class MeOut(PersonOut):
    is_coordinator: bool = Field(description="Membre de la coordination du réseau.")
    memberships: list[OwnMembershipOut] = Field(description="Les structures dont l'appelant·e est membre.")
    partner_departements: list[str] = Field(description="Codes INSEE des départements suivis comme partenaire.")


class TokenOut(Schema):
    id: int
    name: str
    hint: str = Field(description="Début du jeton, pour le reconnaître.")
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    abilities: dict[str, bool]


class TokenCreatedOut(TokenOut):
    token: str = Field(description="Le jeton lui-même : affiché cette seule fois, seule son empreinte est conservée.")


class MemberOut(Schema):
    id: int = Field(description="Identifiant de l'appartenance (pour la modifier ou la retirer).")
    user: PersonOut
    structure: StructureRef
    role: RoleCode
    role_label: str
    created_at: datetime
    version: int
    abilities: dict[str, bool] = Field(description="Ce que l'appelant peut faire sur cette appartenance.")


class InvitationOut(Schema):
    id: int
    email: str
    structure: StructureRef | None
    role: RoleCode
    role_label: str
    as_coordinator: bool
    invited_by: str | None = Field(description="Adresse de la personne qui a invité.")
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None
    state: InvitationState
    abilities: dict[str, bool]


# --- bodies --------------------------------------------------------------------------------------------------


class TokenCreate(Input):
    name: Text = Field(min_length=1, max_length=100, description="Nom pour reconnaître le jeton (script, usage).")


class MembershipPatch(Input):
    role: RoleCode
    version: Version = Field(ge=1, description="La version lue ; une version dépassée est refusée (409).")


class InvitationCreate(Input):
    email: Text = Field(min_length=1, max_length=254)
    structure: Text | None = Field(
        None, max_length=80, description="Identifiant (slug) de la structure ; facultatif pour la coordination."
    )
    role: RoleCode = MembershipRole.STAFF.value
    as_coordinator: bool = Field(False, description="Inviter aussi dans la coordination du réseau.")


class NoBody(Input):
    """Actions (revoke) take no parameter: an empty body, or `{}`; anything else is refused."""
