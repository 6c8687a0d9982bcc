"""Shapes of the indicators API: its filters and its answer (names as in docs/indicators.md)."""

from ninja import Field, Schema

from fabrique.core.api_types import MAX_YEAR, MIN_YEAR, Text
from fabrique.territories.schemas import InseeCode


class IndicatorFilters(Schema):
    year: int | None = Field(
        None,
        ge=MIN_YEAR,
        le=MAX_YEAR,
        description="Année (par défaut la dernière année où des données ont été saisies).",
    )
    structure: Text | None = Field(
        None, max_length=80, description="Identifiant d'une structure : ses membres et la coordination."
    )
    region: InseeCode | None = Field(None, description="Code INSEE d'une région : public.")
    departement: InseeCode | None = Field(
        None,
        description="Code INSEE d'un département : la coordination, les partenaires qui le suivent, les membres "
        "des structures qui le couvrent.",
    )


class IndicatorCountItem(Schema):
    code: str
    label: str
    count: int


class IndicatorScopeOut(Schema):
    kind: str = Field(description="network, region, structure ou territory.")
    label: str
    structure: str | None
    region: str | None
    departements: list[str] | None


class IndicatorNeeds(Schema):
    total: int
    by_source: list[IndicatorCountItem]
    by_theme: list[IndicatorCountItem]


class IndicatorSessions(Schema):
    count: int
    participants: int


class IndicatorStudies(Schema):
    launched: int
    completed: int


class IndicatorFollowUp(Schema):
    due: int
    recorded: int
    active: int
    jobs_fte: float


class IndicatorActivities(Schema):
    created: int
    jobs_fte: float
    followup_1y: IndicatorFollowUp
    followup_3y: IndicatorFollowUp


class IndicatorPartners(Schema):
    total: int
    new: int
    by_kind: list[IndicatorCountItem]


class IndicatorStageRow(Schema):
    code: str
    label: str
    median_days: float | None
    stays: int
    current: int


class IndicatorFunnelRow(Schema):
    code: str
    label: str
    reached: int


class IndicatorConversionRow(Schema):
    from_: str = Field(alias="from")
    to: str
    label: str
    rate: float | None


class IndicatorsOut(Schema):
    year: int
    scope: IndicatorScopeOut
    needs: IndicatorNeeds
    creativity_sessions: IndicatorSessions
    opportunity_studies: IndicatorStudies
    handed_over: int
    activities: IndicatorActivities
    partners: IndicatorPartners
    stages: list[IndicatorStageRow]
    funnel: list[IndicatorFunnelRow]
    conversions: list[IndicatorConversionRow]
