from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "fabrique.privacy"
    verbose_name = "Données personnelles"
