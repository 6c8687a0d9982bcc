"""The two full-text engines behind one contract: filter documents by query terms and score them.

- PostgreSQL: the generated `search_vector` column (weighted `french` vectors of the unaccented text, GIN
  index), queried with `to_tsquery('french', …)` and ranked with `ts_rank`;
- SQLite: the FTS5 table `search_fts` (`unicode61 remove_diacritics 2`) holding the stems made by `french`,
  queried with MATCH and ranked with bm25 weighted per column (set by the migration).

Every term is a prefix, so a partial word typed without a typo finds the whole word. `mode="all"` wants every
term (the search box); `mode="any"` wants at least one and ranks by how many meet (similar activities).

`match_similar` searches only the created activities (`SIMILAR_SCOPE`), through an index of their own: a
partial GIN index on PostgreSQL, the FTS5 table `search_similar_fts` on SQLite (kept in step by `sync` and
`remove`, from the rows of `search_fts`).
"""

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Expression, F, FloatField, QuerySet

from . import french

ALL, ANY = "all", "any"
# (type, category) of the documents "déjà fait ailleurs" looks among: projects at the stage "created".
SIMILAR_SCOPE = ("project", "created")
# A word found in more than COMMON_SHARE of the created activities tells them apart no better than no word
# (bm25 and ts_rank give it next to no weight) but makes nearly all of them candidates, each to be ranked: it is
# left out of the search for similar activities, and an activity sharing only such words (and not the theme) is
# not offered; it still shows among the words in common. Below COMMON_MIN_DOCUMENTS created activities the
# shares mean little: no word is common. The list is computed at most every COMMON_CACHE_SECONDS: a word's
# share changes slowly.
COMMON_SHARE = 0.5
COMMON_MIN_DOCUMENTS = 10
COMMON_CACHE_SECONDS = 3600
# ts_stat() takes the text of a query: the vectors of SIMILAR_SCOPE (a test checks they agree)
_CREATED_VECTORS = "SELECT search_vector FROM search_searchdocument WHERE type = 'project' AND category = 'created'"
# SQLite accepts 32,766 parameters per statement since 3.32; 500 keeps every supported version happy.
CHUNK = 500


def _vector_column(compiler) -> str:
    """The base table's `search_vector`, whatever alias the query gives the table (subqueries rename it)."""
    alias = compiler.query.get_initial_alias()
    return f"{compiler.quote_name_unless_alias(alias)}.search_vector"


def _plain_tsquery(text: str) -> tuple[str, list]:
    return "to_tsquery('french'::regconfig, %s)", [text]


class _VectorMatches(Expression):
    conditional = True
    output_field = BooleanField()

    def __init__(self, tsquery: tuple[str, list]):
        super().__init__()
        self.tsquery = tsquery

    def as_sql(self, compiler, connection):
        sql, params = self.tsquery
        return f"{_vector_column(compiler)} @@ {sql}", list(params)


class _VectorRank(Expression):
    output_field = FloatField()

    def __init__(self, tsquery: tuple[str, list]):
        super().__init__()
        self.tsquery = tsquery

    def as_sql(self, compiler, connection):
        sql, params = self.tsquery
        return f"ts_rank({_vector_column(compiler)}, {sql})", list(params)


# The words of the query whose lexeme is common among the created activities are left out; all of them are kept
# when none would remain. One InitPlan: PostgreSQL computes it once per query.
_UNCOMMON_TSQUERY = """(SELECT coalesce(
    to_tsquery('french'::regconfig, string_agg(t.part, ' | ')), to_tsquery('french'::regconfig, %s))
    FROM unnest(%s::text[], %s::text[]) AS t(part, term)
    WHERE NOT tsvector_to_array(to_tsvector('french'::regconfig, t.term)) <@ %s::text[])"""


class PostgresBackend:
    vendor = "postgresql"

    def tsquery(self, terms: list[str], mode: str) -> str:
        # Terms are folded to [0-9a-z]+ by `french`, so they cannot carry tsquery syntax.
        parts = [f"{term}:*" if french.is_prefix_term(term) else term for term in terms]
        return (" & " if mode == ALL else " | ").join(parts)

    def filter(self, queryset: QuerySet, terms: list[str], mode: str = ALL) -> QuerySet:
        return queryset.filter(_VectorMatches(_plain_tsquery(self.tsquery(terms, mode))))

    def match(self, queryset: QuerySet, terms: list[str], mode: str = ALL) -> QuerySet:
        """Filtered and annotated with `score` (higher is better)."""
        return self.filter(queryset, terms, mode).annotate(score=_VectorRank(_plain_tsquery(self.tsquery(terms, mode))))

    def relevance_ordering(self) -> list:
        """Best first; equal ranks, the most recent first."""
        return [F("score").desc(), F("date").desc(nulls_last=True), "pk"]

    def match_similar(self, queryset: QuerySet, terms: list[str]) -> QuerySet:
        """Any of the uncommon terms, among the created activities (the partial GIN index answers), best first."""
        type_, category = SIMILAR_SCOPE
        common = sorted(common_similar_words(self))
        parts = [self.tsquery([term], ANY) for term in terms]
        tsquery = (_UNCOMMON_TSQUERY, [self.tsquery(terms, ANY), parts, terms, common])
        queryset = queryset.filter(type=type_, category=category).filter(_VectorMatches(tsquery))
        return queryset.annotate(score=_VectorRank(tsquery)).order_by("-score", "pk")

    def common_words(self) -> set[str]:
        """Lexemes found in more than COMMON_SHARE of the created activities (none in a small network)."""
        type_, category = SIMILAR_SCOPE
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM search_searchdocument WHERE type = %s AND category = %s", [type_, category]
            )
            total = cursor.fetchone()[0]
            if total < COMMON_MIN_DOCUMENTS:
                return set()
            cursor.execute("SELECT word FROM ts_stat(%s) WHERE ndoc > %s", [_CREATED_VECTORS, total * COMMON_SHARE])
            return {word for (word,) in cursor.fetchall()}

    def refresh_similar(self) -> None:
        """Nothing to do: the partial index follows its rows."""

    def sync(self, rows) -> None:
        """Nothing to do: the vector is a generated column."""

    def remove(self, document_ids) -> None:
        """Nothing to do: the vector goes with its row."""


