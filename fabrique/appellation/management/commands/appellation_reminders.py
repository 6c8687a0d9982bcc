from django.core.management.base import BaseCommand

from fabrique.appellation.services import send_deadline_reminders


class Command(BaseCommand):
    help = "Rappelle aux structures votantes qui n'ont pas voté que la date limite approche (à lancer chaque jour)."

    def handle(self, *args, **options):
        sent = send_deadline_reminders()
        self.stdout.write(f"{sent} rappel(s) envoyé(s).")
