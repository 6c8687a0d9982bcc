"""`fabrique report --year 2025 [--structure SLUG] [--region CODE] -o FILE.pdf`: the annual report as a PDF."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from fabrique.accounts.models import User
from fabrique.network.roles import Roles
from fabrique.reporting import pdf
from fabrique.reporting.selection import select


class Command(BaseCommand):
    help = "Écrit le rapport annuel (PDF) du réseau, d'une région ou d'une structure."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="Année du rapport, par exemple 2025.")
        parser.add_argument("--structure", metavar="SLUG", help="Identifiant de la structure (sinon : le réseau).")
        parser.add_argument("--region", metavar="CODE", help="Code INSEE d'une région (rapport du réseau sur elle).")
        parser.add_argument("-o", "--output", required=True, help="Fichier PDF à écrire.")

    def handle(self, *args, year: int, structure: str | None, region: str | None, output: str, **options):
        operator = User(is_coordinator=True, is_active=True)  # an operator reads as the coordinator does
        operator._fabrique_roles = Roles(authenticated=True, coordinator=True)
        try:
            selection = select(operator, year=year, structure=structure, region=region)
        except (Http404, ValueError) as exc:
            raise CommandError(str(exc)) from None
        path = Path(output)
        path.write_bytes(pdf.render_pdf(selection))
        self.stdout.write(self.style.SUCCESS(f"Rapport écrit : {path} ({selection.scope.label}, {selection.year})"))
