"""An index of the created activities only, where "déjà fait ailleurs" looks for similar answers.

PostgreSQL: a partial GIN index on `search_vector` for the project documents at the stage "created".
SQLite: the FTS5 table `search_similar_fts`, same columns, tokenizer and bm25 weights as `search_fts`, filled
with the `search_fts` rows of those documents.
"""

import django.db.models.deletion
from django.db import migrations, models

import fabrique.search.models

POSTGRES_FORWARD = [
    "CREATE INDEX search_document_similar_vector ON search_searchdocument USING gin (search_vector) "
    "WHERE type = 'project' AND category = 'created'",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_document_similar_vector"]
SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_similar_fts USING fts5(
        title, summary, body, keywords, tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    "INSERT INTO search_similar_fts (search_similar_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 0.5)')",
    """
    INSERT INTO search_similar_fts (rowid, title, summary, body, keywords)
    SELECT f.rowid, f.title, f.summary, f.body, f.keywords FROM search_fts f
    JOIN search_searchdocument d ON d.id = f.rowid WHERE d.type = 'project' AND d.category = 'created'
    """,
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_similar_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_facet_per_type")]

    operations = [
        migrations.CreateModel(
            name="SimilarFtsEntry",
            fields=[
                (
                    "document",
                    models.OneToOneField(
                        db_column="rowid",
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="similar_fts",
                        serialize=False,
                        to="search.searchdocument",
                    ),
                ),
                ("search_similar_fts", fabrique.search.models.FtsMatchField()),
                ("rank", models.FloatField()),
            ],
            options={"db_table": "search_similar_fts", "managed": False},
        ),
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
