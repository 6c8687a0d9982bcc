"""Déjà fait ailleurs (essaimage): created activities of other structures that answer a similar need.

Candidates are the created projects the reader may read (a confidential activity of another structure stays
invisible), found by the full-text engine with any of the words of the need's or project's title, summary and
theme, then ranked by how many of those words their title and summary share, the same theme, and the
engine's rank.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from fabrique.core.vocabulary import Theme

from . import french
from .backends import SIMILAR_SCOPE, common_similar_words, get_backend
from .enums import FacetName
from .models import SearchDocument, SearchFacet
from .query import readable_documents
from .registry import adapter_for_model

DEFAULT_LIMIT = 5
CANDIDATES = 40
SHOWN = ("type", "object_id", "title", "summary", "url", "category", "structure__name", "structure__slug")

# (user, project ids) -> {project id: address of its notebook}: the app that keeps project notebooks (the library)
# registers how to find those the reader may open.
NotebookFinder = Callable[[object, list[int]], dict[int, str]]
_notebook_finders: list[NotebookFinder] = []


def register_notebook_finder(finder: NotebookFinder) -> None:
    if finder not in _notebook_finders:
        _notebook_finders.append(finder)


@dataclass
class SimilarActivity:
    document: SearchDocument
    matched_words: list[str]
    same_theme: bool
    theme: str
    notebook_url: str = ""

    @property
    def project_id(self) -> int:
        return self.document.object_id

    @property
    def title(self) -> str:
        return self.document.title

    @property
    def url(self) -> str:
        return self.notebook_url if not self.document.url else self.document.url


def _source_text(source) -> tuple[str, str]:
    summary = getattr(source, "summary", None) or getattr(source, "description", "") or ""
    return source.title, summary


def similar_activities(user, source, limit: int = DEFAULT_LIMIT) -> list[SimilarActivity]:
    """Up to `limit` created activities of other structures, most similar first, that `user` may read."""
    title, summary = _source_text(source)
    theme_label = str(Theme(source.theme).label) if source.theme in Theme.values else ""
    terms = french.query_terms(f"{title} {summary}")
    theme_terms = [term for term in french.query_terms(theme_label) if term not in terms]
    if not terms:
        return []
    candidates = readable_documents(user).exclude(structure_id=source.structure_id)
    adapter = adapter_for_model(type(source))
    if adapter is not None and adapter.type == SIMILAR_SCOPE[0]:  # a project is not similar to itself
        candidates = candidates.exclude(object_id=source.pk)
    themes = SearchFacet.objects.filter(document_id=OuterRef("pk"), name=FacetName.THEME).order_by("value")
    backend = get_backend()
    common = common_similar_words(backend)
    found = (
        backend.match_similar(candidates, terms + theme_terms)
        # read for the kept rows only (after the sort and the limit), not for every match
        .annotate(theme=Subquery(themes.values("value")[:1]))
        .select_related("structure")
        # every match is sorted: only what the ranking and the list show goes into the sort
        .only(*SHOWN)[:CANDIDATES]
    )
    stems = [french.stem(term) for term in terms]
    ranked = []
    for position, document in enumerate(found):
        words = french.matched_words(stems, f"{document.title} {document.summary}")
        same_theme = document.theme == source.theme
        word_stems = {french.word_stem(word) for word in words}
        distinctive = word_stems - common
        if not distinctive and not same_theme:
            continue  # nothing in common but words most activities hold
        key = (len(word_stems) + (1 if same_theme else 0), -position)
        theme = document.theme if document.theme in Theme.values else ""
        activity = SimilarActivity(document, words, same_theme, str(Theme(theme).label) if theme else "")
        ranked.append((key, activity))
    ranked.sort(key=lambda item: item[0], reverse=True)
    activities = [activity for _, activity in ranked[:limit]]
    _attach_notebooks(user, activities)
    return activities


def _attach_notebooks(user, activities: list[SimilarActivity]) -> None:
    """The project notebook (carnet de projets) of each activity, when one is readable."""
    if not activities:
        return
    ids = [activity.project_id for activity in activities]
    for finder in _notebook_finders:
        urls = finder(user, ids)
        for activity in activities:
            activity.notebook_url = activity.notebook_url or urls.get(activity.project_id, "")
