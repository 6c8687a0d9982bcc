"""Who is told: the usual groups of recipients, each read in one query."""

from collections.abc import Iterable

from fabrique.accounts.models import User
from fabrique.network.enums import MembershipRole


def admins_of(structure_ids: Iterable[int]) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, memberships__structure_id__in=list(structure_ids), memberships__role=MembershipRole.ADMIN
        )
        .distinct()
        .order_by("pk")
    )


def members_of(structure_ids: Iterable[int]) -> list[User]:
    return list(
        User.objects.filter(is_active=True, memberships__structure_id__in=list(structure_ids)).distinct().order_by("pk")
    )


def coordinators() -> list[User]:
    return list(User.objects.filter(is_active=True, is_coordinator=True).order_by("pk"))
