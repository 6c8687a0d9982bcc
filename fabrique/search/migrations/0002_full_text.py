"""The full-text machinery of each database, created only where it applies.

PostgreSQL: the `unaccent` extension, an immutable wrapper (an index may only use immutable functions), a
generated `search_vector` column of weighted `french` vectors (A title, B summary, C body, D keywords) and its
GIN index. SQLite: the FTS5 table `search_fts` (accents removed by `unicode61 remove_diacritics 2`) whose
default ranking is bm25 weighted per column.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    CREATE OR REPLACE FUNCTION fabrique_unaccent(text) RETURNS text
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    """,
    """
    ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('french'::regconfig, fabrique_unaccent(coalesce(title, ''))), 'A')
        || setweight(to_tsvector('french'::regconfig, fabrique_unaccent(coalesce(summary, ''))), 'B')
        || setweight(to_tsvector('french'::regconfig, fabrique_unaccent(coalesce(body, ''))), 'C')
        || setweight(to_tsvector('french'::regconfig, fabrique_unaccent(coalesce(keywords, ''))), 'D')
    ) STORED
    """,
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
    "DROP FUNCTION IF EXISTS fabrique_unaccent(text)",
]
SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, body, keywords, tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    "INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 0.5)')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
