"""The appellation's demo data, as data. Everything here is invented (the article names the nine structures
that obtained the appellation, not how the committee voted) and says so where a visitor reads it."""

from datetime import date

from fabrique.network.enums import PartnerKind as K

# The committee that granted the appellation to the nine structures of the article (fictitious date, the one
# of the network's demo data).
NINE = (
    "active",
    "cluster-jura",
    "fdfr-yonne",
    "france-active-bourgogne",
    "pes21",
    "tag22",
    "tag29",
    "france-active-alsace",
    "france-active-nouvelle-aquitaine",
)
EARLIER_LABELLED = "france-active-franche-comte"
CLOSED_SESSION_NOTES = "Séance de démonstration (fictive) : les votes et les commentaires sont inventés."
OPEN_SESSION_NOTES = (
    "Séance de démonstration (fictive), ouverte pour que vous puissiez voter avec un compte de démonstration."
)
FICTITIOUS_TEXT = "_(Texte fictif, pour la démonstration.)_"

# Structures labelled before the platform existed, so that the 2020 committee has peers (fictitious).
EARLIER_PEERS = (
    {
        "slug": "fabrique-des-coteaux",
        "name": "Fabrique des Coteaux (fictive)",
        "departements": ("26",),
        "city": "Valence",
        "experimenting_since": date(2011, 9, 5),
        "labelled_on": date(2013, 12, 12),
    },
    {
        "slug": "initiatives-littoral",
        "name": "Initiatives Littoral (fictive)",
        "departements": ("17",),
        "city": "La Rochelle",
        "experimenting_since": date(2012, 4, 2),
        "labelled_on": date(2015, 6, 18),
    },
    {
        "slug": "fabrique-du-bocage",
        "name": "La Fabrique du Bocage (fictive)",
        "departements": ("53",),
        "city": "Laval",
        "experimenting_since": date(2015, 1, 12),
        "labelled_on": date(2018, 5, 3),
    },
)

# The structure in experimentation whose request is on the open session's agenda (fictitious).
APPLICANT = {
    "slug": "fabrique-deux-rives",
    "name": "Fabrique des Deux Rives (fictive)",
    "departements": ("24",),
    "city": "Bergerac",
    "area_label": "Pays de Bergerac (fictif)",
    "experimenting_since": date(2022, 9, 5),
    "partners": (
        (
            K.LOCAL_AUTHORITY,
            "Communauté d'agglomération des Deux Rives",
            "Cofinance l'animation territoriale",
            date(2022, 9, 5),
        ),
        (K.FUNDER, "Fonds territorial d'exemple", "Finance les études d'opportunité", date(2023, 2, 1)),
        (K.ASSOCIATION, "Association des habitants du Port", "Capteur d'idées", date(2023, 5, 15)),
        (K.COMPANY, "Coopérative viticole d'exemple", "Mécénat de compétences", date(2024, 1, 10)),
    ),
}
# A fictitious collective joining the applicant and one peer: that peer cannot vote on its request.
COLLECTIVE = {
    "slug": "cooperation-atlantique",
    "name": "Coopération Atlantique (fictif)",
    "members": ("fabrique-deux-rives", "initiatives-littoral"),
}

NARRATIVES = {
    "usefulness": (
        "Depuis le début de l'expérimentation, la Fabrique a fait émerger des projets qui répondent à des besoins "
        "que personne ne couvrait sur notre territoire, et elle a donné à notre structure un rôle reconnu auprès "
        "des élus et des habitants."
    ),
    "partnerships": (
        "Collectivités, financeurs, associations et entreprises siègent à nos comités de pilotage ; la plupart "
        "nous accompagnent depuis plusieurs années et se sont engagés pour les trois prochaines."
    ),
    "know_how": (
        "La détection des besoins, les séances de créativité, les études d'opportunité et la transmission à des "
        "porteurs de projet sont devenues le métier de notre équipe, formée avec le réseau."
    ),
}

# Votes of the 2020 committee: (voter slug, choice, comment). France Active Franche-Comté shares the
# Générateur collective with five applicants: it is in conflict on theirs and its votes there do not exist.
CLOSED_VOTES = (
    ("fabrique-des-coteaux", "for", "Un ancrage territorial et des partenaires solides (commentaire fictif)."),
    ("initiatives-littoral", "for", ""),
    ("fabrique-du-bocage", "abstain", ""),
    (EARLIER_LABELLED, "for", "Bienvenue dans le réseau (commentaire fictif)."),
)
OPEN_VOTES = (("fabrique-des-coteaux", "for", "Dossier complet et convaincant (commentaire fictif)."),)

# Structures this loader adds to the network's demo (the fictitious peers and the applicant).
NEW_STRUCTURES = len(EARLIER_PEERS) + 1
