"""The two full-text engines behind one contract: filter documents by query terms and score them.

- PostgreSQL: the generated `search_vector` column (weighted `french` vectors of the unaccented text, GIN
  index), queried with `to_tsquery('french', …)` and ranked with `ts_rank`;
- SQLite: the FTS5 table `search_fts` (`unicode61 remove_diacritics 2`) holding the stems made by `french`,
  queried with MATCH and ranked with bm25 weighted per column (set by the migration).

Every term is a prefix, so a partial word typed without a typo finds the whole word. `mode="all"` wants every
term (the search box); `mode="any"` wants at least one and ranks by how many meet (similar activities).
"""

from django.db import connection
from django.db.models import BooleanField, Expression, F, FloatField, QuerySet

from . import french

ALL, ANY = "all", "any"


def _vector_column(compiler) -> str:
    """The base table's `search_vector`, whatever alias the query gives the table (subqueries rename it)."""
    alias = compiler.query.get_initial_alias()
    return f"{compiler.quote_name_unless_alias(alias)}.search_vector"


class _VectorMatches(Expression):
    conditional = True
    output_field = BooleanField()

    def __init__(self, tsquery: str):
        super().__init__()
        self.tsquery = tsquery

    def as_sql(self, compiler, connection):
        return f"{_vector_column(compiler)} @@ to_tsquery('french'::regconfig, %s)", [self.tsquery]


class _VectorRank(Expression):
    output_field = FloatField()

    def __init__(self, tsquery: str):
        super().__init__()
        self.tsquery = tsquery

    def as_sql(self, compiler, connection):
        return f"ts_rank({_vector_column(compiler)}, to_tsquery('french'::regconfig, %s))", [self.tsquery]


class PostgresBackend:
    vendor = "postgresql"

    def tsquery(self, terms: list[str], mode: str) -> str:
        # Terms are folded to [0-9a-z]+ by `french`, so they cannot carry tsquery syntax.
        parts = [f"{term}:*" if french.is_prefix_term(term) else term for term in terms]
        return (" & " if mode == ALL else " | ").join(parts)

    def filter(self, queryset: QuerySet, terms: list[str], mode: str = ALL) -> QuerySet:
        return queryset.filter(_VectorMatches(self.tsquery(terms, mode)))

    def match(self, queryset: QuerySet, terms: list[str], mode: str = ALL) -> QuerySet:
        """Filtered and annotated with `score` (higher is better)."""
        return self.filter(queryset, terms, mode).annotate(score=_VectorRank(self.tsquery(terms, mode)))

    def sync(self, rows) -> None:
        """Nothing to do: the vector is a generated column."""

    def remove(self, document_ids) -> None:
        """Nothing to do: the vector goes with its row."""


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

    def sync(self, rows) -> None:
        """rows: (document id, title, summary, body, keywords), stored as stems."""
        rows = list(rows)
        if not rows:
            return
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(row[0],) for row in rows])
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, summary, body, keywords) VALUES (%s, %s, %s, %s, %s)",
                [(row[0], *(french.index_text(text) for text in row[1:])) for row in rows],
            )

    def remove(self, document_ids) -> None:
        ids = [(pk,) for pk in document_ids]
        if ids:
            with connection.cursor() as cursor:
                cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", ids)


def get_backend():
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(f"Recherche non prise en charge pour la base {connection.vendor}.")
