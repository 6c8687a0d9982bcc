"""`fabrique token EMAIL [--name NAME]`: print a new personal API token for that user (for operators and scripts)."""

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fabrique.accounts import services
from fabrique.accounts.models import User
from fabrique.core.exceptions import DomainError


class Command(BaseCommand):
    help = "Crée un jeton d'API personnel pour l'utilisateur·rice EMAIL et l'affiche (une seule fois)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="Adresse e-mail du compte.")
        parser.add_argument("--name", default="", help="Nom du jeton, pour le reconnaître dans « Mes jetons d'API ».")

    def handle(self, *args, email, name, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"Aucun compte pour l'adresse « {email} ».")
        name = name.strip() or f"Ligne de commande, {timezone.localtime():%d/%m/%Y %H:%M}"
        try:
            _token, raw = services.create_api_token(user, name=name)
        except (DomainError, PermissionDenied) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(raw)