# The search_fts rows of the documents of SIMILAR_SCOPE (parameters: type, category), copied to their own table.
_COPY_TO_SIMILAR = (
    "INSERT INTO search_similar_fts (rowid, title, summary, body, keywords) "
    "SELECT f.rowid, f.title, f.summary, f.body, f.keywords FROM search_fts f "
    "JOIN search_searchdocument d ON d.id = f.rowid WHERE d.type = %s AND d.category = %s"
)


class SqliteBackend:
    vendor = "sqlite"

    def fts_query(self, terms: list[str], mode: str) -> str:
        parts = []
        for term in terms:
            stemmed = french.stem(term)
            parts.append(f'"{stemmed}"*' if french.is_prefix_term(stemmed) else f'"{stemmed}"')
        return (" AND " if mode == ALL else " OR ").join(parts)

    def filter(self, queryset: QuerySet, terms: list[str], mode: str = ALL) -> QuerySet:
        return queryset.filter(fts__search_fts__match=self.fts_query(terms, mode))

    def match(self, queryset: QuerySet, terms: list[str], mode: str = ALL) -> QuerySet:
        # bm25 is negative, lower is better: the score is its opposite, higher is better.
        return self.filter(queryset, terms, mode).annotate(score=-F("fts__rank"))

    def relevance_ordering(self) -> list:
        """FTS5's `rank` alone, which FTS5 sorts itself while it reads the matches (and stops at the page's
        end); any further sort key makes SQLite sort every match again, twice the time of a broad query.
        Equal ranks come in FTS5's order."""
        return ["fts__rank"]

    def match_similar(self, queryset: QuerySet, terms: list[str]) -> QuerySet:
        """Any of the terms, in the FTS5 table of the created activities only, best first. Ordered by FTS5's
        `rank` alone, which FTS5 sorts itself: a second sort key (or the rank's opposite) makes SQLite sort
        every match again and doubles the time."""
        type_, category = SIMILAR_SCOPE
        common = common_similar_words(self)
        terms = [term for term in terms if french.stem(term) not in common] or terms
        queryset = queryset.filter(type=type_, category=category)
        queryset = queryset.filter(similar_fts__search_similar_fts__match=self.fts_query(terms, ANY))
        return queryset.order_by("similar_fts__rank")

    def common_words(self) -> set[str]:
        """Stems found in more than COMMON_SHARE of the created activities (none in a small network)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_similar_fts")
            total = cursor.fetchone()[0]
            if total < COMMON_MIN_DOCUMENTS:
                return set()
            cursor.execute("SELECT term FROM search_similar_vocab WHERE doc > %s", [total * COMMON_SHARE])
            return {term for (term,) in cursor.fetchall()}

    def sync(self, rows) -> None:
        """rows: (document id, title, summary, body, keywords), stored as stems. The documents' rows of
        `search_searchdocument` are written first: their type and category decide `search_similar_fts`."""
        rows = list(rows)
        if not rows:
            return
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(row[0],) for row in rows])
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, summary, body, keywords) VALUES (%s, %s, %s, %s, %s)",
                [(row[0], *(french.index_text(text) for text in row[1:])) for row in rows],
            )
        self._sync_similar([row[0] for row in rows])

    def _sync_similar(self, ids: list[int]) -> None:
        type_, category = SIMILAR_SCOPE
        with connection.cursor() as cursor:
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM search_similar_fts WHERE rowid IN ({marks})", chunk)  # noqa: S608
                cursor.execute(f"{_COPY_TO_SIMILAR} AND f.rowid IN ({marks})", [type_, category, *chunk])

    def refresh_similar(self) -> None:
        """Refill `search_similar_fts` from `search_fts` (after rows were written to both tables directly)."""
        type_, category = SIMILAR_SCOPE
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_similar_fts")
            cursor.execute(_COPY_TO_SIMILAR, [type_, category])

    def remove(self, document_ids) -> None:
        ids = [(pk,) for pk in document_ids]
        if ids:
            with connection.cursor() as cursor:
                cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", ids)
                cursor.executemany("DELETE FROM search_similar_fts WHERE rowid = %s", ids)


def common_similar_words(backend) -> frozenset[str]:
    """`backend.common_words()`, from the cache when it was computed less than COMMON_CACHE_SECONDS ago."""
    key = f"search:similar-common-words:{backend.vendor}"
    words = cache.get(key)
    if words is None:
        words = frozenset(backend.common_words())
        cache.set(key, words, COMMON_CACHE_SECONDS)
    return words


def get_backend():
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(f"Recherche non prise en charge pour la base {connection.vendor}.")
