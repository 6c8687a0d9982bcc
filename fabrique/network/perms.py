"""Who may do what on the registry. Read by views, the API (`abilities`) and templates."""

from fabrique.accounts.roles import roles_of

from .enums import StructureStatus

PUBLIC_STATUSES = {StructureStatus.EXPERIMENTING, StructureStatus.LABELLED, StructureStatus.WITHDRAWN}


def structure_abilities(user, structure) -> dict[str, bool]:
    """Actions on one structure: view, change, manage_partners, manage_members, change_status, view_history."""
    roles = roles_of(user)
    member = roles.is_member(structure.pk)
    admin = roles.is_admin(structure.pk)
    coord = roles.coordinator
    return {
        "view": structure.status in PUBLIC_STATUSES or coord or member,
        "change": coord or member,
        "manage_partners": coord or member,
        "manage_members": coord or admin,
        "change_status": coord,
        "view_history": coord or member,
    }


def can_view_structure(user, structure) -> bool:
    return structure_abilities(user, structure)["view"]


def readable_structures(user, queryset):
    """Restrict a Structure queryset to what `user` may read (candidates are not public)."""
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    from django.db.models import Q

    return queryset.filter(Q(status__in=PUBLIC_STATUSES) | Q(pk__in=roles.member_of))


def readable_structures_key(user) -> str:
    """Names what `readable_structures` gives `user`: two readers with the same key read the same structures
    (the map's cache is shared by key)."""
    roles = roles_of(user)
    return "all" if roles.coordinator else "public+" + ",".join(map(str, sorted(roles.member_of)))


def can_see_candidates(user) -> bool:
    """Candidates are listed to the coordinator (all of them) and to members (their own structure)."""
    roles = roles_of(user)
    return roles.coordinator or bool(roles.member_of)


def member_structure_ids(user) -> frozenset[int]:
    """The structures `user` belongs to (the coordination as such belongs to none)."""
    return roles_of(user).member_of


def administered_structure_ids(user) -> frozenset[int]:
    """The structures `user` administers: they vote, invite, import and sign for them."""
    return roles_of(user).admin_of


def collective_abilities(user, collective) -> dict[str, bool]:
    coord = roles_of(user).coordinator
    return {"view": True, "change": coord, "delete": coord}


def partner_abilities(user, partner) -> dict[str, bool]:
    """A partner organisation may be edited by the coordinator or a member of a structure it works with."""
    roles = roles_of(user)
    linked = {p.structure_id for p in partner.partnerships.all()}
    return {"view": True, "change": roles.coordinator or bool(linked & roles.member_of)}


def can_create_structure(user) -> bool:
    return roles_of(user).coordinator


def can_create_collective(user) -> bool:
    return roles_of(user).coordinator


def can_access_coordination(user) -> bool:
    """The coordination area (admissions, status changes, new structures and collectives)."""
    return roles_of(user).coordinator


def partnership_abilities(user, partnership) -> dict[str, bool]:
    """A partnership is read with its structure and changed or ended by those who manage its partners."""
    abilities = structure_abilities(user, partnership.structure)
    return {"view": abilities["view"], "change": abilities["manage_partners"], "end": abilities["manage_partners"]}


def readable_partners(user, queryset):
    """Restrict a Partner queryset to organisations working with a structure `user` may read."""
    if roles_of(user).coordinator:
        return queryset
    from .models import Partnership, Structure

    structures = readable_structures(user, Structure.objects.all())
    return queryset.filter(pk__in=Partnership.objects.filter(structure__in=structures).values("partner_id"))
