"""Shapes of the method's API: what it answers and what it accepts."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from fabrique.core.api_refs import StructureRef
from fabrique.core.api_types import Day, Id, Text, Version
from fabrique.core.pagination import Out, PageParams
from fabrique.core.vocabulary import Theme
from fabrique.territories.schemas import InseeCode

from .enums import CarrierKind, DecisionChoice, DecisionSubject, LegalForm, NeedSource, NeedStatus, Stage

ThemeCode = Literal[tuple(Theme.values)]  # type: ignore[valid-type]
StageCode = Literal[tuple(Stage.values)]  # type: ignore[valid-type]
SourceCode = Literal[tuple(NeedSource.values)]  # type: ignore[valid-type]
NeedStatusCode = Literal[tuple(NeedStatus.values)]  # type: ignore[valid-type]
CarrierKindCode = Literal[tuple(CarrierKind.values)]  # type: ignore[valid-type]
LegalFormCode = Literal[tuple(LegalForm.values)]  # type: ignore[valid-type]
SubjectCode = Literal[tuple(DecisionSubject.values)]  # type: ignore[valid-type]
ChoiceCode = Literal[tuple(DecisionChoice.values)]  # type: ignore[valid-type]


def money():
    return Field(ge=0, le=Decimal("9999999999.99"), max_digits=12, decimal_places=2, description="En euros.")


def share():
    return Field(ge=0, le=100, max_digits=5, decimal_places=2, description="En pourcentage.")


def fte(*default):
    return Field(*default, ge=0, le=10_000, max_digits=7, decimal_places=2, description="Équivalents temps plein.")


class Input(Schema):
    """Bodies: unknown fields are refused (a typo must not be silently ignored), text is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Abilities(Out):
    abilities: dict[str, bool] = Field(description="Ce que l'appelant peut faire sur cet élément.")


class PartnerRef(Out):
    id: int
    name: str


# --- needs ---------------------------------------------------------------------------------------------------


class BroughtBy(Schema):
    name: str
    contact: str
    consent: bool


class NeedOut(Abilities):
    id: int
    structure: StructureRef
    title: str
    description: str
    theme: ThemeCode
    theme_label: str
    departement: str = Field(description="Code INSEE du département.")
    commune: str
    source: SourceCode
    source_label: str
    session: int | None = Field(description="Séance de créativité d'où vient le besoin.")
    brought_by: BroughtBy = Field(description="Qui l'a apporté : donnée personnelle, jamais publiée.")
    detected_on: date
    status: NeedStatusCode
    status_label: str
    status_reason: str
    merged_into: int | None
    projects: list[int]
    version: int
    url: str


class NeedIn(Input):
    structure: Text = Field(description="Identifiant (slug) de la structure.", max_length=80)
    title: Text = Field(min_length=1, max_length=200)
    description: Text = ""
    theme: ThemeCode
    departement: InseeCode = Field(description="Code INSEE du département (ex. 29, 2A).")
    commune: Text = Field("", max_length=120)
    source: SourceCode
    session: Id | None = None
    brought_by_name: Text = Field("", max_length=150)
    brought_by_contact: Text = Field("", max_length=200)
    brought_by_consent: bool = False
    detected_on: Day | None = Field(None, description="Par défaut : aujourd'hui.")


class NeedFilters(PageParams):
    structure: Text | None = Field(None, max_length=80, description="Identifiant de la structure.")
    theme: ThemeCode | None = None
    departement: InseeCode | None = None
    year: int | None = Field(None, ge=2000, le=2100, description="Année de détection.")
    status: NeedStatusCode | None = None


# --- creativity sessions -------------------------------------------------------------------------------------


class CreativitySessionOut(Abilities):
    id: int
    structure: StructureRef
    title: str
    held_on: date
    place: str
    departement: str
    organisers: str
    partners: list[PartnerRef]
    participants_count: int
    description: str
    needs: list[int]
    version: int
    url: str


class CreativitySessionIn(Input):
    structure: Text = Field(max_length=80)
    title: Text = Field(min_length=1, max_length=200)
    held_on: Day
    place: Text = Field(min_length=1, max_length=200)
    departement: InseeCode
    organisers: Text = ""
    partners: list[Id] = Field(default_factory=list, max_length=200, description="Partenaires de la structure.")
    participants_count: int = Field(ge=0, le=100_000)
    description: Text = ""


class CreativitySessionFilters(PageParams):
    structure: Text | None = Field(None, max_length=80)
    departement: InseeCode | None = None
    year: int | None = Field(None, ge=2000, le=2100, description="Année de la séance.")


# --- projects ------------------------------------------------------------------------------------------------


class CarrierOut(Out):
    name: str | None = Field(description="Nom du porteur ; pour le public, seulement celui d'une organisation.")
    kind: CarrierKindCode | None
    kind_label: str | None
    contact: str | None = Field(description="Coordonnées ; null pour qui n'a pas accès au projet.")


