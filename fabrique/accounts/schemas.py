"""Shapes of the accounts API: the caller's personal tokens (the caller, members and invitations: network)."""

from datetime import datetime

from ninja import Field, Schema

from fabrique.core.api_types import Input, Text

# --- answers -------------------------------------------------------------------------------------------------


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


# --- bodies --------------------------------------------------------------------------------------------------


class TokenCreate(Input):
    name: Text = Field(min_length=1, max_length=100, description="Nom pour reconnaître le jeton (script, usage).")


class NoBody(Input):
    """Actions (revoke) take no parameter: an empty body, or `{}`; anything else is refused."""
