"""The vocabulary of the generated network: place names, organisations, people, needs and projects.

Everything the generator writes from these lists is invented; the names carry "(fictif)" or "(fictive)".
"""

from fabrique.core.vocabulary import Theme as T
from fabrique.method.demo_data import IDEAS
from fabrique.network.enums import PartnerKind as K

FICTITIOUS = "(fictif)"
FICTITIOUS_F = "(fictive)"

# Communes are composed: a first part, sometimes a link, a second part ("Saint-Aubin-sur-Loire").
PLACE_FIRST = (
    "Saint-Aubin",
    "Sainte-Marie",
    "Villeneuve",
    "Montfort",
    "Beaulieu",
    "Bellevue",
    "Fontaine",
    "Châteauneuf",
    "Plouvenez",
    "Kerlan",
    "Lanvallec",
    "Mervent",
    "Roche",
    "Val",
    "Bourg",
    "Mont",
    "Pont",
    "Chaumont",
    "Lormes",
    "Vézelay",
    "Orgelet",
    "Clairvaux",
    "Saulieu",
    "Luzy",
    "Moirans",
    "Arbois",
    "Gérardmer",
    "Rosporden",
    "Quintin",
    "Langon",
    "Ussel",
    "Aubusson",
    "Felletin",
    "Bellac",
    "Nontron",
    "Sarlat",
    "Figeac",
    "Millau",
    "Lodève",
    "Die",
)
PLACE_LINK = ("", "", "", "-sur-", "-en-", "-lès-", "-le-", "-la-")
PLACE_SECOND = (
    "Loire",
    "Vienne",
    "Rance",
    "Aulne",
    "Bois",
    "Plaine",
    "Montagne",
    "Vallée",
    "Marne",
    "Saône",
    "Doubs",
    "Creuse",
    "Charente",
    "Dordogne",
    "Lot",
    "Tarn",
    "Aveyron",
    "Orne",
    "Meuse",
    "Moselle",
    "Vosges",
    "Morvan",
    "Forêt",
)

AREA_KINDS = ("Pays", "Communauté de communes", "Vallée", "Bassin de vie", "Plateau", "Agglomération")
STRUCTURE_KINDS = (
    ("Fabrique à initiatives", "association"),
    ("Pôle territorial de coopération économique", "association"),
    ("France Active", "association"),
    ("Coopérative d'activités", "SCIC"),
    ("Incubateur d'innovation sociale", "association"),
    ("Maison de l'économie solidaire", "association"),
    ("Foyers ruraux", "association"),
    ("TAg", "SCIC"),
)
PARENT_NETWORKS = ("France Active", "TAg BZH", "Réseau des PTCE", "Foyers Ruraux", "Le Mouvement associatif", "")

PARTNER_NAMES: dict[str, tuple[str, ...]] = {
    K.LOCAL_AUTHORITY: ("Communauté de communes de {place}", "Commune de {place}", "Syndicat mixte du {place}"),
    K.STATE: ("France Travail {place}", "Sous-préfecture de {place}", "Mission locale de {place}"),
    K.FUNDER: ("Fondation de {place}", "Caisse solidaire de {place}", "Fonds territorial de {place}"),
    K.ESS_NETWORK: ("Chambre régionale de l'ESS de {place}", "Union des SCOP de {place}", "Réseau ESS {place}"),
    K.COMPANY: ("Ateliers de {place} SAS", "Transports de {place} SARL", "Coopérative laitière de {place}"),
    K.ASSOCIATION: ("Association Vivre à {place}", "Centre social de {place}", "Amicale laïque de {place}"),
    K.OTHER: ("Lycée agricole de {place}", "Groupement d'employeurs de {place}", "Université populaire de {place}"),
}
PARTNER_ROLES = (
    "Financeur de l'ingénierie",
    "Membre du comité de pilotage",
    "Prescripteur de projets",
    "Expertise juridique",
    "Mise à disposition de locaux",
    "Relais auprès des élus",
    "",
)

