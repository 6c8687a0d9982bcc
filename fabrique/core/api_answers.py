"""One list of fields per API answer: its schema's.

A presenter fills a schema with `answer(Schema, obj, **values)`: it names only the fields it computes (a label,
an address, the caller's abilities, a nested answer); every other field is the attribute of `obj` of the same
name. A value the schema does not declare is refused, and no declared field can be left out, so the schema and
what the presenter gives cannot drift apart. The answer stays a plain dict, validated by pydantic alone (see
`pagination.Out`): as fast as a dict written by hand.
"""

from functools import cache


@cache
def _keys(schema) -> dict[str, str]:
    """Each field of `schema` by its Python name → its key in the answer (the alias, as `from` for `from_`)."""
    return {name: field.alias or name for name, field in schema.model_fields.items()}


def answer(schema, obj=None, /, **values) -> dict:
    """`schema`'s answer for `obj`: `values[name]` for the fields given, `obj.<name>` for every other one."""
    keys = _keys(schema)
    if not values.keys() <= keys.keys():
        stray = ", ".join(sorted(values.keys() - keys.keys()))
        raise TypeError(f"{schema.__name__} ne déclare pas : {stray}")
    return {key: values[name] if name in values else getattr(obj, name) for name, key in keys.items()}
