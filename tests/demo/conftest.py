import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db, settings):
    """The demo network, loaded as `make demo` does (FABRIQUE_DEMO=true)."""
    settings.DEMO_MODE = True
    call_command("demo", "--no-serve", verbosity=0)
