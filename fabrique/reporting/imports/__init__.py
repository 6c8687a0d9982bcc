"""Imports of spreadsheets (XLSX or CSV): structures, partners, needs and projects, all or nothing."""

from django.utils.translation import gettext_lazy

from .. import perms
from .base import Importer, Progress
from .needs import NeedImporter
from .partners import PartnerImporter
from .projects import ProjectImporter
from .reader import UnreadableFile, read
from .report import ImportReport
from .structures import StructureImporter

KINDS: dict[str, type[Importer]] = {
    "structures": StructureImporter,
    "partners": PartnerImporter,
    "needs": NeedImporter,
    "projects": ProjectImporter,
}
LABELS = {
    "structures": gettext_lazy("Structures"),
    "partners": gettext_lazy("Partenaires"),
    "needs": gettext_lazy("Besoins et idées"),
    "projects": gettext_lazy("Projets"),
}


def kinds_for(user) -> list[str]:
    """The kinds `user` may import (None: a command-line operator, who may import everything)."""
    if user is None or perms.can_import_registry(user):
        return list(KINDS)
    return [kind for kind in KINDS if kind != "structures"] if perms.can_import(user) else []


def run_import(
    kind: str,
    content: bytes,
    filename: str = "",
    *,
    user=None,
    structure=None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Read and import `content`; returns the report. Nothing is written when the report has a problem."""
    importer = KINDS[kind](user=user, structure=structure, dry_run=dry_run, progress=progress)
    try:
        book = read(content, filename)
    except UnreadableFile as exc:
        importer.report.add(None, "", filename, str(exc))
        return importer.report
    return importer.run(book)


__all__ = ["KINDS", "LABELS", "ImportReport", "kinds_for", "run_import"]
