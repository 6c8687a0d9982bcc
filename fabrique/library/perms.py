"""Who may do what in the library. Read by views, the API (`abilities`), templates and the search index."""

from django.db.models import QuerySet

from fabrique.network.roles import roles_of
from fabrique.search.visibility import can_read, in_network, readable_q


def resource_abilities(user, resource) -> dict[str, bool]:
    """view (and download its files), change (edit, add a file version), view_history.

    The author structure's members and the coordinator change a resource; a resource of the coordination
    (no author structure) is changed by the coordinator only."""
    roles = roles_of(user)
    view = can_read(roles, resource.visibility, resource.author_structure_id)
    author = resource.author_structure_id is not None and roles.is_member(resource.author_structure_id)
    change = roles.coordinator or author
    return {"view": view, "change": change, "upload": change, "view_history": change}


def can_create_resource(user) -> bool:
    return in_network(roles_of(user))


def author_structure_ids(user) -> frozenset[int] | None:
    """The structures `user` may publish for: None means any (the coordinator), who may also publish alone."""
    roles = roles_of(user)
    return None if roles.coordinator else roles.member_of


def readable_resources(user, queryset: QuerySet) -> QuerySet:
    return queryset.filter(readable_q(user, "visibility", "author_structure_id"))


def readable_group_resources(user, group) -> QuerySet:
    """The resources filed under a working group that `user` may read (registered with network life)."""
    return readable_resources(user, group.resources.all())
