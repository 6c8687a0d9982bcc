"""`fabrique demo`: load the demo network, print the demo logins, then serve the platform with the job worker and
the scheduler beside it (child processes, stopped with the server)."""

import subprocess
import sys
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from fabrique.core.demo_support import DEMO_PASSWORD
from fabrique.demo import seed


class Command(BaseCommand):
    help = (
        "Charge les données de démonstration (le réseau de l'article de l'Avise, des partenaires fictifs, "
        "des comptes de démonstration), affiche les identifiants, puis sert la plateforme."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Charger les données puis s'arrêter.")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Servir sans lancer le worker des tâches de fond ni le planificateur (les e-mails restent en file).",
        )
        parser.add_argument(
            "--addrport", default="127.0.0.1:8000", help="Adresse et port du serveur (défaut : 127.0.0.1:8000)."
        )

    def handle(self, *args, no_serve: bool, no_worker: bool, addrport: str, verbosity: int, **options):
        if not settings.DEBUG and not settings.DEMO_MODE:
            raise CommandError(
                "Les données de démonstration créent des comptes au mot de passe connu : elles ne se chargent "
                "qu'avec DEBUG=true ou FABRIQUE_DEMO=true."
            )
        self._require_migrated()
        report = seed.load_all()
        if verbosity > 0:
            self._print(report)
        if not no_serve:
            with self._beside(() if no_worker else (["worker"], ["scheduler"])):
                call_command("runserver", addrport, use_reloader=False, verbosity=verbosity)

    @contextmanager
    def _beside(self, commands):
        """Run each `fabrique <command>` as a child process while the server runs; stop them with it."""
        children = [subprocess.Popen([sys.executable, "-m", "fabrique.cli", *command]) for command in commands]  # noqa: S603
        try:
            yield
        finally:
            for child in children:
                child.terminate()
            for child in children:
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()

    def _require_migrated(self) -> None:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("La base n'est pas à jour : lancez d'abord `fabrique migrate`.")

    def _print(self, report) -> None:
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Comptes de démonstration"))
        width = max(len(email) for email, _ in seed.demo_logins())
        for email, role in seed.demo_logins():
            self.stdout.write(f"  {email.ljust(width)}  {role}")
        self.stdout.write(f"Mot de passe de tous ces comptes : {self.style.SUCCESS(DEMO_PASSWORD)}")
        self.stdout.write("")
