"""SQLite: `search_similar_vocab`, the vocabulary of `search_similar_fts` (how many created activities hold each
stem), read to leave the commonest words out of the search for similar activities. Nothing on PostgreSQL
(`ts_stat` reads the vectors)."""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("CREATE VIRTUAL TABLE search_similar_vocab USING fts5vocab(search_similar_fts, row)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_similar_vocab")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_similar_scope_index")]

    operations = [migrations.RunPython(forward, backward)]
