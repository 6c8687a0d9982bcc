"""`fabrique search_reindex [type …]`: rebuild the search index from the data (after a bulk import)."""

from django.core.management.base import BaseCommand, CommandError

from fabrique.search.indexing import rebuild
from fabrique.search.registry import registered_types


class Command(BaseCommand):
    help = "Reconstruit l'index de recherche (tous les types, ou ceux donnés)."

    def add_arguments(self, parser):
        parser.add_argument("types", nargs="*", help=f"Types à reconstruire parmi : {', '.join(registered_types())}.")

    def handle(self, *args, types, verbosity, **options):
        unknown = set(types) - set(registered_types())
        if unknown:
            raise CommandError(f"Type inconnu : {', '.join(sorted(unknown))}.")
        counts = rebuild(types or None)
        if verbosity > 0:
            for type_, count in counts.items():
                self.stdout.write(f"  {type_} : {count} entrée(s) indexée(s)")
