"""Shapes of the notifications API."""

from datetime import datetime
from typing import Literal

from ninja import Field

from fabrique.core.api_types import Input
from fabrique.core.pagination import Out

from .enums import Delivery, NotificationKind

KindCode = Literal[tuple(NotificationKind.values)]  # type: ignore[valid-type]
DeliveryCode = Literal[tuple(Delivery.values)]  # type: ignore[valid-type]


class NotificationOut(Out):
    id: int
    kind: str
    kind_label: str
    subject: str
    body: str
    url: str = Field(description="Adresse de la page concernée, sur le site (vide : aucune).")
    created_at: datetime
    read_at: datetime | None
    abilities: dict[str, bool]


class MarkedOut(Out):
    marked: int = Field(description="Nombre de notifications marquées comme lues par cet appel.")


class PreferenceOut(Out):
    kind: str
    kind_label: str
    delivery: str = Field(description="now (e-mail tout de suite), daily, weekly (résumé), none (site seulement).")


class PreferencesOut(Out):
    preferences: list[PreferenceOut]
    abilities: dict[str, bool]


class PreferencesChange(Input):
    preferences: dict[KindCode, DeliveryCode] = Field(
        description="Type de notification → envoi ; les types absents ne changent pas."
    )
