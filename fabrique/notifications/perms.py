"""Who may do what with notifications: each person reads and marks their own, nobody else's (the coordination
included: what a person is told is theirs)."""


def notification_abilities(user, notification) -> dict[str, bool]:
    own = bool(user and user.is_authenticated and notification.recipient_id == user.pk)
    return {"view": own, "mark_read": own and notification.read_at is None}


def can_have_notifications(user) -> bool:
    return bool(user and user.is_authenticated)


def preference_abilities(user) -> dict[str, bool]:
    own = can_have_notifications(user)
    return {"view": own, "change": own}
