from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from fabrique.privacy.export import dump, person_data


class Command(BaseCommand):
    help = "Exporte en JSON les données d'une personne (son compte et tout ce qui s'y rattache)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="Adresse e-mail du compte.")
        parser.add_argument("-o", "--output", help="Fichier à écrire (par défaut : la sortie standard).")

    def handle(self, *args, email, output=None, **options):
        person = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if person is None:
            raise CommandError(f"Aucun compte n'a l'adresse « {email} ».")
        text = dump(person_data(person))
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
            self.stderr.write(f"Données écrites dans {output}.")
        else:
            self.stdout.write(text)
