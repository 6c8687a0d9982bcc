"""Who may do what with accounts: a person's own API tokens (members and invitations: fabrique.network.perms)."""


def token_abilities(user, token) -> dict[str, bool]:
    """A personal API token is its owner's business only."""
    own = bool(getattr(user, "is_authenticated", False) and user.is_active and token.user_id == user.pk)
    return {"view": own, "revoke": own and token.revoked_at is None}
