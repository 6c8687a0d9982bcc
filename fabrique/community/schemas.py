from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from fabrique.core.api_refs import StructureRef
from fabrique.core.api_types import Day, Text, Version
from fabrique.core.pagination import PageParams


class SpeakerOut(Schema):
    name: str
    role: str
    organisation: str
    is_external: bool


class EventFilters(PageParams):
    period: Text | None = Field(None, max_length=20, description="upcoming (par défaut) ou past.")
    kind: Text | None = Field(None, max_length=20, description="Type : practice_exchange, training…")
    theme: Text | None = Field(None, max_length=20, description="Code du thème.")
    working_group: Text | None = Field(None, max_length=80, description="Identifiant du groupe de travail.")


class EventOut(Schema):
    slug: str
    title: str
    kind: str
    kind_label: str
    summary: str
    starts_at: datetime
    ends_at: datetime
    place: str
    departement: str | None = Field(description="Code INSEE du département du lieu.")
    online: bool
    organiser: StructureRef | None = Field(description="Structure organisatrice ; null pour la coordination.")
    working_group: str | None
    theme: str
    visibility: str
    capacity: int | None
    confirmed: int = Field(description="Inscriptions confirmées.")
    waiting: int = Field(description="Personnes en liste d'attente.")
    registration_open: bool = Field(description="Jamais pour un événement annulé.")
    cancelled_at: datetime | None = Field(description="Date de l'annulation ; null si l'événement a lieu.")
    cancel_reason: str = Field(description="Motif de l'annulation ; vide si l'événement a lieu.")
    my_registration: str | None = Field(description="Statut de l'inscription de l'appelant, ou null.")
    url: str
    ics_url: str
    abilities: dict[str, bool]


class EventDetailOut(EventOut):
    description: str
    description_html: str
    online_url: str | None = Field(description="Donné aux inscrit·es confirmé·es et aux organisateurs.")
    speakers: list[SpeakerOut]
    version: int


class CancelIn(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    reason: Text = Field(max_length=2000, description="Motif, envoyé par e-mail aux inscrit·es et affiché.")
    version: Version = Field(ge=1, description="La version lue ; une version dépassée est refusée (409).")


class RegistrationIn(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    structure: Text | None = Field(
        None, max_length=80, description="Identifiant de la structure au titre de laquelle s'inscrire."
    )


class RegistrationOut(Schema):
    event: str
    user: str
    structure: str | None
    status: str
    status_label: str
    attended: bool | None
    registered_at: datetime


class GroupOut(Schema):
    slug: str
    name: str
    theme: str
    theme_label: str
    visibility: str
    member_count: int
    url: str
    abilities: dict[str, bool]


class GroupDetailOut(GroupOut):
    description: str
    description_html: str
    members: list[str] | None = Field(description="Membres, pour les membres du réseau ; null sinon.")
    resources: list[str] = Field(description="Identifiants des ressources lisibles du groupe.")
    events: list[str] = Field(description="Identifiants des événements lisibles du groupe.")


class NewsOut(Schema):
    slug: str
    title: str
    summary: str
    visibility: str
    published_on: date | None
    url: str


class NewsDetailOut(NewsOut):
    body: str
    body_html: str
    source_url: str
    testimonials: list[int]
    abilities: dict[str, bool]
    version: int


Visibility = Literal["public", "network"]


class NewsIn(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: Text = Field(min_length=1, max_length=200)
    summary: Text = Field("", max_length=600, description="Chapô.")
    body: Text = Field(min_length=1, max_length=100_000, description="Texte en Markdown simple.")
    visibility: Visibility = "public"
    published_on: Day | None = Field(
        description="Aujourd'hui ou plus tard (une date à venir programme la publication) ; null : brouillon."
    )
    source_url: Text = Field("", max_length=200)


class NewsPatch(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    version: Version = Field(ge=1, description="La version lue ; une version dépassée est refusée (409).")
    title: Text | None = Field(None, min_length=1, max_length=200)
    summary: Text | None = Field(None, max_length=600)
    body: Text | None = Field(None, min_length=1, max_length=100_000)
    visibility: Visibility | None = None
    published_on: Day | None = Field(
        None, description="Une nouvelle date : aujourd'hui ou plus tard ; null explicite : retirer (brouillon)."
    )
    source_url: Text | None = Field(None, max_length=200)


class TestimonialOut(Schema):
    id: int
    quote: str
    person: str
    role: str
    structure: StructureRef | None
    source: str
    featured: bool
    is_public: bool


class ParticipationEvent(Schema):
    slug: str
    title: str
    kind: str
    starts_at: datetime
    attendees: int


class ParticipationOut(Schema):
    structure: str
    events: list[ParticipationEvent]
    by_kind: dict[str, int]
    people: int
