from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "fabrique.accounts"
    verbose_name = "Comptes"

    def ready(self):
        # Local import: models cannot load while the apps are being set up (imported once the registry is ready).
        from fabrique.core import api_auth

        from .models import ApiToken

        api_auth.token_user.provide(ApiToken.authenticate)
