"""Who may do what with accounts: invitations, members of a structure, API tokens."""

from django.db.models import Q

from fabrique.network.perms import structure_abilities

from .roles import roles_of


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


def token_abilities(user, token) -> dict[str, bool]:
    """A personal API token is its owner's business only."""
    own = roles_of(user).authenticated and token.user_id == user.pk
    return {"view": own, "revoke": own and token.revoked_at is None}
