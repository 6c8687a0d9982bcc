import pytest


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


CALLERS = ["coordinator", "member", "other_member", "anonymous", "bearer"]


@pytest.fixture
def caller(request, coordinator, member, other_member, client_for):
    """The role matrix of the API, plus `member` through a personal token: gives (name, user, client)."""
    from django.test import Client

    from fabrique.accounts.models import ApiToken

    name = request.param
    if name == "bearer":
        _, raw = ApiToken.issue(member, "script de test")
        return name, member, Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")
    user = {"coordinator": coordinator, "member": member, "other_member": other_member, "anonymous": None}[name]
    return name, user, client_for(user)
