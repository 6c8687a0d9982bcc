"""Matching a file's headers to a kind's columns, and reading each cell into a typed value."""

import functools
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import columns as c
from ..columns import Column


class CellError(ValueError):
    """A cell that cannot be read; the message says what is expected."""


def normalize(text) -> str:
    """Lower case, no accents, words separated by one space: « Détecté le » and "detected_on" compare."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().lower()
    return " ".join(re.split(r"[^a-z0-9]+", text)).strip()


def match_headers(header: list[str], columns: tuple[Column, ...]) -> tuple[dict[str, int], list[str], list[str]]:
    """({column code: index in the row}, unknown headers, duplicated columns)."""
    names = {}
    for col in columns:
        names[normalize(col.code)] = col.code
        names[normalize(col.header)] = col.code
    found: dict[str, int] = {}
    unknown, duplicated = [], []
    for index, title in enumerate(header):
        if not title:
            continue
        code = names.get(normalize(title))
        if code is None:
            unknown.append(title)
        elif code in found:
            duplicated.append(title)
        else:
            found[code] = index
    return found, unknown, duplicated


DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y")
DATETIME_FORMATS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
)
TRUE = {"oui", "o", "vrai", "true", "1", "x", "yes"}
FALSE = {"non", "n", "faux", "false", "0", "no"}


def _date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date, no time zone
        except ValueError:
            continue
    raise CellError(_("Date attendue au format JJ/MM/AAAA ou AAAA-MM-JJ."))


def _datetime(value) -> datetime:
    if isinstance(value, datetime):
        parsed = value
    else:
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = None
            for fmt in DATETIME_FORMATS:
                try:
                    parsed = datetime.strptime(text, fmt)  # noqa: DTZ007 - made aware just below
                    break
                except ValueError:
                    continue
            if parsed is None:
                try:
                    parsed = datetime.combine(_date(text), datetime.min.time())
                except CellError:
                    raise CellError(_("Date et heure attendues au format JJ/MM/AAAA HH:MM.")) from None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_current_timezone())
    return parsed


def _decimal(value) -> Decimal:
    if isinstance(value, bool):
        raise CellError(_("Nombre attendu."))
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = str(value).replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError(_("Nombre attendu, par exemple 2,5.")) from None
    if not number.is_finite():
        raise CellError(_("Nombre attendu, par exemple 2,5."))
    return number


def _bool(value) -> bool:
    if isinstance(value, bool):
        return value
    text = normalize(value)
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise CellError(_("« oui » ou « non » attendu."))


@functools.lru_cache(maxsize=64)
def _choice_index(choices, language: str) -> dict[str, str]:
    """{normalized code or label: code} of a TextChoices, once per language."""
    index = {}
    for choice in choices:
        index[normalize(choice.label)] = choice.value
        index[normalize(choice.value)] = choice.value
    return index


def _choice(column: Column, value) -> str:
    found = _choice_index(column.choices, get_language() or "").get(normalize(value))
    if found is not None:
        return found
    labels = ", ".join(str(choice.label) for choice in column.choices)
    raise CellError(_("Valeur inconnue ; valeurs possibles : %s.") % labels)


def departement_code(value) -> str:
    """« 1 », 1.0 or « 2a » as an INSEE code: « 01 », « 2A » (spreadsheets drop leading zeros)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    code = str(value).strip().upper()
    return code.zfill(2) if code.isdigit() and len(code) == 1 else code


def read_cell(column: Column, value):
    """The typed value of a cell, None when empty; CellError with a French message otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = column.kind
    if kind == c.DATE:
        return _date(value)
    if kind == c.DATETIME:
        return _datetime(value)
    if kind == c.DECIMAL:
        number = _decimal(value)
        if number < 0:
            raise CellError(_("Nombre positif attendu."))
        return number
    if kind == c.INT:
        number = _decimal(value)
        if number != number.to_integral_value():
            raise CellError(_("Nombre entier attendu."))
        return int(number)
    if kind == c.BOOL:
        return _bool(value)
    if kind == c.CHOICE:
        return _choice(column, value)
    if kind == c.CODES:
        if isinstance(value, int | float):
            return [departement_code(value)]
        return [departement_code(code) for code in re.split(r"[,;/ ]+", str(value)) if code.strip()]
    if kind == c.LIST:
        return [item.strip() for item in str(value).split("|") if item.strip()]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()
