"""Shapes of the registry's API: what it answers and what it accepts."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from fabrique.core.api_refs import StructureRef
from fabrique.core.api_types import Day, Id, Input, Text, Version
from fabrique.core.pagination import Out, PageParams
from fabrique.territories.schemas import InseeCode

from .enums import MembershipRole, PartnerKind, StructureStatus

StatusCode = Literal[tuple(StructureStatus.values)]  # type: ignore[valid-type]
PartnerKindCode = Literal[tuple(PartnerKind.values)]  # type: ignore[valid-type]
TransitionName = Literal["admit", "withdraw", "readmit"]


# --- answers -------------------------------------------------------------------------------------------------


class StructureOut(Schema):
    slug: str
    name: str
    status: StatusCode
    status_label: str
    departements: list[str] = Field(description="Codes INSEE des départements couverts.")
    area_label: str
    collectives: list[str] = Field(description="Identifiants des collectifs dont la structure est membre.")
    city: str
    website: str
    joined_on: date | None
    experimenting_since: date | None
    labelled_on: date | None
    url: str = Field(description="Adresse de la page de la structure.")
    abilities: dict[str, bool] = Field(description="Ce que l'appelant peut faire sur cette structure.")


class PartnerOut(Schema):
    id: int
    name: str
    kind: PartnerKindCode
    kind_label: str
    siret: str
    website: str
    version: int


class PartnershipBrief(Schema):
    id: int
    partner: PartnerOut
    role: str
    since: date | None
    until: date | None


class PartnerGroup(Schema):
    kind: PartnerKindCode
    kind_label: str
    partnerships: list[PartnershipBrief]


class StatusLogEntry(Schema):
    from_status: str
    to_status: StatusCode
    changed_at: datetime
    changed_by: str | None
    reason: str
    via: str


class StructureDetailOut(StructureOut):
    legal_form: str
    parent_network: str
    public_email: str
    description: str = Field(description="Présentation, en Markdown.")
    description_html: str = Field(description="Présentation rendue en HTML nettoyé.")
    withdrawn_on: date | None
    version: int = Field(description="À renvoyer dans toute modification (contrôle des éditions concurrentes).")
    partners: list[PartnerGroup] = Field(description="Partenariats en cours, regroupés par type de partenaire.")
    partner_kinds_count: int = Field(description="Nombre de types de partenaires différents (critère d'appellation).")
    status_log: list[StatusLogEntry] | None = Field(
        description="Journal des statuts, pour la coordination et les membres de la structure ; null sinon."
    )


class PartnershipOut(Schema):
    id: int
    structure: str = Field(description="Identifiant de la structure.")
    partner: PartnerOut
    role: str
    since: date | None
    until: date | None
    current: bool
    note: str | None = Field(description="Note interne ; null pour qui ne gère pas les partenaires de la structure.")
    version: int
    abilities: dict[str, bool]


class CollectiveOut(Schema):
    slug: str
    name: str
    description: str
    website: str
    structures: list[str] = Field(description="Identifiants des structures membres visibles par l'appelant.")
    url: str
    abilities: dict[str, bool]


class MapStructure(Out):
    slug: str
    name: str
    status: StatusCode
    url: str


class MapRegion(Out):
    code: str
    name: str


class MapDepartement(Out):
    code: str
    name: str
    region: MapRegion
    status: StatusCode | None = Field(description="Statut le plus avancé parmi les structures visibles, ou null.")
    status_label: str | None
    structures: list[MapStructure]


class Message(Schema):
    detail: str


# --- query parameters ----------------------------------------------------------------------------------------


class StructureFilters(PageParams):
    status: StatusCode | None = Field(None, description="Statut : candidate, experimenting, labelled, withdrawn.")
    region: InseeCode | None = Field(None, description="Code INSEE de la région (ex. 27).")
    departement: InseeCode | None = Field(None, description="Code INSEE du département (ex. 29, 2A).")
    q: Text | None = Field(None, max_length=100, description="Recherche dans le nom ou la ville (comme l'annuaire).")


class PartnershipFilters(PageParams):
    current: bool | None = Field(None, description="true : en cours ; false : terminés ; absent : tous.")


# --- bodies --------------------------------------------------------------------------------------------------


class StructureFieldsIn(Input):
    legal_form: Text = Field(None, max_length=100)
    parent_network: Text = Field(None, max_length=120)
    website: Text = Field(None, max_length=200)
    public_email: Text = Field(None, max_length=254)
    city: Text = Field(None, max_length=120)
    description: Text = Field(None, max_length=20000)
    area_label: Text = Field(None, max_length=150)


class StructurePatch(StructureFieldsIn):
    version: Version = Field(description="La version lue ; une version dépassée est refusée (409).")
    name: Text = Field(None, min_length=1, max_length=200)
    departements: list[InseeCode] = Field(None, min_length=1, max_length=101, description="Codes INSEE.")


class StructureCreate(StructureFieldsIn):
    name: Text = Field(min_length=1, max_length=200)
    slug: Text = Field(None, max_length=80, description="Par défaut, tiré du nom.")
    departements: list[InseeCode] = Field(min_length=1, max_length=101, description="Codes INSEE.")
    reason: Text = Field("", max_length=2000, description="Motif noté au journal des statuts.")


class TransitionIn(Input):
    transition: TransitionName
    reason: Text = Field("", max_length=2000, description="Motif ; obligatoire pour withdraw et readmit.")
    on: Day | None = Field(None, description="Date de l'événement (par défaut aujourd'hui).")


class PartnerIn(Input):
    name: Text = Field(min_length=1, max_length=200)
    kind: PartnerKindCode
    siret: Text = Field("", max_length=17)
    website: Text = Field("", max_length=200)


class PartnerPatch(Input):
    version: Version
    name: Text = Field(None, min_length=1, max_length=200)
    kind: PartnerKindCode = None
    siret: Text = Field(None, max_length=17)
    website: Text = Field(None, max_length=200)


class PartnershipCreate(Input):
    partner_id: Id | None = Field(None, description="Une organisation partenaire existante…")
    partner: PartnerIn | None = Field(None, description="…ou une nouvelle, décrite ici.")
    role: Text = Field("", max_length=200)
    since: Day | None = None
    until: Day | None = None
    note: Text = Field("", max_length=5000)


class PartnershipPatch(Input):
    version: Version
    role: Text = Field(None, max_length=200)
    since: Day | None = None
    until: Day | None = None
    note: Text = Field(None, max_length=5000)


class PartnershipEnd(Input):
    until: Day | None = Field(None, description="Date de fin (par défaut aujourd'hui).")


# --- the caller, members of a structure, invitations (under /accounts/) ----------------------------------------

RoleCode = Literal[tuple(MembershipRole.values)]  # type: ignore[valid-type]
InvitationState = Literal["pending", "accepted", "revoked", "expired"]


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