FIRST_NAMES = (
    "Camille",
    "Lou",
    "Nour",
    "Yanis",
    "Gwenaëlle",
    "Martin",
    "Inès",
    "Paul",
    "Anaïs",
    "Malo",
    "Léa",
    "Hugo",
    "Chloé",
    "Karim",
    "Maëlle",
    "Thomas",
    "Sarah",
    "Erwan",
    "Fatou",
    "Julien",
    "Manon",
    "Loïc",
    "Aïcha",
    "Bastien",
)
LAST_NAMES = (
    "Morel",
    "Le Gall",
    "Benali",
    "Perrin",
    "Guillou",
    "Schmitt",
    "Faure",
    "Roux",
    "Marchal",
    "Kerbrat",
    "Dubois",
    "Lefèvre",
    "Garnier",
    "Tanguy",
    "Diallo",
    "Mercier",
    "Girard",
    "Colin",
    "Nguyen",
    "Rolland",
    "Barbier",
    "Carré",
)

# (theme, need as heard, project, summary): the method's demo catalogue and more of the same kind.
MORE_IDEAS: tuple[tuple[str, str, str, str], ...] = (
    (
        T.FOOD,
        "Les familles modestes n'ont pas accès aux produits frais",
        "Épicerie solidaire",
        "Une épicerie à double tarif : prix solidaires pour les familles orientées, prix justes pour les autres.",
    ),
    (
        T.FOOD,
        "Les invendus des marchés sont jetés",
        "Conserverie coopérative",
        "Un atelier de transformation des invendus et des surplus agricoles en conserves vendues localement.",
    ),
    (
        T.MOBILITY,
        "Pas de transport à la demande le dimanche",
        "Service de transport solidaire",
        "Des chauffeurs bénévoles et salariés pour les trajets de santé et de courses des habitants sans voiture.",
    ),
    (
        T.AGEING,
        "Les aidants familiaux sont épuisés",
        "Plateforme de répit des aidants",
        "Un relais à domicile et des séjours de répit pour les proches aidants.",
    ),
    (
        T.EARLY_CHILDHOOD,
        "Les parents isolés manquent de solutions de garde ponctuelle",
        "Halte-garderie itinérante",
        "Une halte-garderie qui tourne dans cinq communes, une journée par semaine dans chacune.",
    ),
    (
        T.EMPLOYMENT,
        "Les entreprises locales ne trouvent pas de saisonniers",
        "Groupement d'employeurs",
        "Un groupement qui partage des salariés entre exploitations et commerces au fil des saisons.",
    ),
    (
        T.EMPLOYMENT,
        "Les chômeurs de longue durée n'ont aucune offre près de chez eux",
        "Entreprise à but d'emploi",
        "Des emplois en CDI pour des activités utiles au territoire que personne ne prend en charge.",
    ),
    (
        T.LOCAL_SERVICES,
        "Le dernier café du village a fermé",
        "Café associatif multiservices",
        "Un café qui fait aussi point poste, dépôt de pain et lieu de rencontre des associations.",
    ),
    (
        T.CULTURE,
        "Aucune offre culturelle pour les adolescents",
        "Tiers-lieu culturel",
        "Un lieu de pratique artistique, de répétition et de diffusion tenu avec les jeunes du territoire.",
    ),
    (
        T.ENVIRONMENT,
        "Les encombrants s'accumulent en déchetterie",
        "Ressourcerie",
        "Collecte, réparation et revente d'objets et de meubles, avec un atelier de réparation ouvert à tous.",
    ),
    (
        T.ENVIRONMENT,
        "Les chantiers jettent des matériaux réutilisables",
        "Plateforme de réemploi des matériaux",
        "Une plateforme qui récupère, stocke et revend les matériaux de construction réutilisables.",
    ),
    (
        T.HOUSING,
        "Les jeunes actifs ne trouvent pas de logement",
        "Résidence intergénérationnelle",
        "Des logements pour jeunes actifs chez ou à côté de personnes âgées, avec un accompagnement.",
    ),
    (
        T.HOUSING,
        "Les logements anciens sont des passoires thermiques",
        "Service d'auto-réhabilitation accompagnée",
        "Des chantiers de rénovation où les habitants travaillent chez eux avec un encadrant technique.",
    ),
    (
        T.HEALTH,
        "Plus de médecin généraliste à moins de trente kilomètres",
        "Centre de santé associatif",
        "Un centre de santé avec des médecins salariés et une permanence de prévention.",
    ),
    (
        T.DIGITAL,
        "Les démarches en ligne excluent les personnes âgées",
        "Médiation numérique itinérante",
        "Des permanences de médiation numérique dans les mairies et les marchés.",
    ),
    (
        T.OTHER,
        "Les associations n'ont pas de locaux pour se réunir",
        "Maison des associations partagée",
        "Des salles, du matériel et un secrétariat partagés entre les associations du territoire.",
    ),
)
IDEAS_ALL = tuple(IDEAS) + MORE_IDEAS

