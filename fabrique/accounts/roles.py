"""What a user is, loaded once per request: memberships and partner départements.

Every perms.py reads this object, so checking a whole list costs no query per row.
"""

from dataclasses import dataclass, field

from .enums import MembershipRole


@dataclass(frozen=True)
class Roles:
    authenticated: bool = False
    coordinator: bool = False
    admin_of: frozenset[int] = field(default_factory=frozenset)
    member_of: frozenset[int] = field(default_factory=frozenset)
    partner_departements: frozenset[str] = field(default_factory=frozenset)

    def is_member(self, structure_id: int) -> bool:
        return structure_id in self.member_of

    def is_admin(self, structure_id: int) -> bool:
        return structure_id in self.admin_of


ANONYMOUS = Roles()


def roles_of(user) -> Roles:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_fabrique_roles", None)
    if cached is not None:
        return cached
    memberships = list(user.memberships.values_list("structure_id", "role"))
    roles = Roles(
        authenticated=True,
        coordinator=bool(user.is_coordinator or user.is_superuser),
        admin_of=frozenset(sid for sid, role in memberships if role == MembershipRole.ADMIN),
        member_of=frozenset(sid for sid, _ in memberships),
        partner_departements=frozenset(user.partner_departements.values_list("code", flat=True)),
    )
    user._fabrique_roles = roles
    return roles


def forget_roles(user) -> None:
    if hasattr(user, "_fabrique_roles"):
        del user._fabrique_roles
