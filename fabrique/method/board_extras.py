"""What an app above the method adds to a structure's board, without the method importing it (the layers): the
app registers from its `AppConfig.ready()`

- a card extra: `fn(user, projects) -> {project id: extra}`, called once per board with all its projects (it must
  read them in one query, whatever their number); an extra names the `template` the card includes, with the
  extra as `extra`;
- a board link: `fn(user, structure) -> (label, url) | None`, shown above the columns.
"""

from collections.abc import Callable, Iterable
from typing import Any

CardExtra = Callable[[Any, list], dict[int, Any]]
BoardLink = Callable[[Any, Any], tuple[str, str] | None]

_card_extras: list[CardExtra] = []
_board_links: list[BoardLink] = []


def register_card_extra(function: CardExtra) -> None:
    if function not in _card_extras:
        _card_extras.append(function)


def register_board_link(function: BoardLink) -> None:
    if function not in _board_links:
        _board_links.append(function)


def card_extras(user, projects: Iterable) -> dict[int, list]:
    """Project id → the extras of its card, one call per registered function for all the projects."""
    projects = list(projects)
    extras: dict[int, list] = {}
    for function in _card_extras:
        for pk, extra in function(user, projects).items():
            extras.setdefault(pk, []).append(extra)
    return extras


def board_links(user, structure) -> list[tuple[str, str]]:
    return [link for function in _board_links if (link := function(user, structure)) is not None]
