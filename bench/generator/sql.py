"""Fast inserts for the generator's largest tables: rows as tuples, explicit ids, `executemany`.

Django's `bulk_create` builds a model instance and prepares every field of every row; for the millions of rows
of the large scale that is most of the run. Here a row is a tuple, ids are given by the writer (so children can
point to their parent before anything is written) and only dates, times and decimals are converted, through
the field's own `get_db_prep_save`. The sequences are moved past the written ids at the end (PostgreSQL).
"""

from functools import lru_cache

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max

CHUNK = 5000
_CONVERTED = (models.DateField, models.DecimalField, models.JSONField)  # DateTimeField is a DateField


class Table:
    """Rows of one table. `add(...)` takes the values of `columns` (attnames), in order, and returns the id."""

    def __init__(self, model: type[models.Model], columns: list[str], label: str, *, with_id: bool = True):
        meta = model._meta
        self.model = model
        self.label = label
        self.with_id = with_id
        fields = [meta.get_field(name) for name in columns]
        if with_id:
            fields.insert(0, meta.pk)
        quote = connection.ops.quote_name
        names = ", ".join(quote(field.column) for field in fields)
        marks = ", ".join(["%s"] * len(fields))
        self.sql = f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608 - names from the model
        self.converters = [(index, _converter(field)) for index, field in enumerate(fields) if _needs(field)]
        self.rows: list[tuple] = []
        self.written = 0
        self.next_id = (model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1 if with_id else 0

    def add(self, *values) -> int:
        if not self.with_id:
            self.rows.append(values)
            return 0
        pk = self.next_id
        self.next_id += 1
        self.rows.append((pk, *values))
        return pk

    def flush(self) -> None:
        if not self.rows:
            return
        rows = self.rows
        if self.converters:
            rows = [_convert(row, self.converters) for row in rows]
        with connection.cursor() as cursor:
            for start in range(0, len(rows), CHUNK):
                cursor.executemany(self.sql, rows[start : start + CHUNK])
        self.written += len(rows)
        self.rows = []


def _needs(field: models.Field) -> bool:
    return isinstance(field, _CONVERTED)


def _converter(field: models.Field):
    def convert(value):
        return field.get_db_prep_save(value, connection)

    if isinstance(field, models.DateField):  # dates and datetimes repeat a lot: convert each one once
        return lru_cache(maxsize=65536)(convert)
    return convert


def _convert(row: tuple, converters) -> tuple:
    values = list(row)
    for index, convert in converters:
        if values[index] is not None:
            values[index] = convert(values[index])
    return tuple(values)


class Writer:
    """The tables of a run, flushed together; counts reported per label."""

    def __init__(self):
        self.tables: dict[str, Table] = {}

    def table(self, key: str, model, columns: list[str], label: str, *, with_id: bool = True) -> Table:
        if key not in self.tables:
            self.tables[key] = Table(model, columns, label, with_id=with_id)
        return self.tables[key]

    def raw(self, key: str, name: str, columns: list[str], label: str) -> "RawTable":
        if key not in self.tables:
            self.tables[key] = RawTable(name, columns, label)
        return self.tables[key]

    def flush(self) -> None:
        for table in self.tables.values():
            table.flush()

    def counts(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for table in self.tables.values():
            totals[table.label] = totals.get(table.label, 0) + table.written
        return totals

    def reset_sequences(self) -> None:
        models_with_ids = [table.model for table in self.tables.values() if table.model is not None and table.with_id]
        statements = connection.ops.sequence_reset_sql(no_style(), models_with_ids)
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


class RawTable(Table):
    """A table without a model (SQLite's FTS5 index): no ids, values written as given."""

    def __init__(self, name: str, columns: list[str], label: str):
        quote = connection.ops.quote_name
        self.model = None
        self.label = label
        self.with_id = False
        marks = ", ".join(["%s"] * len(columns))
        self.sql = f"INSERT INTO {quote(name)} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608 - fixed names
        self.converters = []
        self.rows = []
        self.written = 0
        self.next_id = 0
