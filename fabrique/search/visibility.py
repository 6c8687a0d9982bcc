"""Who may read what is published with a visibility level: the public, the network, or one structure.

Resources, events, news, working groups and the search index all use these three levels, so a rule
written here is the same on every page, in the API and in search results.

Who belongs to which structure is the network's knowledge, above search: the network registers the function
that reads a person's roles (`register_reader`), and the rules here read only what a `Reader` holds.
"""

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    NETWORK = "network", _("membres du réseau")
    STRUCTURE = "structure", _("membres de la structure")


@runtime_checkable
class Reader(Protocol):
    """What the rules read of a person: the coordination, and the structures they are a member of."""

    coordinator: bool
    member_of: frozenset[int]

    def is_member(self, structure_id: int) -> bool: ...


_reader_of: Callable[[object], Reader] | None = None


def register_reader(function: Callable[[object], Reader]) -> None:
    global _reader_of
    _reader_of = function


def reader_of(user) -> Reader:
    if _reader_of is None:
        raise ImproperlyConfigured("fabrique.network enregistre la lecture des rôles (search.visibility).")
    return _reader_of(user)


def in_network(roles: Reader) -> bool:
    """The network: the coordination and the members of a structure (a partner user is not a member)."""
    return roles.coordinator or bool(roles.member_of)


def can_read(user, visibility: str, structure_id: int | None) -> bool:
    roles = user if isinstance(user, Reader) else reader_of(user)
    if roles.coordinator or visibility == Visibility.PUBLIC:
        return True
    if visibility == Visibility.NETWORK:
        return in_network(roles)
    return structure_id is not None and roles.is_member(structure_id)


def readable_q(user, visibility_field: str = "visibility", structure_field: str = "structure_id") -> Q:
    """The rows `user` may read, as a filter on a visibility column and an owning-structure column."""
    roles = reader_of(user)
    if roles.coordinator:
        return Q()
    condition = Q(**{visibility_field: Visibility.PUBLIC})
    if in_network(roles):
        condition |= Q(**{visibility_field: Visibility.NETWORK})
        condition |= Q(**{visibility_field: Visibility.STRUCTURE, f"{structure_field}__in": roles.member_of})
    return condition


def published_q(user, visibility_field: str = "visibility") -> Q:
    """For what is only public or for the network (events, news, working groups)."""
    roles = reader_of(user)
    if in_network(roles):
        return Q(**{f"{visibility_field}__in": [Visibility.PUBLIC, Visibility.NETWORK]})
    return Q(**{visibility_field: Visibility.PUBLIC})
