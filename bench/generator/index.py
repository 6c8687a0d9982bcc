"""Search index rows of the generated needs and projects, written with them instead of read back.

Re-reading 400,000 objects through the search adapters would take longer than generating them. These rows
say what `search.adapters.NeedAdapter` and `ProjectAdapter` say about the same objects — a test compares them
with a `search.indexing.rebuild` of the same data; the other types are few and are indexed by `rebuild`.
"""

from functools import lru_cache

from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import CarrierKind
from fabrique.method.enums import Stage as St
from fabrique.territories.models import Departement

from .sql import Writer

_PLACEHOLDER = "987654321"


def _url_template(name: str) -> str:
    try:
        return reverse(name, args=[_PLACEHOLDER])
    except NoReverseMatch:
        return ""


def _fill(template: str, value) -> str:
    return template.replace(_PLACEHOLDER, str(value)) if template else ""


class IndexRows:
    def __init__(self, writer: Writer):
        from fabrique.search import french
        from fabrique.search.enums import DocumentType, FacetName
        from fabrique.search.models import SearchDocument, SearchFacet
        from fabrique.search.registry import MAX_BODY_CHARS
        from fabrique.search.visibility import Visibility

        columns = ["type", "object_id", "title", "summary", "body", "keywords", "url", "visibility", "structure_id"]
        columns += ["category", "date", "not_before", "indexed_at"]
        self.documents = writer.table("search-documents", SearchDocument, columns, "index de recherche")
        self.facets = writer.table(
            "search-facets", SearchFacet, ["document_id", "name", "value"], "facettes de recherche", with_id=False
        )
        self.fts = None
        if connection.vendor == "sqlite":
            self.fts = writer.raw(
                "search-fts", "search_fts", ["rowid", "title", "summary", "body", "keywords"], "index plein texte"
            )
        self.piece_stems = lru_cache(maxsize=200_000)(french.index_text)
        self.types, self.facet_names, self.visibility = DocumentType, FacetName, Visibility
        self.max_body = MAX_BODY_CHARS
        self.now = timezone.now()
        self.themes = {code: str(label) for code, label in Theme.choices}
        self.places = {
            code: (name, region, region_name)
            for code, name, region, region_name in Departement.objects.values_list(
                "code", "name", "region_id", "region__name"
            )
        }
        self.urls = {
            name: _url_template(name)
            for name in ("method:need_detail", "method:project_detail", "method:activity_detail")
        }

    def stems(self, text: str) -> str:
        """`french.index_text(text)`, piece by piece: no word spans a space, and the pieces repeat a lot."""
        return " ".join(stem for stem in map(self.piece_stems, text.split()) if stem)

    def _names(self, codes: list[str]) -> list[str]:
        names = []
        for code in codes:
            name, _region, region_name = self.places[code]
            names += [name, region_name]
        return list(dict.fromkeys(names))

    def _add(self, values: tuple, themes: list[str], regions: list[str]) -> None:
        doc_type, object_id, title, summary, body, keywords = values[:6]
        document = self.documents.add(*values, None, self.now)
        facets = {(self.facet_names.TYPE, str(doc_type))}
        facets |= {(self.facet_names.THEME, theme) for theme in themes if theme}
        facets |= {(self.facet_names.REGION, region) for region in regions if region}
        for name, value in sorted(facets):
            self.facets.add(document, name, value)
        if self.fts is not None:
            self.fts.add(document, *(self.stems(text) for text in (title, summary, body, keywords)))

    def need(
        self,
        pk: int,
        structure_id: int,
        title: str,
        description: str,
        theme: str,
        code: str,
        commune: str,
        status: str,
        detected_on,
    ) -> None:
        keywords = " ".join([self.themes.get(theme, ""), commune, *self._names([code])])
        values = (
            self.types.NEED,
            pk,
            title[:300],
            description,
            "",
            keywords,
            _fill(self.urls["method:need_detail"], pk),
            self.visibility.STRUCTURE,
            structure_id,
            status,
            detected_on,
        )
        self._add(values, [theme], [self.places[code][1]])

    def project(self, pk: int, row: dict, structure_name: str, codes: list[str]) -> None:
        public = row["stage"] == St.CREATED and row["is_public"]
        carrier = row.get("carrier_name", "") if row.get("carrier_kind") == CarrierKind.ESS_ORGANISATION else ""
        keywords = " ".join([self.themes.get(row["theme"], ""), structure_name, carrier, *self._names(sorted(codes))])
        url = (
            _fill(self.urls["method:activity_detail"], row["slug"])
            if public
            else _fill(self.urls["method:project_detail"], pk)
        )
        visibility = self.visibility.PUBLIC if public else self.visibility.STRUCTURE
        values = (
            self.types.PROJECT,
            pk,
            row["title"][:300],
            row["summary"],
            "",
            keywords,
            url,
            visibility,
            row["structure_id"],
            row["stage"],
            row["detected_on"],
        )
        self._add(values, [row["theme"]], [self.places[code][1] for code in codes])
