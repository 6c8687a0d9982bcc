"""`fabrique restore FILE`: an archive of `fabrique backup` back into an empty install (or replace with --force)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from fabrique.ops.exceptions import BackupError
from fabrique.ops.restore import restore_backup
from fabrique.ops.wording import counted


class Command(BaseCommand):
    help = gettext_lazy(
        "Restaure une archive de fabrique backup (base et fichiers téléversés) dans une installation vide ; "
        "vérifie d'abord le manifeste et les empreintes, et n'écrit rien si quelque chose ne va pas."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help=_("L'archive .tar.gz écrite par fabrique backup."))
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("Remplacer les données d'une installation qui n'est pas vide (comptes, structures, fichiers)."),
        )
        parser.add_argument(
            "--verify-only",
            action="store_true",
            help=_("Vérifier l'archive (manifeste, tailles, empreintes SHA-256) sans rien restaurer."),
        )

    def handle(self, *args, archive: str, force: bool, verify_only: bool, verbosity: int, **options):
        try:
            result = restore_backup(Path(archive).expanduser(), force=force, verify_only=verify_only)
        except BackupError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(_("Restauration impossible : %(error)s") % {"error": error}) from None
        if verbosity == 0:
            return
        values = {
            "date": f"{timezone.localtime(result.created_at):%d/%m/%Y %H:%M}" if result.created_at else "?",
            "engine": result.engine,
            "files": counted(result.file_count, gettext_noop("%(count)d fichier"), gettext_noop("%(count)d fichiers")),
            "seconds": number_format(result.seconds, 1),
        }
        if not result.restored:
            self.stdout.write(_("Archive intacte : sauvegarde du %(date)s, base %(engine)s, %(files)s.") % values)
            return
        self.stdout.write(
            _("Restauration terminée en %(seconds)s s : sauvegarde du %(date)s, base %(engine)s, %(files)s.") % values
        )
        if result.pending_migrations:
            self.stdout.write(
                self.style.WARNING(_("La sauvegarde vient d'une version plus ancienne : lancez fabrique migrate."))
            )
