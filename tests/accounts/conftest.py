import pytest


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
