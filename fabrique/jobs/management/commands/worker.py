"""`fabrique worker`: run the queued jobs, with the worker of the configured backend."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Exécute les tâches de fond (e-mails, rappels, résumés) mises en file par la plateforme, avec le moteur "
        "choisi par FABRIQUE_TASKS_BACKEND : base de données ou Redis."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Exécuter ce qui est en file, puis s'arrêter.")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Secondes d'attente quand la file est vide (défaut : 1)."
        )

    def handle(self, *args, batch: bool, interval: float, verbosity: int, **options):
        backend = settings.FABRIQUE_TASKS_BACKEND
        if backend == "database":
            call_command(
                "db_worker",
                batch=batch,
                interval=interval,
                reload=False,
                startup_delay=not batch,
                verbosity=verbosity,
            )
        elif backend == "rq":
            call_command("rqworker", "default", burst=batch, with_scheduler=True, verbosity=verbosity)
        else:
            raise CommandError(
                f"FABRIQUE_TASKS_BACKEND={backend!r} exécute les tâches dans le processus qui les met en file : "
                "il n'y a rien à lancer à part."
            )
