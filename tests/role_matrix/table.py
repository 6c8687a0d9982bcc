"""Reading the role matrix written as text: one row per route × method × target, one column per persona."""

from dataclasses import dataclass

from .world import PERSONAS

# What a cell may say. A number is the exact status; `login` a redirection to the login page; `ok` an allowed
# write whatever its outcome (2xx, or a redirection elsewhere than the login page, a form error included).
WORDS = {"ok", "login"}
STATUSES = {200, 201, 204, 302, 400, 401, 403, 404, 405, 409, 422}
WRITES = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True)
class Row:
    route: str  # "namespace:name" of the URL conf, or the API path after /api/v1
    method: str
    target: str  # a key of World.targets giving the URL's arguments, or "-" for none
    expected: dict  # persona -> cell

    @property
    def key(self) -> str:
        return f"{self.method} {self.route} {self.target}"


def refusal(cell) -> bool:
    """Whether the cell says the persona is refused (so a write must leave the database unchanged)."""
    return cell == "login" or (isinstance(cell, int) and cell >= 400)


def _cell(word: str):
    if word in WORDS:
        return word
    if not word.isdigit() or int(word) not in STATUSES:
        raise ValueError(f"unknown cell {word!r} in the role matrix")
    return int(word)


def parse(text: str) -> list[Row]:
    """Lines of `route method target` then one cell per persona, in PERSONAS order; `#` starts a comment."""
    rows = []
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        route, method, target, *cells = words
        if len(cells) != len(PERSONAS):
            raise ValueError(f"{route} {method}: {len(cells)} cells for {len(PERSONAS)} personas")
        rows.append(Row(route, method.upper(), target, dict(zip(PERSONAS, map(_cell, cells), strict=True))))
    keys = [row.key for row in rows]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise ValueError(f"rows given twice: {sorted(duplicates)}")
    return rows
