"""The method's demo data, as data: a catalogue of plausible needs and the projects answering them.

Everything here is invented and marked "(fictif)" where a visitor reads it, except the Conciergerie d'Ampère
(Strasbourg, France Active Alsace), named in the Avise article; its dates and figures are invented too.
"""

from datetime import date
from decimal import Decimal

from fabrique.core.vocabulary import Theme as T

FICTITIOUS = "(fictif)"
SOURCE = "Avise, « 9 nouvelles structures rejoignent la Fabrique à initiatives »"

# (theme, the need as heard on the territory, the project answering it, its summary)
IDEAS: tuple[tuple[str, str, str, str], ...] = (
    (
        T.MOBILITY,
        "Pas de solution pour réparer sa voiture à petit prix",
        "Garage solidaire",
        "Un garage associatif qui répare à prix modérés les véhicules des personnes en insertion.",
    ),
    (
        T.MOBILITY,
        "Les jeunes sans permis ne peuvent pas aller en formation",
        "Plateforme de mobilité rurale",
        "Location de deux-roues, auto-école sociale et covoiturage organisé pour les trajets vers l'emploi.",
    ),
    (
        T.FOOD,
        "Plus aucun commerce alimentaire dans le bourg",
        "Épicerie coopérative de centre-bourg",
        "Une épicerie en circuit court tenue par ses habitants-sociétaires.",
    ),
    (
        T.FOOD,
        "Les producteurs locaux peinent à fournir les cantines",
        "Légumerie pour la restauration collective",
        "Un atelier qui lave, épluche et découpe les légumes des fermes voisines pour les cantines.",
    ),
    (
        T.AGEING,
        "Les personnes âgées isolées n'ont plus de lien social",
        "Service de visites et de petits travaux",
        "Des visites à domicile et de petits travaux assurés par des salariés en parcours d'insertion.",
    ),
    (
        T.AGEING,
        "Pas d'habitat adapté entre le domicile et l'EHPAD",
        "Maison partagée pour personnes âgées",
        "Une colocation accompagnée de huit logements adaptés, au cœur du village.",
    ),
    (
        T.EARLY_CHILDHOOD,
        "Aucune garde d'enfants en horaires décalés",
        "Micro-crèche à horaires atypiques",
        "Une micro-crèche ouverte de 5 h à 22 h pour les parents qui travaillent en horaires décalés.",
    ),
    (
        T.EARLY_CHILDHOOD,
        "Les familles monoparentales manquent de relais",
        "Lieu d'accueil parents-enfants",
        "Un lieu d'accueil, d'écoute et de répit pour les familles, animé avec la caisse d'allocations familiales.",
    ),
    (
        T.EMPLOYMENT,
        "Les chantiers du bâtiment ne trouvent pas de main-d'œuvre",
        "Entreprise d'insertion du bâtiment",
        "Une entreprise d'insertion spécialisée dans la rénovation énergétique des logements.",
    ),
    (
        T.EMPLOYMENT,
        "Les travailleurs handicapés quittent le territoire",
        "Entreprise adaptée de services",
        "Une entreprise adaptée d'entretien d'espaces verts et de conditionnement.",
    ),
    (
        T.LOCAL_SERVICES,
        "Les salariés de la zone d'activités n'ont aucun service",
        "Conciergerie d'entreprises",
        "Pressing, retouches, paniers de légumes et petites démarches pour les salariés de la zone.",
    ),
    (
        T.LOCAL_SERVICES,
        "Les démarches administratives en ligne excluent des habitants",
        "Espace de services itinérant",
        "Un véhicule aménagé qui tient des permanences d'aide aux démarches dans les villages.",
    ),
    (
        T.CULTURE,
        "Plus de cinéma ni de salle de spectacle à moins de 40 km",
        "Tiers-lieu culturel",
        "Un tiers-lieu avec programmation culturelle, café associatif et ateliers de pratique.",
    ),
    (
        T.ENVIRONMENT,
        "Les encombrants finissent en décharge",
        "Recyclerie-ressourcerie",
        "Collecte, réparation et revente d'objets, avec un atelier de réparation ouvert aux habitants.",
    ),
    (
        T.ENVIRONMENT,
        "Les chantiers jettent des matériaux réutilisables",
        "Plateforme de réemploi des matériaux",
        "Collecte et revente de matériaux de construction de réemploi aux artisans et aux particuliers.",
    ),
    (
        T.HOUSING,
        "Les logements vacants du centre se dégradent",
        "Foncière solidaire de réhabilitation",
        "Une foncière qui achète, rénove et loue à loyer modéré des logements vacants.",
    ),
    (
        T.HEALTH,
        "Les habitants renoncent aux soins faute de médecin",
        "Centre de santé associatif",
        "Un centre de santé avec médecins salariés, infirmière Asalée et actions de prévention.",
    ),
    (
        T.DIGITAL,
        "Des familles n'ont ni ordinateur ni connexion",
        "Atelier de reconditionnement informatique",
        "Reconditionnement d'ordinateurs d'entreprises, revendus à bas prix avec une formation aux bases.",
    ),
    (
        T.FOOD,
        "Le gaspillage des invendus des marchés",
        "Cuisine solidaire de transformation",
        "Une cuisine qui transforme les invendus en conserves et en repas pour les associations d'aide alimentaire.",
    ),
    (
        T.OTHER,
        "Les associations du territoire n'ont pas de fonctions support",
        "Groupement d'employeurs associatif",
        "Un groupement qui partage comptable, chargé de communication et agent d'entretien entre associations.",
    ),
)

