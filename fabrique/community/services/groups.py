"""Working groups run by the network: the coordination creates a group and edits it (theme, description,
visibility, lead); the group's leads and the coordination add and remove members and pass on the lead. A group
always keeps at least one lead. A member of the network joins or leaves a public group by themself."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fabrique.core.exceptions import DomainError
from fabrique.core.slugs import unique_slug
from fabrique.core.versioning import save_with_version

from ..enums import GroupRole
from ..models import GroupMembership, WorkingGroup
from ..perms import can_create_group, group_abilities, network_people
from .events import RESERVED_SLUGS

GROUP_FIELDS = ("name", "theme", "description", "visibility")


def _role_of(group: WorkingGroup, user) -> str | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return GroupMembership.objects.filter(group=group, user=user).values_list("role", flat=True).first()


def _require(group: WorkingGroup, by, ability: str, message: str) -> None:
    if not group_abilities(by, group, _role_of(group, by))[ability]:
        raise PermissionDenied(message)


def _check_in_network(user, field: str) -> None:
    if user is None or not network_people(get_user_model().objects.filter(pk=user.pk)).exists():
        raise ValidationError({field: _("Choisissez une personne membre du réseau.")})


def _clean(group: WorkingGroup) -> None:
    group.name = group.name.strip()
    group.full_clean(exclude=["slug"], validate_unique=False)


def create_group(by, data: dict) -> WorkingGroup:
    """Create a group with its lead (a person of the network), who becomes its first member."""
    if not can_create_group(by):
        raise PermissionDenied(_("Seule la coordination du réseau crée les groupes de travail."))
    lead = data.get("lead")
    _check_in_network(lead, "lead")
    group = WorkingGroup(**{name: data[name] for name in GROUP_FIELDS if name in data})
    _clean(group)
    with transaction.atomic():
        group.slug = unique_slug(WorkingGroup, group.name, "groupe", RESERVED_SLUGS)
        group._history_user = by
        group.save()
        _save_membership(GroupMembership(group=group, user=lead, role=GroupRole.LEAD), by)
    return group


def update_group(group: WorkingGroup, by, data: dict, expected_version: int | None) -> WorkingGroup:
    """Edit a group; its identifier (slug) never changes. A new lead takes over: the previous leads stay members."""
    _require(group, by, "change", _("Seule la coordination du réseau modifie les groupes de travail."))
    lead = data.get("lead")
    if lead is not None:
        _check_in_network(lead, "lead")
    fields = [name for name in GROUP_FIELDS if name in data]
    for name in fields:
        setattr(group, name, data[name])
    _clean(group)
    with transaction.atomic():
        save_with_version(group, expected_version, fields, by=by)
        if lead is not None and lead not in leads_of(group):
            _hand_over(group, lead, by)
    return group


def leads_of(group: WorkingGroup) -> list:
    return [m.user for m in group.memberships.filter(role=GroupRole.LEAD).select_related("user")]


def _save_membership(membership: GroupMembership, by) -> None:
    membership._history_user = by
    membership.save()


def _hand_over(group: WorkingGroup, lead, by) -> None:
    for previous in group.memberships.select_for_update().filter(role=GroupRole.LEAD).exclude(user=lead):
        previous.role = GroupRole.MEMBER
        save_with_version(previous, None, ["role"], by=by)
    membership = GroupMembership.objects.filter(group=group, user=lead).first()
    if membership is None:
        _save_membership(GroupMembership(group=group, user=lead, role=GroupRole.LEAD), by)
    else:
        membership.role = GroupRole.LEAD
        save_with_version(membership, None, ["role"], by=by)


def add_member(group: WorkingGroup, by, user) -> GroupMembership:
    """A lead (or the coordination) adds a person of the network to the group."""
    _require(group, by, "manage_members", _("Seuls les animateur·rices du groupe gèrent ses membres."))
    _check_in_network(user, "user")
    if GroupMembership.objects.filter(group=group, user=user).exists():
        raise DomainError(_("%(person)s est déjà membre de ce groupe de travail.") % {"person": user})
    membership = GroupMembership(group=group, user=user, role=GroupRole.MEMBER)
    _save_membership(membership, by)
    return membership


def _last_lead(membership: GroupMembership) -> bool:
    others = membership.group.memberships.filter(role=GroupRole.LEAD).exclude(pk=membership.pk)
    return membership.role == GroupRole.LEAD and not others.exists()


def change_role(membership: GroupMembership, by, role: str, expected_version: int | None) -> GroupMembership:
    """Make a member a lead, or a lead a member again — never the group's last lead."""
    group = membership.group
    _require(group, by, "manage_members", _("Seuls les animateur·rices du groupe gèrent ses membres."))
    if role not in GroupRole.values:
        raise ValidationError({"role": _("Rôle inconnu.")})
    with transaction.atomic():
        membership = GroupMembership.objects.select_for_update().select_related("group").get(pk=membership.pk)
        if role == GroupRole.MEMBER and _last_lead(membership):
            raise DomainError(_("Un groupe garde au moins un·e animateur·rice : nommez-en un·e autre d'abord."))
        membership.role = role
        save_with_version(membership, expected_version, ["role"], by=by)
    return membership


def remove_member(membership: GroupMembership, by) -> None:
    """Take someone out of the group (the history keeps that they were in it) — never the last lead."""
    group = membership.group
    _require(group, by, "manage_members", _("Seuls les animateur·rices du groupe gèrent ses membres."))
    with transaction.atomic():
        membership = GroupMembership.objects.select_for_update().select_related("group").get(pk=membership.pk)
        if _last_lead(membership):
            raise DomainError(_("Un groupe garde au moins un·e animateur·rice : nommez-en un·e autre d'abord."))
        membership._history_user = by
        membership.delete()


def _membership(group: WorkingGroup, user) -> GroupMembership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return GroupMembership.objects.filter(group=group, user=user).first()


def join_group(group: WorkingGroup, user) -> GroupMembership:
    membership = _membership(group, user)
    if not group_abilities(user, group, membership.role if membership else None)["join"]:
        if membership is not None:
            raise DomainError(_("Vous êtes déjà membre de ce groupe de travail."))
        raise PermissionDenied(_("Seuls les membres du réseau rejoignent un groupe de travail."))
    membership = GroupMembership(group=group, user=user, role=GroupRole.MEMBER)
    membership._history_user = user
    membership.save()
    return membership


def leave_group(group: WorkingGroup, user) -> None:
    membership = _membership(group, user)
    if membership is None:
        raise DomainError(_("Vous n'êtes pas membre de ce groupe de travail."))
    if (
        membership.role == GroupRole.LEAD
        and not group.memberships.filter(role=GroupRole.LEAD).exclude(pk=membership.pk).exists()
    ):
        raise DomainError(_("Vous animez ce groupe : confiez l'animation à quelqu'un d'autre avant de le quitter."))
    membership._history_user = user
    membership.delete()
