"""Shapes of the reference geography in the API."""

from typing import Annotated

from ninja import Field, Schema

from fabrique.core.api_types import Text
from fabrique.core.pagination import ReferencePageParams

# An INSEE code as typed by a client (« 29 », « 2A », « 974 »; région « 53 »): checked against the table later.
InseeCode = Annotated[Text, Field(max_length=3)]


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
    region: InseeCode | None = Field(None, description="Code INSEE de la région.")
