"""Who may read which figures, export what, and import into which structure.

- Network and région figures are public (they are published and in the open data).
- A structure's figures: its members and the coordinator.
- A set of départements (the territory dashboard): the coordinator, partner users for the départements they
  follow, members for the départements of their structures (method.perms.territory_departements).
- Exports: each reader gets the rows the apps' perms let them read.
- Imports: the coordinator into any structure (and the registry itself); a structure's admins into theirs.
"""

from fabrique.method.perms import territory_departements
from fabrique.network.models import Structure
from fabrique.network.roles import roles_of


def can_view_network_dashboard(user) -> bool:
    return roles_of(user).coordinator


def structure_figures_abilities(user, structure) -> dict[str, bool]:
    roles = roles_of(user)
    view = roles.coordinator or roles.is_member(structure.pk)
    return {"view": view, "report": view, "import": roles.coordinator or roles.is_admin(structure.pk)}


def readable_figure_structures(user, queryset=None):
    """The structures whose figures `user` reads: all for the coordinator, else their own."""
    roles = roles_of(user)
    queryset = Structure.objects.all() if queryset is None else queryset
    return queryset if roles.coordinator else queryset.filter(pk__in=roles.member_of)


def reporting_abilities(user) -> dict[str, bool]:
    """The reporting tabs `user` may open: network (the coordinator), structure (members and the coordinator),
    territory (partner users: members reach their territory through their structure), export, import."""
    roles = roles_of(user)
    return {
        "network": can_view_network_dashboard(user),
        "structure": roles.coordinator or bool(roles.member_of),
        "territory": bool(roles.partner_departements),
        "export": can_export(user),
        "import": can_import(user),
    }


def can_view_departements(user, codes: frozenset[str]) -> bool:
    allowed = territory_departements(user)
    return allowed is None or (bool(codes) and codes <= allowed)


def territory_of(user) -> frozenset[str] | None:
    """The départements of the territory dashboard: None for the coordinator (any), else those followed."""
    return territory_departements(user)


def can_export(user) -> bool:
    return roles_of(user).authenticated


def can_import(user) -> bool:
    roles = roles_of(user)
    return roles.coordinator or bool(roles.admin_of)


def can_import_registry(user) -> bool:
    """Structures are created by the coordinator only."""
    return roles_of(user).coordinator


def importable_structure_ids(user) -> frozenset[int] | None:
    """None: any structure (coordinator); else the structures `user` administers."""
    roles = roles_of(user)
    return None if roles.coordinator else roles.admin_of
