"""Shapes of the reference geography in the API."""

from ninja import Field, Schema

from fabrique.core.pagination import ReferencePageParams


class RegionRef(Schema):
    code: str = Field(description="Code INSEE de la région.")
    name: str


class DepartementOut(Schema):
    code: str = Field(description="Code INSEE du département (« 29 », « 2A », « 974 »).")
    name: str
    region: RegionRef


class RegionOut(RegionRef):
    departements: list[str] = Field(description="Codes INSEE de ses départements.")


class DepartementFilters(ReferencePageParams):
    region: str | None = Field(None, max_length=3, description="Code INSEE de la région.")
