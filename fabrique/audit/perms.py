"""Who may read the journal of changes (the coordination of the network only) and a structure's activity feed."""

from fabrique.method.perms import board_abilities
from fabrique.network.roles import roles_of


def can_read_journal(user) -> bool:
    return roles_of(user).coordinator


def structure_feed_abilities(user, structure) -> dict[str, bool]:
    """view: a structure's activity feed (its projects and its own records) is its team's and the coordination's,
    as its method board is. A project's feed follows its workspace (`workspace_abilities`)."""
    return {"view": board_abilities(user, structure)["view"]}
