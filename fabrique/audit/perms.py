"""Who may read the journal of changes: the coordination of the network only."""

from fabrique.network.roles import roles_of


def can_read_journal(user) -> bool:
    return roles_of(user).coordinator
