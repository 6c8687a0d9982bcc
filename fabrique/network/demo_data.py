"""The demo network, as data.

The ten structures, the collective and the four testimonials come from the Avise article
« 9 nouvelles structures rejoignent la Fabrique à initiatives ». Everything else (dates, partners, the
candidate structure) is invented and says so where a visitor reads it.
"""

from dataclasses import dataclass, field
from datetime import date

from .enums import PartnerKind as K
from .enums import StructureStatus

SOURCE = "Avise, « 9 nouvelles structures rejoignent la Fabrique à initiatives »"
FICTITIOUS_DATES = "_Les dates d'adhésion et d'appellation de cette fiche sont fictives (démonstration)._"
FICTITIOUS_PARTNER_NOTE = "Partenaire fictif, pour la démonstration."
FICTITIOUS_MARK = "(fictif)"

# The committee that granted the appellation to the nine structures of the article (fictitious date).
COMMITTEE_DAY = date(2020, 7, 2)


@dataclass(frozen=True)
class StructureSeed:
    slug: str
    name: str
    departements: tuple[str, ...]
    description: str
    experimenting_since: date | None
    labelled_on: date | None = COMMITTEE_DAY
    status: str = StructureStatus.LABELLED
    area_label: str = ""
    legal_form: str = ""
    parent_network: str = ""
    website: str = ""
    fictitious: bool = False
    partners: tuple[tuple[str, str, str], ...] = field(default=())


def _describe(*sentences: str) -> str:
    return "\n\n".join([*sentences, f"Source : {SOURCE}.", FICTITIOUS_DATES])


GENERATEUR = "Membre du collectif Le Générateur Bourgogne-Franche-Comté."

# Partners shared by several structures: one organisation, several partnerships.
BANK = (K.FUNDER, "Banque coopérative des Territoires", "Prêts d'amorçage aux activités créées")
FOUNDATION = (K.FUNDER, "Fondation Essor solidaire", "Finance les études d'opportunité")

