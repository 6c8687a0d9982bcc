"""The API's error answers: always JSON `{"detail": ...}`, in French.

A 422 carries a list of `{"loc": [...], "msg": "...", "type": "..."}`, one per faulty parameter or field,
so a client (or a person reading the answer) knows which value to fix.
"""

from collections.abc import Iterable

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja.errors import ValidationError

# The pattern of `api_types.Text` (kept here: api_types reads its messages from this module).
NUL_FREE_PATTERN = "^[^\\u0000]*$"

# The name every endpoint gives its JSON body argument; hidden from `loc`, clients never see it.
BODY_ARGUMENT = "payload"

DATETIME_EXPECTED = _(
    "Date et heure attendues (AAAA-MM-JJTHH:MM, ou une date seule\u00a0; sans fuseau\u00a0: heure de Paris)."
)
MESSAGES = {
    "missing": _("Ce champ est obligatoire."),
    "int_parsing": _("Nombre entier attendu."),
    "int_type": _("Nombre entier attendu."),
    "int_from_float": _("Nombre entier attendu."),
    "float_parsing": _("Nombre attendu."),
    "float_type": _("Nombre attendu."),
    "bool_parsing": _("Booléen attendu (true ou false)."),
    "bool_type": _("Booléen attendu (true ou false)."),
    "string_type": _("Texte attendu."),
    "string_too_short": _("Au moins {min_length} caractère(s)."),
    "string_too_long": _("Au plus {max_length} caractères."),
    "string_pattern_mismatch": _("Format non valide."),
    "greater_than_equal": _("Doit être supérieur ou égal à {ge}."),
    "greater_than": _("Doit être supérieur à {gt}."),
    "less_than_equal": _("Doit être inférieur ou égal à {le}."),
    "less_than": _("Doit être inférieur à {lt}."),
    "literal_error": _("Valeur non reconnue ; valeurs possibles : {expected}."),
    "enum": _("Valeur non reconnue ; valeurs possibles : {expected}."),
    "date_parsing": _("Date attendue au format AAAA-MM-JJ."),
    "date_from_datetime_parsing": _("Date attendue au format AAAA-MM-JJ."),
    "date_from_datetime_inexact": _("Date attendue au format AAAA-MM-JJ, sans heure."),
    "date_type": _("Date attendue au format AAAA-MM-JJ."),
    "list_type": _("Liste attendue."),
    "too_short": _("Au moins {min_length} élément(s)."),
    "too_long": _("Au plus {max_length} éléments."),
    "dict_type": _("Objet JSON attendu."),
    "model_type": _("Objet JSON attendu."),
    "model_attributes_type": _("Objet JSON attendu."),
    "extra_forbidden": _("Champ inconnu."),
    "json_invalid": _("JSON non valide."),
    "string_unicode": _("Texte non valide\u00a0: caractère Unicode isolé (demi-caractère UTF-16)."),
    "forbidden_character": _("Caractère interdit\u00a0: caractère nul (U+0000)."),
    "year_out_of_range": _("Date hors des limites\u00a0: l'année doit être comprise entre {min_year} et {max_year}."),
    "datetime_parsing": DATETIME_EXPECTED,
    "datetime_from_date_parsing": DATETIME_EXPECTED,
    "datetime_type": DATETIME_EXPECTED,
    "decimal_parsing": _("Nombre décimal attendu."),
    "decimal_type": _("Nombre décimal attendu."),
    "decimal_max_digits": _("Au plus {max_digits} chiffres."),
    "decimal_max_places": _("Au plus {decimal_places} chiffres après la virgule."),
}
FALLBACK = _("Valeur non valide.")


def _french(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "string_pattern_mismatch" and (error.get("ctx") or {}).get("pattern") == NUL_FREE_PATTERN:
        kind = "forbidden_character"  # the pattern of api_types.Text: say what is wrong, not "format"
    template = MESSAGES.get(kind)
    if template is None:
        return str(FALLBACK)
    ctx = dict(error.get("ctx") or {})
    if isinstance(ctx.get("expected"), str):
        ctx["expected"] = ctx["expected"].replace("' or '", "', '")  # pydantic writes "'a', 'b' or 'c'"
    try:
        return str(template).format(**ctx)
    except (KeyError, IndexError, ValueError):
        return str(FALLBACK)


def _clean_loc(loc: Iterable) -> list:
    parts = list(loc)
    if len(parts) >= 2 and parts[0] == "body" and parts[1] == BODY_ARGUMENT:
        del parts[1]
    return parts


def french_errors(errors: Iterable[dict]) -> list[dict]:
    """Pydantic's errors (English, with internals) → the API's shape, in French."""
    out = []
    for error in errors:
        msg = error.get("msg", "")
        # Errors raised by `invalid()` below are already written in French for the user.
        if not error.get("fabrique"):
            msg = _french(error)
        out.append({"loc": _clean_loc(error.get("loc", ())), "msg": msg, "type": error.get("type", "invalid")})
    return out


def field_error(loc: Iterable, msg, type_: str = "invalid") -> dict:
    return {"loc": list(loc), "msg": str(msg), "type": type_, "fabrique": True}


def invalid(loc: Iterable, msg, type_: str = "invalid") -> ValidationError:
    """A 422 naming one parameter or field: `raise invalid(["query", "status"], "…")`."""
    return ValidationError([field_error(loc, msg, type_)])


def from_django(exc: DjangoValidationError, prefix: Iterable = ("body",)) -> ValidationError:
    """A Django ValidationError (model or field validation) → a 422 naming each field under `prefix`."""
    prefix = list(prefix)
    errors = []
    if hasattr(exc, "error_dict"):
        for name, messages in exc.message_dict.items():
            loc = prefix if name == NON_FIELD_ERRORS else [*prefix, name]
            errors.extend(field_error(loc, message) for message in messages)
    else:
        errors.extend(field_error(prefix, message) for message in exc.messages)
    return ValidationError(errors)


def validate_fields(model, values: dict, instance=None, prefix: Iterable = ("body",)) -> dict:
    """Run the model fields' own cleaning (length, URL, e-mail, SIRET…) on `values`; returns cleaned values.

    Raises one 422 listing every faulty field."""
    cleaned, errors = {}, []
    for name, value in values.items():
        try:
            cleaned[name] = model._meta.get_field(name).clean(value, instance)
        except DjangoValidationError as exc:
            errors.extend(field_error([*prefix, name], message) for message in exc.messages)
    if errors:
        raise ValidationError(errors)
    return cleaned


def detail_for_status(status: int) -> str:
    """A French sentence for an error answer produced outside the API's views (unknown route, wrong method…)."""
    texts = {
        400: gettext("Requête non valide."),
        401: gettext("Authentification requise."),
        403: gettext("Action non autorisée."),
        404: gettext("Introuvable."),
        405: gettext("Méthode non autorisée pour cette adresse."),
        413: gettext("Le corps de la requête est trop volumineux."),
        415: gettext("Type de contenu non pris en charge : envoyez du JSON."),
    }
    if status in texts:
        return texts[status]
    return gettext("Erreur interne du serveur.") if status >= 500 else gettext("Requête refusée.")
