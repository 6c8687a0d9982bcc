"""Authentication by e-mail and password.

django-axes' backend comes first in AUTHENTICATION_BACKENDS and refuses a throttled login before this one
checks the password (the rule: fabrique/accounts/lockout.py).
"""

from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """ModelBackend (case-insensitive e-mail through the manager), also called with `email=` instead of `username=`."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = username if username is not None else kwargs.get("email")
        if email is None or password is None:
            return None
        return super().authenticate(request, username=email, password=password)
