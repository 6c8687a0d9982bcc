"""Who may do what on the registry. Read by views, the API (`abilities`) and templates."""

from django.db.models import Q

from .enums import StructureStatus
from .models import Partnership, Structure
from .roles import is_coordination, roles_of

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
    return is_coordination(user)


def partnership_abilities(user, partnership) -> dict[str, bool]:
    """A partnership is read with its structure and changed or ended by those who manage its partners."""
    abilities = structure_abilities(user, partnership.structure)
    return {"view": abilities["view"], "change": abilities["manage_partners"], "end": abilities["manage_partners"]}


def readable_partners(user, queryset):
    """Restrict a Partner queryset to organisations working with a structure `user` may read."""
    if roles_of(user).coordinator:
        return queryset

    structures = readable_structures(user, Structure.objects.all())
    return queryset.filter(pk__in=Partnership.objects.filter(structure__in=structures).values("partner_id"))


# --- members of a structure and invitations --------------------------------------------------------------


def can_invite_coordinator(user) -> bool:
    return roles_of(user).coordinator


def can_invite_to(user, structure) -> bool:
    """The coordinator invites to any structure; a structure's admin invites to that structure only."""
    return structure_abilities(user, structure)["manage_members"]


def can_invite(user) -> bool:
    roles = roles_of(user)
    return roles.coordinator or bool(roles.admin_of)


def invitable_structures(user, queryset):
    """The structures `user` may invite people to, from a Structure queryset."""
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    return queryset.filter(pk__in=roles.admin_of)


def members_abilities(user, structure) -> dict[str, bool]:
    """The members page of a structure: its members read it, its admins and the coordinator manage it."""
    roles = roles_of(user)
    manage = structure_abilities(user, structure)["manage_members"]
    return {
        "view": manage or roles.is_member(structure.pk),
        "invite": manage,
        "change_role": manage,
        "remove": manage,
    }


def membership_abilities(user, membership) -> dict[str, bool]:
    """One membership: managers change its role or remove it; its holder may leave."""
    roles = roles_of(user)
    manage = roles.coordinator or roles.is_admin(membership.structure_id)
    own = roles.authenticated and membership.user_id == user.pk
    return {"change_role": manage, "remove": manage or own}


def readable_invitations(user, queryset):
    """Invitations `user` may see: the ones they sent, those to structures they administer; all for the coordinator."""
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    if not roles.authenticated:
        return queryset.none()
    return queryset.filter(Q(invited_by=user) | Q(structure_id__in=roles.admin_of))


def invitation_abilities(user, invitation) -> dict[str, bool]:
    roles = roles_of(user)
    concerned = (
        roles.coordinator
        or (roles.authenticated and invitation.invited_by_id == user.pk)
        or (invitation.structure_id is not None and roles.is_admin(invitation.structure_id))
    )
    pending = invitation.accepted_at is None and invitation.revoked_at is None
    return {"view": concerned, "revoke": concerned and pending}
