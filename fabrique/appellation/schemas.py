"""Shapes of the appellation's API."""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from fabrique.core.api_refs import StructureRef
from fabrique.core.api_types import AwareDateTime, Day, Id, Text, Version
from fabrique.core.pagination import PageParams

from .enums import Outcome, RequestStatus, SessionStatus, VoteChoice

RequestStatusCode = Literal[tuple(RequestStatus.values)]  # type: ignore[valid-type]
SessionStatusCode = Literal[tuple(SessionStatus.values)]  # type: ignore[valid-type]
OutcomeCode = Literal[tuple(Outcome.values)]  # type: ignore[valid-type]
ChoiceCode = Literal[tuple(VoteChoice.values)]  # type: ignore[valid-type]


class Input(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# --- answers -------------------------------------------------------------------------------------------------


class TallyOut(Schema):
    votes_for: int
    votes_against: int
    votes_abstain: int
    eligible: int = Field(description="Structures votantes sans conflit d'intérêts.")
    conflicted: int
    quorum_needed: int
    quorum_reached: bool


class VoteOut(Schema):
    structure: StructureRef
    choice: ChoiceCode
    comment: str
    cast_by: str | None = Field(None, description="Adresse de la personne qui a voté (coordination seulement).")
    counted: bool = Field(description="Faux quand la structure est en conflit d'intérêts.")
    updated_at: datetime


class ExaminationOut(Schema):
    """One session's examination of the request, shown according to the caller's rights."""

    session_id: int
    held_on: date
    deadline: datetime
    session_status: SessionStatusCode
    outcome: OutcomeCode | None = Field(None, description="Décision, une fois la séance close.")
    tally: TallyOut | None = Field(None, description="Décompte ; pour la coordination, ou après la clôture.")
    comments: list[str] | None = Field(None, description="Commentaires des votants, sans leur nom.")
    votes: list[VoteOut] | None = Field(None, description="Votes nominatifs : coordination seulement.")


class AttachmentOut(Schema):
    id: int
    title: str
    content_type: str
    size: int
    url: str


class RequestOut(Schema):
    id: int
    structure: StructureRef
    status: RequestStatusCode
    status_label: str
    usefulness: str
    partnerships: str
    know_how: str
    evidence: dict[str, Any] = Field(description="Éléments chiffrés, calculés depuis les données (figés au dépôt).")
    submitted_at: datetime | None
    decided_at: datetime | None
    version: int
    url: str
    abilities: dict[str, bool]


class RequestDetailOut(RequestOut):
    attachments: list[AttachmentOut]
    examinations: list[ExaminationOut]


class AgendaItemOut(Schema):
    request_id: int
    structure: StructureRef
    outcome: OutcomeCode | None
    tally: TallyOut | None


class CommitteeSessionOut(Schema):
    id: int
    held_on: date
    deadline: datetime
    status: SessionStatusCode
    notes: str
    closed_at: datetime | None
    voters: list[StructureRef] = Field(description="Structures avec appellation à l'ouverture de la séance.")
    items: list[AgendaItemOut]
    url: str
    abilities: dict[str, bool]


class ClosingOut(Schema):
    session: CommitteeSessionOut
    already_closed: bool = Field(description="Vrai si la séance était déjà close : rien n'a changé.")


class ConflictOut(Schema):
    request_id: int
    structure: StructureRef
    source: Literal["declared", "recorded"]
    reason: str
    created_at: datetime


# --- bodies --------------------------------------------------------------------------------------------------


class RequestIn(Input):
    structure: Text = Field(max_length=80, description="Identifiant (slug) de la structure en expérimentation.")
    usefulness: Text = Field("", max_length=20000)
    partnerships: Text = Field("", max_length=20000)
    know_how: Text = Field("", max_length=20000)


class RequestPatch(Input):
    version: Version = Field(description="La version lue ; refusé (409) si la demande a changé depuis.")
    usefulness: Text | None = Field(None, max_length=20000)
    partnerships: Text | None = Field(None, max_length=20000)
    know_how: Text | None = Field(None, max_length=20000)


class SubmitIn(Input):
    version: Version | None = None


class WithdrawIn(Input):
    reason: Text = Field("", max_length=2000)


class CommitteeSessionIn(Input):
    held_on: Day
    deadline: AwareDateTime = Field(
        description="Fin des votes ; sans fuseau, heure de Paris ; une date seule : minuit."
    )
    requests: list[Id] = Field(
        min_length=1, max_length=500, description="Demandes déposées à inscrire à l'ordre du jour."
    )
    notes: Text = Field("", max_length=5000)


class VoteIn(Input):
    choice: ChoiceCode
    comment: Text = Field("", max_length=5000)
    structure: Text | None = Field(
        None,
        max_length=80,
        description="Slug de la structure votante, si vous en administrez plusieurs parmi les votantes.",
    )


class ConflictIn(Input):
    reason: Text = Field(min_length=1, max_length=2000)
    structure: Text | None = Field(
        None, max_length=80, description="Slug de la structure en conflit ; obligatoire pour la coordination."
    )


class RequestFilters(PageParams):
    status: RequestStatusCode | None = None
    structure: Text | None = Field(None, max_length=80, description="Slug de la structure demandeuse.")


class CommitteeSessionFilters(PageParams):
    status: SessionStatusCode | None = None
