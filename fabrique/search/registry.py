"""Searchable models declare, through an adapter, what they say, who may read them and their facets.

An adapter turns one object into an `IndexedDocument` (or None when the object must not be found, e.g. a
draft). The document's text fields carry the ranking weights: `title` (A) above `summary` (B) above `body`
(C) above `keywords` (D). `visibility` and `structure_id` say who may read it (see `visibility`), and are
checked inside the search query itself, so a page of results never holds what the reader may not see.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.urls import NoReverseMatch

from .enums import DocumentType

# The body is cut before indexing: enough to find a document, far below PostgreSQL's tsvector limit.
MAX_BODY_CHARS = 20_000


@dataclass
class IndexedDocument:
    title: str
    visibility: str
    url: str = ""
    summary: str = ""
    body: str = ""
    keywords: str = ""
    structure_id: int | None = None
    category: str = ""
    date: datetime.date | None = None
    not_before: datetime.date | None = None  # found only from that day (a news post scheduled for later)
    themes: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)


@dataclass
class Watch:
    """When an object of `model` changes, re-index the objects `affected(instance)` returns."""

    model: type[models.Model]
    affected: Callable[[models.Model], Iterable[models.Model]]


class SearchAdapter:
    """Base class: set `type` and `model`, implement `document()`; override `queryset()` to prefetch."""

    type: str = ""
    model: type[models.Model]
    m2m_fields: tuple[str, ...] = ()  # many-to-many fields whose changes re-index the object
    watches: tuple[Watch, ...] = ()
    category_choices: tuple[tuple[str, str], ...] = ()  # labels of `IndexedDocument.category`

    def category_label(self, value: str) -> str:
        return str(dict(self.category_choices).get(value, value))

    def queryset(self) -> models.QuerySet:
        return self.model._default_manager.all()

    def document(self, obj) -> IndexedDocument | None:
        raise NotImplementedError


_ADAPTERS: dict[str, SearchAdapter] = {}
_sealed = False  # set once `fabrique.search` is ready: its signals watch the adapters registered before


def register(adapter: SearchAdapter) -> SearchAdapter:
    """Called by each app from its `AppConfig.ready()`; the app comes before fabrique.search in INSTALLED_APPS."""
    if adapter.type not in DocumentType.values:
        raise ValueError(f"Type de document inconnu : {adapter.type}")
    if _sealed and adapter.type not in _ADAPTERS:
        raise RuntimeError(f"{adapter.type} : déclarer l'application avant fabrique.search dans INSTALLED_APPS.")
    _ADAPTERS[adapter.type] = adapter
    return adapter


def seal() -> None:
    global _sealed
    _sealed = True


def adapters() -> list[SearchAdapter]:
    """Registered adapters, in the order of DocumentType."""
    return [_ADAPTERS[value] for value in DocumentType.values if value in _ADAPTERS]


def adapter_for_type(type_: str) -> SearchAdapter | None:
    return _ADAPTERS.get(type_)


def adapter_for_model(model: type[models.Model]) -> SearchAdapter | None:
    for adapter in _ADAPTERS.values():
        if issubclass(model, adapter.model):
            return adapter
    return None


def registered_types() -> list[str]:
    return [adapter.type for adapter in adapters()]


def places(departements) -> list[str]:
    """The names of the départements and of their régions, once each (keywords of a document)."""
    names = []
    for departement in departements:
        names += [departement.name, departement.region.name]
    return list(dict.fromkeys(names))


def soft_url(obj, method: str = "get_absolute_url") -> str:
    """The object's address, or "" while the page that shows it does not exist yet."""
    try:
        return getattr(obj, method)()
    except NoReverseMatch:
        return ""
