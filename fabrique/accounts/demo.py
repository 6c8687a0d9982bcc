"""Demo logins: a user found by e-mail, created or brought back to its demo values and password."""

from django.contrib.auth.hashers import check_password, make_password

from fabrique.core.demo_support import CHANGE_REASON, DEMO_PASSWORD, LoadReport

from .models import User


class DemoPassword:
    """Hashes the demo password once per run and checks each distinct stored hash once."""

    def __init__(self):
        self.hash = make_password(DEMO_PASSWORD)
        self.checked: dict[str, bool] = {}

    def is_demo(self, stored: str) -> bool:
        if stored not in self.checked:
            self.checked[stored] = check_password(DEMO_PASSWORD, stored)
        return self.checked[stored]


def demo_user(report: LoadReport, password: DemoPassword, email: str, values: dict) -> User:
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        user = User(email=email)
    changed = [name for name, value in values.items() if getattr(user, name) != value]
    for name in changed:
        setattr(user, name, values[name])
    if created or not password.is_demo(user.password):
        user.password = password.hash
        changed.append("password")
    if changed:
        user._change_reason = CHANGE_REASON
        user.save()
        report.note(user, created=created)
    return user