STRUCTURES: tuple[StructureSeed, ...] = (
    StructureSeed(
        slug="active",
        name="Active, Pôle de l'économie solidaire",
        departements=("71",),
        description=_describe("Porte la Fabrique à initiatives sur le département de la Saône-et-Loire.", GENERATEUR),
        experimenting_since=date(2017, 9, 4),
        partners=(
            (K.LOCAL_AUTHORITY, "Communauté de communes des Trois Rivières", "Cofinance l'animation territoriale"),
            (K.ASSOCIATION, "Association Bourg en transition", "Capteur d'idées"),
            BANK,
        ),
    ),
    StructureSeed(
        slug="cluster-jura",
        name="Clus'Ter Jura",
        departements=("39",),
        area_label="Pays Lédonien",
        legal_form="SCIC",
        description=_describe(
            "Porte la Fabrique à initiatives sur le Pays Lédonien. Exerçait le métier de générateur depuis "
            "5 ans quand elle a obtenu l'appellation.",
            "Structurée en SCIC, elle a participé à la création d'un réseau régional et met en œuvre "
            "Start-Up de Territoire.",
            GENERATEUR,
        ),
        experimenting_since=date(2018, 1, 15),
        partners=(
            (K.LOCAL_AUTHORITY, "Agglomération des Coteaux", "Membre du comité de pilotage"),
            (K.COMPANY, "Fromagerie coopérative des Plateaux", "Mécénat de compétences"),
            (K.ESS_NETWORK, "Réseau régional des générateurs", "Échanges de pratiques"),
            FOUNDATION,
        ),
    ),
    StructureSeed(
        slug="fdfr-yonne",
        name="Fédération Départementale des Foyers Ruraux de l'Yonne",
        departements=("89",),
        description=_describe("Porte la Fabrique à initiatives sur le département de l'Yonne.", GENERATEUR),
        experimenting_since=date(2018, 3, 1),
        partners=(
            (K.LOCAL_AUTHORITY, "Pays des Quatre Vallées", "Cofinance l'animation territoriale"),
            (K.ASSOCIATION, "Foyer rural des Bois-Hauts", "Capteur d'idées"),
            (K.STATE, "Sous-préfecture d'Exemple-sur-Yonne", "Suivi des projets en milieu rural"),
        ),
    ),
    StructureSeed(
        slug="france-active-franche-comte",
        name="France Active Franche-Comté",
        departements=("25", "39", "70", "90"),
        parent_network="France Active",
        description=_describe(
            "Porte la Fabrique à initiatives sur les départements du Jura, du Doubs, de la Haute-Saône et du "
            "Territoire de Belfort. Elle avait déjà l'appellation quand l'Avise a annoncé l'arrivée de neuf "
            "nouvelles structures dans le réseau.",
            GENERATEUR,
        ),
        experimenting_since=date(2014, 3, 10),
        labelled_on=date(2016, 11, 24),
        partners=(
            (K.LOCAL_AUTHORITY, "Syndicat mixte du Haut-Doubs d'exemple", "Cofinance les études"),
            (K.STATE, "Direction régionale de l'économie d'exemple", "Appui aux projets d'utilité sociale"),
            BANK,
            FOUNDATION,
        ),
    ),
    StructureSeed(
        slug="france-active-bourgogne",
        name="France Active Bourgogne",
        departements=("58",),
        parent_network="France Active",
        description=_describe("Porte la Fabrique à initiatives sur le département de la Nièvre.", GENERATEUR),
        experimenting_since=date(2017, 10, 2),
        partners=(
            (K.LOCAL_AUTHORITY, "Communauté de communes du Val d'Exemple", "Membre du comité de pilotage"),
            (K.COMPANY, "Transports solidaires du Morvan d'exemple", "Porteur de projet associé"),
            BANK,
        ),
    ),
    StructureSeed(
        slug="pes21",
        name="Pôle d'Economie Solidaire 21",
        departements=("21",),
        description=_describe("Porte la Fabrique à initiatives sur le département de la Côte-d'Or.", GENERATEUR),
        experimenting_since=date(2018, 2, 5),
        partners=(
            (K.LOCAL_AUTHORITY, "Métropole d'Exemple", "Cofinance l'animation territoriale"),
            (K.ESS_NETWORK, "Chambre régionale de l'ESS d'exemple", "Relaie les appels à idées"),
            (K.ASSOCIATION, "Épicerie solidaire des Lilas", "Capteur d'idées"),
        ),
    ),
    StructureSeed(
        slug="tag22",
        name="TAg22",
        departements=("22",),
        parent_network="TAg BZH",
        description=_describe(
            "Porte la Fabrique à initiatives dans les Côtes-d'Armor : l'émergence de solutions "
            "entrepreneuriales pour répondre aux défis du territoire costarmoricain."
        ),
        experimenting_since=date(2017, 11, 6),
        partners=(
            (K.LOCAL_AUTHORITY, "Communauté de communes de la Côte d'Exemple", "Membre du comité de pilotage"),
            (K.STATE, "Agence locale pour l'emploi d'exemple", "Oriente des porteurs de projet"),
            (K.ASSOCIATION, "Collectif des habitants de Ker-Exemple", "Capteur d'idées"),
            FOUNDATION,
        ),
    ),
    StructureSeed(
        slug="tag29",
        name="TAg29",
        departements=("29",),
        parent_network="TAg BZH",
        description=_describe("Porte la Fabrique à initiatives dans le Finistère."),
        experimenting_since=date(2017, 11, 6),
        partners=(
            (K.LOCAL_AUTHORITY, "Pays de l'Aber d'Exemple", "Cofinance l'animation territoriale"),
            (K.COMPANY, "Conserverie coopérative d'Exemple", "Mécénat de compétences"),
            (K.ESS_NETWORK, "Pôle ESS du Pays d'Exemple", "Échanges de pratiques"),
            BANK,
        ),
    ),
    StructureSeed(
        slug="france-active-alsace",
        name="France Active Alsace",
        departements=("67",),
        area_label="Strasbourg",
        parent_network="France Active",
        description=_describe(
            "Porte la Fabrique à initiatives à Strasbourg, où elle a accompagné la co-construction de la "
            "Conciergerie d'Ampère."
        ),
        experimenting_since=date(2017, 6, 12),
        partners=(
            (K.LOCAL_AUTHORITY, "Ville d'Exemple-sur-Ill", "Cofinance l'animation territoriale"),
            (K.OTHER, "Bailleur social du Quartier d'Exemple", "Met des locaux à disposition"),
            BANK,
        ),
    ),
    StructureSeed(
        slug="france-active-nouvelle-aquitaine",
        name="France Active Nouvelle-Aquitaine",
        departements=("19", "23", "87"),
        area_label="Limousin",
        parent_network="France Active",
        description=_describe(
            "Porte la Fabrique à initiatives en Limousin, où l'appellation a concrétisé trois années "
            "d'expérimentation réussies."
        ),
        experimenting_since=date(2017, 7, 3),
        partners=(
            (K.LOCAL_AUTHORITY, "Parc naturel régional d'Exemple", "Membre du comité de pilotage"),
            (K.ASSOCIATION, "Tiers-lieu du Plateau d'Exemple", "Accueille les séances de créativité"),
            (K.STATE, "Délégation départementale d'exemple", "Appui aux projets d'utilité sociale"),
            FOUNDATION,
        ),
    ),
    StructureSeed(
        slug="initiatives-haut-pays",
        name="Initiatives Haut-Pays (fictive)",
        departements=("15",),
        area_label="Haut-Pays (fictif)",
        status=StructureStatus.CANDIDATE,
        experimenting_since=None,
        labelled_on=None,
        fictitious=True,
        description=(
            "Structure fictive, pour la démonstration : une structure de l'accompagnement candidate à "
            "l'entrée dans le réseau, que la coordination peut admettre."
        ),
        partners=((K.LOCAL_AUTHORITY, "Communauté de communes du Haut-Pays", "Soutient la candidature"),),
    ),
)

