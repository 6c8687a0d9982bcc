"""The downloadable template of each import kind: the headers, and a notice sheet describing each column."""

from django.utils.translation import gettext as _

from .. import exports
from ..columns import STAGE_LOG_COLUMNS
from ..tables import Table
from . import KINDS


def template_tables(kind: str) -> list[Table]:
    importer = KINDS[kind]
    tables = [Table(kind, str(_("Données")), importer.columns, [])]
    if kind == "projects":
        tables.append(Table("stage_log", str(exports.c.STAGE_LOG_SHEET), STAGE_LOG_COLUMNS, []))
    return tables


def notice_table(kind: str) -> Table:
    columns = (
        exports.c.Column("header", _("Colonne")),
        exports.c.Column("code", _("Code accepté en en-tête")),
        exports.c.Column("required", _("Obligatoire")),
        exports.c.Column("accepted", _("Valeurs acceptées")),
    )
    rows = [
        {
            "header": col.label,
            "code": col.code,
            "required": _("oui") if col.required else _("non"),
            "accepted": col.describe(),
        }
        for col in KINDS[kind].columns
    ]
    return Table("notice", str(_("Mode d'emploi")), columns, rows)


def xlsx_template(kind: str) -> bytes:
    return exports.write_xlsx(*template_tables(kind), notice_table(kind))


def csv_template(kind: str) -> bytes:
    return exports.write_csv(template_tables(kind)[0])
