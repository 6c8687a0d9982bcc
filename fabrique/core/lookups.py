"""`name__unaccent_icontains="comte"` finds "Franche-Comté": a substring search blind to case and accents.

The searched text and the column are both folded (lower case, accents and ligatures removed): by the
`fabrique_unaccent` function of the search migration on PostgreSQL (with `lower`), by the same Python folding as
the search's (`fold`), registered as an SQL function on every SQLite connection. `%` and `_` typed by the reader
are literal. For short lists (the directory's thousand structures, a structure's partners): no index serves it.
"""

from django.db.backends.signals import connection_created
from django.db.models import CharField, Lookup, TextField

from .french import fold


def _sql_fold(value):
    return None if value is None else fold(str(value))


class UnaccentIContains(Lookup):
    lookup_name = "unaccent_icontains"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        pattern = f"%{connection.ops.prep_for_like_query(fold(str(self.rhs)))}%"
        if connection.vendor == "postgresql":
            return f"lower(fabrique_unaccent(({lhs})::text)) LIKE %s", [*lhs_params, pattern]
        return f"fabrique_unaccent({lhs}) LIKE %s ESCAPE '\\'", [*lhs_params, pattern]


def _on_connection(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("fabrique_unaccent", 1, _sql_fold, deterministic=True)


def register() -> None:
    CharField.register_lookup(UnaccentIContains)
    TextField.register_lookup(UnaccentIContains)
    connection_created.connect(_on_connection, dispatch_uid="fabrique_unaccent")
