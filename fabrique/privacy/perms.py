"""Who may export, erase and purge personal data: the coordination of the network only."""

from fabrique.network.roles import roles_of


def can_manage_personal_data(user) -> bool:
    return roles_of(user).coordinator
