"""Bounded types for what the API reads: every schema (bodies, query and path parameters) uses them.

A bare `int` lets through a number the database cannot hold (beyond 64 bits: an error on SQLite), a bare `str`
a NUL character (refused by PostgreSQL), a bare `datetime` a naive value that cannot be compared with the aware
ones of the database. These types refuse the first two with a 422 naming the field and read a naive date-time,
or a date alone, in the site's time zone (Europe/Paris).
`tests/api/test_api_input_types.py` walks the OpenAPI document so that a new endpoint cannot forget them.
"""

from datetime import date, datetime
from typing import Annotated, Any

from django.utils import timezone
from ninja import Schema
from pydantic import AfterValidator, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from .api_errors import MESSAGES, NUL_FREE_PATTERN

# The largest signed 64-bit integer: SQLite's INTEGER and PostgreSQL's bigint.
MAX_ID = 2**63 - 1
# PostgreSQL's integer (version counters, counts stored in an IntegerField).
MAX_INT32 = 2**31 - 1
# Dates outside these years are typing mistakes; beyond them date arithmetic and UTC conversions overflow.
MIN_YEAR, MAX_YEAR = 1900, 2999


def _check_year(value):
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise PydanticCustomError(
            "year_out_of_range", str(MESSAGES["year_out_of_range"]), {"min_year": MIN_YEAR, "max_year": MAX_YEAR}
        )
    return value


def _aware(value: datetime) -> datetime:
    """A naive date-time (or a date alone, read by pydantic as its midnight) is read in the site's time zone."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    return _check_year(value)


class _DateOrDateTime:
    """The JSON schema says what is accepted: a date-time (with or without offset) or a date alone."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return handler(source)

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        json_schema = handler(schema)
        json_schema.pop("format", None)
        json_schema.pop("type", None)
        json_schema["anyOf"] = [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]
        return json_schema


# A database identifier (primary key): 1 to 2**63 - 1.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# An optimistic-lock version as read from an object (0: none yet); the save writes it + 1, which must fit too.
Version = Annotated[int, Field(ge=0, le=MAX_INT32 - 1)]
# Text without NUL (pydantic refuses lone surrogates itself); add `Field(max_length=…)` where the column is bounded.
Text = Annotated[str, Field(pattern=NUL_FREE_PATTERN)]
# A calendar date between 1900 and 2999.
Day = Annotated[date, AfterValidator(_check_year)]
# A date-time made aware: naive values and dates alone are read in Europe/Paris (settings.TIME_ZONE).
AwareDateTime = Annotated[datetime, AfterValidator(_aware), _DateOrDateTime()]


class Input(Schema):
    """Bodies: unknown fields are refused (a typo must not be silently ignored), text is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
