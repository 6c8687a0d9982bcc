"""What a user is, loaded once per request: memberships and partner départements.

Every perms.py reads this object, so checking a whole list costs no query per row.
"""

from dataclasses import dataclass, field

from django.db.models import CharField, Value
from django.db.models.functions import Cast

from fabrique.accounts.models import User

from .enums import MembershipRole
from .models import Membership


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


def _active(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def is_coordination(user) -> bool:
    """`roles_of(user).coordinator`, read from the user row alone: a coordinator-only check costs no query.
    A superuser counts as the coordination."""
    return _active(user) and bool(user.is_coordinator or user.is_superuser)


def roles_of(user) -> Roles:
    if not _active(user):
        return ANONYMOUS
    cached = getattr(user, "_fabrique_roles", None)
    if cached is not None:
        return cached
    memberships, departements = _memberships_and_departements(user)
    roles = Roles(
        authenticated=True,
        coordinator=is_coordination(user),
        admin_of=frozenset(sid for sid, role in memberships if role == MembershipRole.ADMIN),
        member_of=frozenset(sid for sid, _ in memberships),
        partner_departements=frozenset(departements),
    )
    user._fabrique_roles = roles
    return roles


def _memberships_and_departements(user) -> tuple[list[tuple[int, str]], list[str]]:
    """(structure id, role) of each membership and the partner départements, in one query (every page asks)."""
    memberships = (
        Membership.objects.filter(user=user)
        .annotate(kind=Value("m"), key=Cast("structure_id", CharField()))
        .values_list("kind", "key", "role")
    )
    departements = (
        User.partner_departements.through.objects.filter(user=user)
        .annotate(kind=Value("d"), role=Value(""))
        .values_list("kind", "departement_id", "role")
    )
    rows = list(memberships.union(departements, all=True))
    return [(int(key), role) for kind, key, role in rows if kind == "m"], [key for kind, key, _ in rows if kind == "d"]


def forget_roles(user) -> None:
    if hasattr(user, "_fabrique_roles"):
        del user._fabrique_roles
