"""What anyone may know of a structure's appellation: its status and date, and its charter commitment.

For the structure page: `public_appellation(structure)` or, in a template,
`{% load appellation_tags %}{% appellation_public structure %}`."""

from dataclasses import dataclass
from datetime import date

from fabrique.network.enums import StructureStatus

from .models import CharterAcceptance


def charter_acceptance_for(structure) -> CharterAcceptance | None:
    """The structure's latest commitment to the charter (who, when, which version), or None."""
    return CharterAcceptance.objects.filter(structure=structure).select_related("accepted_by").first()


@dataclass(frozen=True)
class PublicAppellation:
    labelled: bool
    labelled_on: date | None
    charter_accepted_on: date | None
    charter_version: int | None


def public_appellation(structure) -> PublicAppellation:
    acceptance = charter_acceptance_for(structure)
    return PublicAppellation(
        labelled=structure.status == StructureStatus.LABELLED,
        labelled_on=structure.labelled_on if structure.status == StructureStatus.LABELLED else None,
        charter_accepted_on=acceptance.accepted_at.date() if acceptance else None,
        charter_version=acceptance.charter_version if acceptance else None,
    )
