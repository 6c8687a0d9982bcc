"""`fabrique scheduler`: enqueue the periodic jobs of FABRIQUE_PERIODIC_JOBS when their period comes."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from fabrique.jobs.periodic import schedule_due
from fabrique.jobs.queue import hand_over_stalled


class Command(BaseCommand):
    help = (
        "Met en file les tâches périodiques (rappels, résumés, durées de conservation) une fois par période, "
        "même lancé plusieurs fois ; sans --once, recommence chaque minute."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Un seul passage, puis s'arrêter.")
        parser.add_argument("--interval", type=float, default=60.0, help="Secondes entre deux passages (défaut : 60).")

    def handle(self, *args, once: bool, interval: float, verbosity: int, **options):
        while True:
            names = schedule_due()
            again = hand_over_stalled()
            if verbosity > 0 and (names or again or once):
                self.stdout.write(f"Mises en file : {', '.join(names) or 'aucune'} ; tâches relancées : {again}.")
            if once:
                return
            time.sleep(interval)
            # Between passes of a long-running loop only: a single pass (--once, the tests) keeps its connection.
            close_old_connections()
