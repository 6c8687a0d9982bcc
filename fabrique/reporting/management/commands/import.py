"""`fabrique import <kind> FILE [--dry-run] [--structure SLUG]`: bring a spreadsheet in, all or nothing."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fabrique.network.models import Structure
from fabrique.reporting.imports import KINDS, run_import
from fabrique.reporting.imports.templates import csv_template, xlsx_template

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Importe un tableur XLSX ou CSV (structures, partenaires, besoins, projets). Tout ou rien : au moindre "
        "problème, rien n'est enregistré et chaque problème est listé (ligne, colonne, valeur, message)."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(KINDS), help="Ce que contient le fichier.")
        parser.add_argument("file", help="Le fichier XLSX ou CSV (UTF-8 ou Windows-1252, séparateur ; ou ,).")
        parser.add_argument("--dry-run", action="store_true", help="Vérifier et compter sans rien enregistrer.")
        parser.add_argument(
            "--structure", metavar="SLUG", help="Structure des lignes sans structure ; refuse les autres structures."
        )
        parser.add_argument(
            "--template", action="store_true", help="Écrire dans FILE le modèle vide de ce type (XLSX ou CSV)."
        )

    def handle(self, *args, kind: str, file: str, dry_run: bool, structure: str | None, template: bool, **options):
        path = Path(file)
        if template:
            path.write_bytes(csv_template(kind) if path.suffix.lower() == ".csv" else xlsx_template(kind))
            self.stdout.write(f"Modèle écrit : {path}")
            return
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        target = None
        if structure:
            target = Structure.objects.filter(slug=structure).first()
            if target is None:
                raise CommandError(f"Structure inconnue : « {structure} ».")
        show_bar = options["verbosity"] > 0
        report = run_import(
            kind,
            path.read_bytes(),
            path.name,
            structure=target,
            dry_run=dry_run,
            progress=self._bar if show_bar else None,
        )
        if show_bar and report.rows:
            sys.stderr.write("\n")
        for notice in report.notices:
            self.stdout.write(self.style.WARNING(notice))
        for problem in report.problems:
            self.stdout.write(str(problem))
        if report.problems:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))

    def _bar(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}")
        sys.stderr.flush()
