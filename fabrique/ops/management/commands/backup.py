"""`fabrique backup -o FILE`: the database and the uploaded files in one archive, while the site serves."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from fabrique.ops.backup import create_backup
from fabrique.ops.exceptions import BackupError
from fabrique.ops.wording import counted


class Command(BaseCommand):
    help = gettext_lazy(
        "Sauvegarde la base de données et les fichiers téléversés dans une archive .tar.gz, pendant que la "
        "plateforme tourne (restauration : fabrique restore)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            help=_("Fichier de l'archive, ou répertoire où l'écrire sous un nom daté."),
        )

    def handle(self, *args, output: str, verbosity: int, **options):
        try:
            result = create_backup(Path(output).expanduser())
        except BackupError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(_("Sauvegarde impossible : %(error)s") % {"error": error}) from None
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if verbosity > 0:
            files = counted(result.file_count, gettext_noop("%(count)d fichier"), gettext_noop("%(count)d fichiers"))
            self.stdout.write(
                _(
                    "Sauvegarde écrite dans %(path)s : base %(engine)s (%(database)s), %(files)s (%(files_size)s), "
                    "archive de %(size)s, en %(seconds)s s."
                )
                % {
                    "path": result.path,
                    "engine": result.engine,
                    "database": filesizeformat(result.database_size),
                    "files": files,
                    "files_size": filesizeformat(result.files_size),
                    "size": filesizeformat(result.archive_size),
                    "seconds": number_format(result.seconds, 1),
                }
            )