# Communes per département, for plausible places (the needs and projects themselves are invented).
COMMUNES: dict[str, tuple[str, ...]] = {
    "71": ("Mâcon", "Chalon-sur-Saône", "Autun", "Louhans"),
    "39": ("Lons-le-Saunier", "Dole", "Saint-Claude", "Champagnole"),
    "89": ("Auxerre", "Sens", "Avallon", "Tonnerre"),
    "25": ("Besançon", "Montbéliard", "Pontarlier"),
    "70": ("Vesoul", "Gray", "Lure"),
    "90": ("Belfort", "Delle"),
    "58": ("Nevers", "Clamecy", "Cosne-Cours-sur-Loire", "Château-Chinon"),
    "21": ("Dijon", "Beaune", "Montbard", "Châtillon-sur-Seine"),
    "22": ("Saint-Brieuc", "Lannion", "Dinan", "Guingamp"),
    "29": ("Brest", "Quimper", "Morlaix", "Carhaix-Plouguer"),
    "67": ("Strasbourg", "Haguenau", "Sélestat", "Saverne"),
    "19": ("Tulle", "Brive-la-Gaillarde", "Ussel"),
    "23": ("Guéret", "Aubusson", "La Souterraine"),
    "87": ("Limoges", "Saint-Junien", "Bellac"),
}

# Revenue mixes (sales, public subsidies, private funding, other) that add up to 100 %.
REVENUE_MIXES = (
    (Decimal(60), Decimal(25), Decimal(10), Decimal(5)),
    (Decimal(45), Decimal(40), Decimal(15), Decimal(0)),
    (Decimal(75), Decimal(15), Decimal(5), Decimal(5)),
    (Decimal(30), Decimal(50), Decimal(20), Decimal(0)),
)

FIRST_NAMES = ("Camille", "Lou", "Nour", "Yanis", "Gwenaëlle", "Martin", "Inès", "Paul", "Anaïs", "Malo")
LAST_NAMES = ("Morel", "Le Gall", "Benali", "Perrin", "Guillou", "Schmitt", "Faure", "Roux", "Marchal", "Kerbrat")

# The article's project. Its dates, legal form and jobs are invented for the demonstration.
CONCIERGERIE = {
    "structure": "france-active-alsace",
    "title": "Conciergerie d'Ampère",
    "theme": T.LOCAL_SERVICES,
    "departement": "67",
    "commune": "Strasbourg",
    "need_title": "Pas de services de proximité pour les habitants et salariés du quartier Ampère",
    "summary": (
        "Une conciergerie solidaire au service des habitants et des salariés du quartier Ampère, à Strasbourg, "
        "co-construite avec France Active Alsace dans le cadre de la Fabrique à initiatives.\n\n"
        f"Source : {SOURCE}. Les dates et les chiffres de cette fiche sont fictifs (démonstration)."
    ),
    "detected_on": date(2017, 3, 14),
    "steps": (date(2017, 6, 1), date(2017, 11, 20), date(2018, 3, 5), date(2018, 9, 17), date(2019, 2, 1)),
    "created_on": date(2019, 2, 1),
    "legal_form": "association",
    "jobs_fte": Decimal("3"),
    "outcome_note": "Chiffres fictifs (démonstration) : la date de création, la forme juridique et les emplois "
    "sont inventés.",
}