# When the candidate applied (fictitious).
CANDIDATE_APPLIED_ON = date(2025, 11, 17)

COLLECTIVE = {
    "slug": "generateur-bfc",
    "name": "Le Générateur Bourgogne-Franche-Comté",
    "website": "https://generateurbfc.fr",
    "description": (
        "Les six membres du collectif affichent une ambition commune : contribuer à créer localement de la "
        "valeur économique et sociale par un engagement de long terme aux côtés des élus, des associations, "
        "des entrepreneurs et des habitants.\n\n"
        "Le collectif a publié un livre blanc : « Le livre blanc d'une expérience réussie ».\n\n"
        f"Source : {SOURCE}."
    ),
    "members": (
        "active",
        "cluster-jura",
        "fdfr-yonne",
        "france-active-franche-comte",
        "france-active-bourgogne",
        "pes21",
    ),
}

TESTIMONIALS = (
    {
        "structure": "france-active-nouvelle-aquitaine",
        "person": "Véronique Faurie",
        "role": "chargée de mission Fabrique à initiatives",
        "quote": (
            "L'appellation Fabrique à initiatives est une vraie plus value pour notre structure puisqu'elle "
            "permet de légitimer et de reconnaitre notre méthodologie et notre travail de Fabrique en Limousin : "
            "c'est la concrétisation de 3 années d'expérimentation réussies dans notre territoire."
        ),
    },
    {
        "structure": "tag22",
        "person": "Mathilde Lebreton",
        "role": "responsable Emergence",
        "quote": (
            "Intégrer le réseau FAI a été pour nous une évidence. On défend les mêmes valeurs : faciliter les "
            "démarches ascendantes, participatives et collectives pour la co-construction de projets locaux "
            "d’innovation sociale. Le réseau FAI est venu consolider notre intention et notre méthodologie. "
            "Cette appellation est pour nous une reconnaissance de notre travail d’émergence de solutions "
            "entrepreneuriales pour répondre aux défis de notre territoire costarmoricain."
        ),
    },
    {
        "structure": "tag29",
        "person": "Sindy Quéré",
        "role": "responsable Révélateur",
        "quote": (
            "la méthodologie de la FAI nous permet de mettre en oeuvre une diversité d'outils avec une liberté "
            "d'approche propre aux configurations et aspirations des acteurs locaux. En outre, cela nous permet "
            "de mieux appréhender nos complémentarités d'action avec les politiques nationales en faveur du "
            "développement territorial et de l'innovation sociale"
        ),
    },
    {
        "structure": "cluster-jura",
        "person": "Maï-Lys Regad",
        "role": "cheffe de projets",
        "quote": (
            "l’appellation FAI représente une nouvelle reconnaissance du métier de générateur que nous portons "
            "depuis 5 ans. Elle nous permet d’intégrer un réseau national où partager nos méthodes, enjeux et "
            "problématiques (comme nous le faisons dans les autres réseaux). Nous espérons aussi pouvoir "
            "apporter au réseau FAI notre retour d’expérience : sur la création et la participation à un réseau "
            "régional, sur la mise en œuvre de Start-Up de Territoire, sur notre structuration en SCIC, etc. En "
            "retour nous espérons apprendre des autres membres pour innover sur nos méthodes et accélérer les "
            "projets"
        ),
    },
)

# Partnerships of the demo started on this day (fictitious).
PARTNERSHIPS_SINCE = date(2019, 1, 1)
