"""Domain operations on accounts: profile and API tokens (invitations and memberships: fabrique.network).

Each one checks its permission in perms.py, writes in one transaction.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import DomainError
from fabrique.core.versioning import save_with_version

from .models import ApiToken, User
from .perms import token_abilities


def concrete_user(user) -> User:
    """The User itself, not the request's lazy wrapper (versioned saves look at the model class)."""
    return user if type(user) is User else User.objects.get(pk=user.pk)


# --- profile and API tokens ----------------------------------------------------------------------

PROFILE_FIELDS = ["first_name", "last_name"]


def update_profile(user, *, data: dict, expected_version: int | None):
    """A person edits their own name; a stale form is refused."""
    user = concrete_user(user)
    with transaction.atomic():
        for name in PROFILE_FIELDS:
            if name in data:
                setattr(user, name, data[name].strip())
        save_with_version(user, expected_version, [n for n in PROFILE_FIELDS if n in data], by=user)
    return user


def create_api_token(user, *, name: str) -> tuple[ApiToken, str]:
    """Issue a personal token; the raw value is returned once and never stored."""
    name = name.strip()
    if not name:
        raise DomainError(_("Donnez un nom au jeton, pour le reconnaître plus tard."))
    if not user.is_active:
        raise PermissionDenied(_("Ce compte est désactivé."))
    with transaction.atomic():
        return ApiToken.issue(user, name)


def revoke_api_token(token: ApiToken, *, by) -> ApiToken:
    """Revoke a token: it stops authenticating at once. Revoking twice changes nothing."""
    if not token_abilities(by, token)["view"]:
        raise PermissionDenied(_("Ce jeton ne vous appartient pas."))
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token.refresh_from_db(fields=["revoked_at"])
    return token