NEED_DETAILS = (
    "Constat partagé par plusieurs élus et associations du territoire.",
    "Remonté lors d'une réunion publique ; plusieurs habitants ont témoigné.",
    "Identifié par le diagnostic territorial de la communauté de communes.",
    "Signalé par une entreprise locale qui ne trouve pas de solution.",
    "Exprimé lors d'une séance de créativité avec les habitants.",
)
DISMISS_REASONS = (
    "Besoin déjà couvert par une structure voisine (fictif).",
    "Pas de porteur ni de partenaires mobilisables à ce stade (fictif).",
    "Hors du champ de l'économie sociale et solidaire (fictif).",
)
STOP_NOTES = {
    "abandoned": (
        "No-go du comité : pas de modèle économique viable (fictif).",
        "Aucun porteur ne s'est manifesté (fictif).",
        "Le besoin a trouvé une autre réponse sur le territoire (fictif).",
    ),
    "paused": (
        "En attente des financements de l'investissement (fictif).",
        "Le porteur a suspendu le projet pour raisons personnelles (fictif).",
        "Recherche d'un local en cours (fictif).",
    ),
}
STEP_NOTES = {
    "opportunity": "Le comité de pilotage lance l'étude d'opportunité (fictif).",
    "transmission": "Go du comité : le projet est transmis à son porteur (fictif).",
    "feasibility": "Le porteur engage l'étude de faisabilité et le business plan social (fictif).",
    "launch": "Accompagnement au lancement : financements et recrutements (fictif).",
    "created": "L'activité est créée (fictif).",
}
BACK_NOTE = "Le comité demande de compléter l'étude avant d'aller plus loin (fictif)."
RESUME_NOTE = "Le projet reprend : la difficulté est levée (fictif)."
NOTE_TEXTS = (
    "Rencontre avec les élus de la commune : accord de principe pour un local (fictif).",
    "Appel avec le porteur : le budget prévisionnel est à revoir (fictif).",
    "Visite d'une activité semblable dans un département voisin (fictif).",
    "Réunion des partenaires financeurs : deux accords sur trois (fictif).",
)
CARRIER_ORGANISATIONS = ("Association Les Ateliers du {place}", "SCIC Terres de {place}", "Régie de quartier {place}")

RESOURCE_TITLES = {
    "tool": ("Grille d'analyse d'un besoin", "Tableau de suivi du comité de pilotage", "Outil d'animation"),
    "method_sheet": ("Conduire une étude d'opportunité", "Animer une séance de créativité", "Choisir un porteur"),
    "project_notebook": ("Carnet de projet", "Récit d'une création d'activité", "Carnet de bord"),
    "guide": ("Guide du comité de pilotage", "Guide de la transmission à un porteur", "Guide des financements"),
    "white_paper": ("Livre blanc de la détection", "Livre blanc des coopérations territoriales"),
    "document_template": ("Modèle de convention de partenariat", "Modèle de compte rendu de comité"),
    "experience_report": ("Retour d'expérience", "Ce que nous avons appris", "Leçons d'un abandon"),
}
EVENT_TITLES = {
    "practice_exchange": "Échange de pratiques : {topic}",
    "training": "Formation : {topic}",
    "national_meeting": "Rencontre nationale du réseau : {topic}",
    "webinar": "Webinaire : {topic}",
    "outside_expertise": "Expertise extérieure : {topic}",
}
EVENT_TOPICS = (
    "détecter les besoins en milieu rural",
    "animer un comité de pilotage",
    "le modèle économique des épiceries solidaires",
    "mobiliser les élus locaux",
    "transmettre un projet à un porteur",
    "mesurer l'impact d'une activité créée",
    "les coopératives d'intérêt collectif",
    "financer l'ingénierie de projet",
)
