from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "fabrique.library"
    verbose_name = "Bibliothèque"
