from django.core.management.base import BaseCommand

from fabrique.privacy.inventory import markdown_table


class Command(BaseCommand):
    help = "Écrit le tableau des champs personnels déclarés (à recopier dans docs/privacy.md)."

    def handle(self, *args, **options):
        self.stdout.write(markdown_table())
