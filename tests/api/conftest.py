"""Clients for the API: session (with or without CSRF enforcement) and personal bearer tokens."""

import pytest
from django.test import Client

from fabrique.accounts.models import ApiToken


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Personas are created for every test; the production hasher would make each one cost seconds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def bearer_client():
    """A client that authenticates with a fresh personal token of `user`, without session nor CSRF token."""

    def make(user):
        _, raw = ApiToken.issue(user, "script de test")
        return Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")

    return make