class ProjectPartnerOut(Out):
    partner: PartnerRef
    role: str
    role_label: str


class RevenueMix(Schema):
    sales: Decimal = share()
    public_subsidies: Decimal = share()
    private_funding: Decimal = share()
    other: Decimal = share()


class EconomicModelOut(Out):
    total_budget: float
    revenue_mix: dict[str, float] = Field(description="Parts des recettes, en pourcentage (total 100).")
    break_even_year: int | None
    jobs_planned_fte: float
    version: int


class EconomicModelIn(Input):
    total_budget: Decimal = money()
    revenue_mix: RevenueMix = Field(description="Ventes, subventions publiques, financements privés, autres : 100 %.")
    break_even_year: int | None = Field(None, ge=1990, le=2100)
    jobs_planned_fte: Decimal = fte()
    version: Version = Field(0, ge=0, description="Version lue ; 0 s'il n'y en avait pas encore.")


class FollowUp(Out):
    active: bool | None
    jobs_fte: float | None


class OutcomeOut(Out):
    created_on: date
    legal_form: LegalFormCode
    legal_form_label: str
    siret: str | None = Field(description="Null pour le public quand l'activité est une entreprise individuelle.")
    jobs_fte: float
    followup_1y: FollowUp
    followup_3y: FollowUp
    note: str
    version: int | None


class OutcomeIn(Input):
    created_on: Day
    legal_form: LegalFormCode
    siret: Text = Field("", max_length=17)
    jobs_fte: Decimal = fte()
    followup_1y_active: bool | None = None
    followup_1y_jobs_fte: Decimal | None = fte(None)
    followup_3y_active: bool | None = None
    followup_3y_jobs_fte: Decimal | None = fte(None)
    note: Text = ""
    version: Version = Field(0, ge=0, description="Version lue ; 0 s'il n'y en avait pas encore.")


class ProjectOut(Abilities):
    id: int
    slug: str
    title: str
    summary: str
    structure: StructureRef
    theme: ThemeCode
    theme_label: str
    departements: list[str]
    detected_on: date
    stage: StageCode
    stage_label: str
    stopped_at: StageCode | None
    stop_reason: str | None
    is_public: bool
    carrier: CarrierOut
    needs: list[int] | None = Field(description="Besoins à l'origine ; null pour qui n'a pas accès au projet.")
    partners: list[ProjectPartnerOut]
    economic_model: EconomicModelOut | None
    outcome: OutcomeOut | None
    version: int | None
    url: str | None = Field(description="Page du projet, pour qui y a accès.")
    public_url: str | None = Field(description="Page publique de l'activité créée, si elle est publiée.")


class ProjectIn(Input):
    structure: Text = Field(max_length=80)
    title: Text = Field(min_length=1, max_length=200)
    summary: Text = ""
    theme: ThemeCode
    departements: list[InseeCode] = Field(min_length=1, max_length=101)
    needs: list[Id] = Field(default_factory=list, max_length=500)
    detected_on: Day | None = None
    carrier_name: Text = Field("", max_length=200)
    carrier_kind: CarrierKindCode | Literal[""] = ""
    carrier_contact: Text = Field("", max_length=200)
    is_public: bool = False


class ProjectPatch(Input):
    version: Version = Field(ge=1, description="Version lue : une modification faite entre-temps est refusée (409).")
    title: Text = Field(None, min_length=1, max_length=200)
    summary: Text = None
    theme: ThemeCode = None
    departements: list[InseeCode] = Field(None, min_length=1, max_length=101)
    needs: list[Id] = Field(None, max_length=500)
    detected_on: Day = None
    carrier_name: Text = Field(None, max_length=200)
    carrier_kind: CarrierKindCode | Literal[""] = None
    carrier_contact: Text = Field(None, max_length=200)
    is_public: bool = None


class StageIn(Input):
    to: StageCode
    note: Text = Field("", max_length=2000, description="Motif : obligatoire pour reculer, arrêter ou rouvrir.")
    version: Version | None = Field(None, ge=1, description="Version lue ; si elle est dépassée, 409.")


class ProjectFilters(PageParams):
    structure: Text | None = Field(None, max_length=80)
    stage: StageCode | None = None
    theme: ThemeCode | None = None
    departement: InseeCode | None = None
    year: int | None = Field(None, ge=2000, le=2100, description="Année de détection.")
    q: Text | None = Field(None, max_length=100, description="Recherche dans l'intitulé et le résumé.")


# --- steering decisions --------------------------------------------------------------------------------------


class DecisionOut(Schema):
    id: int
    decided_on: date
    subject: SubjectCode
    subject_label: str
    choice: ChoiceCode
    choice_label: str
    attendee_partners: list[PartnerRef]
    attendees: str
    note: str
    recorded_at: datetime


class DecisionIn(Input):
    decided_on: Day
    subject: SubjectCode
    choice: ChoiceCode
    attendee_partners: list[Id] = Field(default_factory=list, max_length=200)
    attendees: Text = ""
    note: Text = ""
