"""Who may do what in the method. Read by views, the API (`abilities`) and templates.

Needs, creativity sessions and projects are confidential: the members of the structure and the coordinator
read them, only the members change them (the coordinator follows every board read-only). Partner users read
counts for their départements. The public reads the created activities flagged public, without personal data.
"""

from django.db.models import Q, QuerySet

from fabrique.network.models import Structure
from fabrique.network.roles import roles_of

from .enums import Stage


def _read_write(user, structure_id: int) -> tuple[bool, bool]:
    roles = roles_of(user)
    member = roles.is_member(structure_id)
    return member or roles.coordinator, member


def board_abilities(user, structure) -> dict[str, bool]:
    """On a structure's method area: view (board, lists), change (record needs, sessions, projects)."""
    view, change = _read_write(user, structure.pk)
    return {"view": view, "change": change}


def readable_boards(user, queryset: QuerySet | None = None) -> QuerySet:
    """`board_abilities(…)["view"]` as a filter on structures: all for the coordinator, else their own."""
    roles = roles_of(user)
    queryset = Structure.objects.all() if queryset is None else queryset
    return queryset if roles.coordinator else queryset.filter(pk__in=roles.member_of)


def project_abilities(user, project) -> dict[str, bool]:
    """view, view_public (the public page), change, move, decide, note, manage_partners, edit_outcome."""
    view, member = _read_write(user, project.structure_id)
    return {
        "view": view,
        "view_public": view or project.is_public_activity,
        "change": member,
        "move": member,
        "decide": member,
        "note": member,
        "manage_partners": member,
        "edit_economic_model": member,
        "edit_outcome": member,
    }


def need_abilities(user, need) -> dict[str, bool]:
    """view (including who brought it), change, start_project."""
    view, member = _read_write(user, need.structure_id)
    return {"view": view, "change": member, "start_project": member}


def session_abilities(user, session) -> dict[str, bool]:
    view, member = _read_write(user, session.structure_id)
    return {"view": view, "change": member}


def _scoped(user, queryset: QuerySet) -> QuerySet:
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    return queryset.filter(structure_id__in=roles.member_of)


def readable_projects_in_full(user, queryset: QuerySet) -> QuerySet:
    return _scoped(user, queryset)


def readable_needs(user, queryset: QuerySet) -> QuerySet:
    return _scoped(user, queryset)


def readable_sessions(user, queryset: QuerySet) -> QuerySet:
    return _scoped(user, queryset)


def readable_projects(user, queryset: QuerySet) -> QuerySet:
    """What `user` may read of projects: in full for its structures (all for the coordinator), plus the
    public created activities (in their public shape, see `project_abilities`)."""
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    return queryset.filter(Q(structure_id__in=roles.member_of) | Q(stage=Stage.CREATED, is_public=True))


def can_write_in(user, structure) -> bool:
    return roles_of(user).is_member(structure.pk)


def territory_departements(user) -> frozenset[str] | None:
    """The départements whose counts `user` may read: all (None) for the coordinator, the followed ones for a
    partner user, those of their structures for a member; empty for anyone else."""
    roles = roles_of(user)
    if roles.coordinator:
        return None
    codes = set(roles.partner_departements)
    if roles.member_of:
        codes |= set(
            Structure.departements.through.objects.filter(structure_id__in=roles.member_of).values_list(
                "departement_id", flat=True
            )
        )
    return frozenset(codes)
