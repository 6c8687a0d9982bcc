"""The columns of each spreadsheet kind, shared by the exports, the import templates and the imports.

Each column has a code (stable, English, used in the API and accepted as a header) and a French header (what
the export writes). Values are typed: dates are dates, numbers are numbers, choices are written with their
French label and read back from the label or the code.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import CarrierKind, LegalForm, NeedSource, NeedStatus, Stage
from fabrique.network.enums import PartnerKind, StructureStatus

TEXT, INT, DECIMAL, DATE, DATETIME, BOOL, CODES, LIST, CHOICE = (
    "text",
    "int",
    "decimal",
    "date",
    "datetime",
    "bool",
    "codes",
    "list",
    "choice",
)
LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class Column:
    code: str
    header: str
    kind: str = TEXT
    required: bool = False
    choices: type[models.TextChoices] | None = None
    help: str = ""

    @property
    def label(self) -> str:
        return str(self.header)

    def describe(self) -> str:
        """One line for the template's notice sheet: what the column accepts."""
        if self.help:
            return str(self.help)
        if self.kind == CHOICE and self.choices:
            return str(_("Une valeur parmi : %s.")) % ", ".join(str(c.label) for c in self.choices)
        return {
            DATE: str(_("Date JJ/MM/AAAA ou AAAA-MM-JJ.")),
            DATETIME: str(_("Date et heure JJ/MM/AAAA HH:MM ou ISO 8601.")),
            BOOL: str(_("oui ou non.")),
            INT: str(_("Nombre entier.")),
            DECIMAL: str(_("Nombre, décimales avec une virgule ou un point.")),
            CODES: str(_("Codes INSEE séparés par des virgules, par exemple 25, 39.")),
            LIST: str(_("Valeurs séparées par « | ».")),
        }.get(self.kind, str(_("Texte.")))


STRUCTURE_COLUMNS = (
    Column("slug", _("Identifiant"), required=True, help=_("Lettres minuscules, chiffres et tirets ; unique.")),
    Column("name", _("Nom"), required=True),
    Column("legal_form", _("Forme juridique")),
    Column("parent_network", _("Réseau d'appartenance")),
    Column("website", _("Site web")),
    Column("public_email", _("E-mail public")),
    Column("city", _("Ville")),
    Column("description", _("Présentation")),
    Column("departements", _("Départements"), CODES, required=True),
    Column("area_label", _("Territoire d'intervention")),
    Column("status", _("Statut"), CHOICE, choices=StructureStatus),
    Column("joined_on", _("Adhésion le"), DATE),
    Column("experimenting_since", _("En expérimentation depuis"), DATE),
    Column("labelled_on", _("Appellation obtenue le"), DATE),
    Column("withdrawn_on", _("Retrait le"), DATE),
)

PARTNER_COLUMNS = (
    Column(
        "structure", _("Structure"), help=_("Identifiant de la structure partenaire ; vide : l'organisation seule.")
    ),
    Column("partner", _("Partenaire"), required=True, help=_("Nom de l'organisation.")),
    Column("kind", _("Type de partenaire"), CHOICE, required=True, choices=PartnerKind),
    Column("siret", _("SIRET"), help=_("14 chiffres, facultatif.")),
    Column("website", _("Site web du partenaire")),
    Column("role", _("Rôle")),
    Column("since", _("Depuis"), DATE),
    Column("until", _("Jusqu'au"), DATE),
    Column("note", _("Note")),
)

NEED_COLUMNS = (
    Column("structure", _("Structure"), required=True, help=_("Identifiant de la structure.")),
    Column("title", _("Intitulé"), required=True),
    Column("description", _("Description")),
    Column("theme", _("Thème"), CHOICE, required=True, choices=Theme),
    Column("departement", _("Département"), required=True, help=_("Code INSEE, par exemple 29 ou 2A.")),
    Column("commune", _("Commune")),
    Column("source", _("Origine"), CHOICE, required=True, choices=NeedSource),
    Column("brought_by_name", _("Apporté par (nom)")),
    Column("brought_by_contact", _("Coordonnées")),
    Column("brought_by_consent", _("Accepte d'être recontacté·e"), BOOL),
    Column("detected_on", _("Détecté le"), DATE, required=True),
    Column("status", _("Statut du besoin"), CHOICE, choices=NeedStatus),
    Column("status_reason", _("Motif")),
    Column("merged_into", _("Fusionné dans"), help=_("Intitulé d'un autre besoin de la même structure.")),
)

PROJECT_COLUMNS = (
    Column("slug", _("Identifiant du projet"), help=_("Laissé vide, il est créé à partir de l'intitulé.")),
    Column("structure", _("Structure"), required=True, help=_("Identifiant de la structure.")),
    Column("title", _("Intitulé"), required=True),
    Column("summary", _("Résumé")),
    Column("theme", _("Thème"), CHOICE, required=True, choices=Theme),
    Column("departements", _("Départements"), CODES, required=True),
    Column("detected_on", _("Détecté le"), DATE, required=True),
    Column("stage", _("Étape"), CHOICE, choices=Stage, help=_("Par défaut : détection.")),
    Column("stage_since", _("Étape depuis le"), DATE),
    Column("stopped_at", _("Arrêté à l'étape"), CHOICE, choices=Stage),
    Column("stop_reason", _("Motif de l'arrêt")),
    Column("carrier_name", _("Porteur de projet")),
    Column("carrier_kind", _("Type de porteur"), CHOICE, choices=CarrierKind),
    Column("carrier_contact", _("Coordonnées du porteur")),
    Column("is_public", _("Activité publique"), BOOL),
    Column("needs", _("Besoins d'origine"), LIST, help=_("Intitulés de besoins de la structure, séparés par « | ».")),
    Column("created_on", _("Date de création"), DATE),
    Column("legal_form", _("Forme juridique de l'activité"), CHOICE, choices=LegalForm),
    Column("siret", _("SIRET de l'activité")),
    Column("jobs_fte", _("Emplois créés (ETP)"), DECIMAL),
    Column("followup_1y_active", _("Active à 1 an"), BOOL),
    Column("followup_1y_jobs_fte", _("Emplois à 1 an (ETP)"), DECIMAL),
    Column("followup_3y_active", _("Active à 3 ans"), BOOL),
    Column("followup_3y_jobs_fte", _("Emplois à 3 ans (ETP)"), DECIMAL),
)

STAGE_LOG_COLUMNS = (
    Column("project", _("Identifiant du projet"), required=True),
    Column("from_stage", _("De l'étape"), CHOICE, choices=Stage),
    Column("to_stage", _("Vers l'étape"), CHOICE, required=True, choices=Stage),
    Column("changed_at", _("Le"), DATETIME, required=True),
    Column("changed_by", _("Par"), help=_("Adresse e-mail, reprise si le compte existe.")),
    Column("note", _("Note")),
)

INDICATOR_COLUMNS = (
    Column("year", _("Année"), INT),
    Column("scope", _("Périmètre")),
    Column("code", _("Code")),
    Column("label", _("Indicateur")),
    Column("value", _("Valeur"), DECIMAL),
)

STAGE_LOG_SHEET = _("Journal des étapes")
