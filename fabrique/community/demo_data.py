"""Network life for the demo: the Avise article as a public news post, a working group, events.

The news post is the seed text itself; its four testimonials are those `load_testimonials` creates.
Everything else is invented and says so ("(fictif)").
"""

from fabrique.community.enums import EventKind as K
from fabrique.network.demo_data import SOURCE

FICTITIOUS = "(fictif)"
ARTICLE_TITLE = "9 nouvelles structures rejoignent la Fabrique à initiatives"
ARTICLE_SLUG = "9-nouvelles-structures-rejoignent-la-fabrique-a-initiatives"
ARTICLE_SUMMARY = (
    "Neuf structures de l'accompagnement obtiennent l'appellation « Fabrique à initiatives » : le réseau compte "
    "désormais 30 territoires."
)
ARTICLE_NOTE = f"_Source : {SOURCE}. La date de publication de cette page est fictive (démonstration)._"
ARTICLE_BODY = """## Avoir l'appellation "Fabrique à initiatives"

La Fabrique à initiatives est un dispositif créé en 2010 par l’Avise afin d'imaginer et de développer des \
activités de l'économie sociale et solidaire répondant aux besoins des territoires, par la détection des besoins \
et des idées et la co-construction de réponses entrepreneuriales adaptées. Porté localement par des structures \
de l’accompagnement et présent dans 30 territoires, il facilite la création de projets économiques en apportant \
son expertise en matière d’animation territoriale, de modélisation économique et d’innovation sociale.

Découvrez les carnets de projets *Faciliter la création d'activités économiques d'utilité sociale dans les \
territoires fragiles* et *Impulser des innovations sociales avec et pour les territoires*.

Lorsqu'une structure rejoint le réseau, elle entre en phase d'expérimentation. Une fois l'utilité du dispositif \
validée pour la structure expérimentatrice et pour le territoire, une diversité de partenaires durablement \
investis à ses côtés et un savoir-faire métier bien ancré, alors elle peut demander l'appellation Fabrique à \
initiatives. Cette demande est validée par un comité de pairs composé des autres structures avec appellation.

Véronique Faurie, chargée de mission Fabrique à initiatives pour France Active Nouvelle-Aquitaine, explique : \
"L'appellation Fabrique à initiatives est une vraie plus value pour notre structure puisqu'elle permet de \
légitimer et de reconnaitre notre méthodologie et notre travail de Fabrique en Limousin : c'est la \
concrétisation de 3 années d'expérimentation réussies dans notre territoire."

Une fois l'appellation validée, la structure s'engage alors à faire vivre la Fabrique à initiatives sur son \
territoire pour répondre aux défis sociétaux par l'innovation sociale collective, et s'implique durablement dans \
la dynamique-réseau afin d'enrichir le métier par une pratique partagée au niveau national, comme l'illustre le \
témoignage de Mathilde Lebreton, responsable Emergence à TAg22 : "Intégrer le réseau FAI a été pour nous une \
évidence. On défend les mêmes valeurs : faciliter les démarches ascendantes, participatives et collectives pour \
la co-construction de projets locaux d’innovation sociale. Le réseau FAI est venu consolider notre intention et \
notre méthodologie. Cette appellation est pour nous une reconnaissance de notre travail d’émergence de solutions \
entrepreneuriales pour répondre aux défis de notre territoire costarmoricain."

## La plus-value d'un réseau de 30 structures de l'accompagnement au service de l'innovation sociale

Entrer dans le réseau Fabrique à initiatives signifie partager la même finalité, les mêmes principes et valeurs, \
le même métier, et la même logique multi-partenariale. De plus, cela signifie s'impliquer activement au sein du \
réseau national animé par l’Avise.

Ce réseau permet à ses membres de monter en compétences sur le métier et sur des secteurs d’activités \
prioritaires grâce à :

- des échanges de pratiques entre pairs ;
- la capitalisation autour des projets développés et les méthodologies testées ;
- la création d’outils partagés ;
- et l’apport d’expertises extérieures au réseau.

C'est ce sur quoi revient Sindy Quéré, responsable Révélateur du TAg29 : "la méthodologie de la FAI nous permet \
de mettre en oeuvre une diversité d'outils avec une liberté d'approche propre aux configurations et aspirations \
des acteurs locaux. En outre, cela nous permet de mieux appréhender nos complémentarités d'action avec les \
politiques nationales en faveur du développement territorial et de l'innovation sociale".

Pour le Clus'Ter Jura, "l’appellation FAI représente une nouvelle reconnaissance du métier de générateur que nous \
portons depuis 5 ans. Elle nous permet d’intégrer un réseau national où partager nos méthodes, enjeux et \
problématiques (comme nous le faisons dans les autres réseaux). Nous espérons aussi pouvoir apporter au réseau \
FAI notre retour d’expérience : sur la création et la participation à un réseau régional, sur la mise en œuvre \
de Start-Up de Territoire, sur notre structuration en SCIC, etc. En retour nous espérons apprendre des autres \
membres pour innover sur nos méthodes et accélérer les projets", témoigne Maï-Lys Regad, cheffe de projets.

## Présentation des 9 nouvelles structures ayant rejoint le réseau

### Le Générateur BFC

- Active, Pôle de l’économie solidaire – sur le Département de la Saône-et-Loire
- Clus’Ter Jura – sur le Pays Lédonien
- Fédération Départementale des Foyers Ruraux de l’Yonne – sur le Département de l’Yonne
- France Active Franche-Comté – sur les Départements du Jura, Doubs, Haute-Saône et Territoire de Belfort \
(déjà labélisée auparavant)
- France Active Bourgogne – sur le Département de la Nièvre
- Pôle d’Economie Solidaire 21 – sur le Département de la Côte d’Or

Les six membres du collectif affichent une ambition commune : contribuer à créer localement de la valeur \
économique et sociale par un engagement de long terme aux côtés des élus, des associations, des entrepreneurs et \
des habitants.

Pour en savoir plus sur le Générateur Bourgogne Franche-Comté, consultez le site generateurbfc.fr et son livre \
blanc : *Le livre blanc d’une expérience réussie*.

### Tag22

### TAg29

### France Active Alsace

Découvrez la co-construction de la Conciergerie d’Ampère à Strasbourg.

### France Active Nouvelle-Aquitaine

## En savoir plus

Pour en savoir plus sur le dispositif Fabrique à initiatives, consultez la carte du réseau Fabrique à \
initiatives et le site fabriqueainitiatives.org.
"""

NETWORK_POST = {
    "slug": "groupe-de-travail-mobilite-rurale-fictif",
    "title": f"Un groupe de travail sur la mobilité rurale {FICTITIOUS}",
    "summary": "Six structures mettent en commun leurs projets de mobilité solidaire (actualité fictive).",
    "body": (
        "Le groupe de travail « Mobilité rurale » se réunit chaque trimestre pour partager les études "
        "d'opportunité, les modèles économiques et les partenaires des garages et plateformes de mobilité "
        "solidaires du réseau.\n\n_Actualité fictive, pour la démonstration._"
    ),
    "days_ago": 12,
}

WORKING_GROUP = {
    "slug": "mobilite-rurale-fictif",
    "name": f"Mobilité rurale {FICTITIOUS}",
    "theme": "mobility",
    "description": (
        "Garages solidaires, transport à la demande, autopartage : les structures du réseau partagent leurs "
        "études d'opportunité, leurs modèles économiques et leurs partenaires.\n\n"
        "_Groupe de travail fictif, pour la démonstration._"
    ),
    "lead": "tag29",
    "members": ("active", "cluster-jura", "france-active-nouvelle-aquitaine"),
}

# (slug, title, kind, days from today, hours, place, online, organiser slug or None, capacity, public, group)
EVENTS = (
    (
        "echange-de-pratiques-seance-de-creativite-fictif",
        f"Échange de pratiques : animer une séance de créativité {FICTITIOUS}",
        K.PRACTICE_EXCHANGE,
        -40,
        (9, 12),
        "Dijon, Maison de l'économie sociale",
        False,
        "pes21",
        20,
        False,
        None,
    ),
    (
        "webinaire-modelisation-economique-fictif",
        f"Webinaire : la modélisation économique d'une activité d'utilité sociale {FICTITIOUS}",
        K.WEBINAR,
        -15,
        (14, 16),
        "",
        True,
        None,
        None,
        True,
        None,
    ),
    (
        "atelier-garages-solidaires-fictif",
        f"Atelier du groupe mobilité : les garages solidaires {FICTITIOUS}",
        K.PRACTICE_EXCHANGE,
        -5,
        (10, 13),
        "Morlaix, tiers-lieu de la gare",
        False,
        "tag29",
        15,
        False,
        "mobilite-rurale-fictif",
    ),
    (
        "formation-etude-opportunite-fictif",
        f"Formation : conduire une étude d'opportunité {FICTITIOUS}",
        K.TRAINING,
        14,
        (9, 17),
        "Besançon, salle du Générateur",
        False,
        "france-active-franche-comte",
        3,
        False,
        None,
    ),
    (
        "expertise-exterieure-financement-participatif-fictif",
        f"Expertise extérieure : le financement participatif des SCIC {FICTITIOUS}",
        K.OUTSIDE_EXPERTISE,
        30,
        (14, 17),
        "",
        True,
        None,
        40,
        False,
        None,
    ),
    (
        "rencontre-nationale-fictif",
        f"Rencontre nationale du réseau {FICTITIOUS}",
        K.NATIONAL_MEETING,
        60,
        (9, 18),
        "Paris, Maison de l'innovation sociale",
        False,
        None,
        120,
        True,
        None,
    ),
)
SPEAKERS = {
    "webinaire-modelisation-economique-fictif": (
        ("Claire Dumont (fictif)", "chargée de mission", "Avise (intervenante fictive)", False),
    ),
    "expertise-exterieure-financement-participatif-fictif": (
        ("Hugo Lefèvre (fictif)", "juriste", "Cabinet d'exemple en droit coopératif (fictif)", True),
    ),
    "rencontre-nationale-fictif": (
        ("Sindy Quéré", "responsable Révélateur", "TAg29", False),
        ("Maï-Lys Regad", "cheffe de projets", "Clus'Ter Jura", False),
    ),
}
# Who registered (demo member logins by structure slug) and, for past events, who came.
REGISTRATIONS = {
    "echange-de-pratiques-seance-de-creativite-fictif": (("tag29", True), ("active", True), ("tag22", False)),
    "webinaire-modelisation-economique-fictif": (("cluster-jura", True), ("tag29", True), ("fdfr-yonne", True)),
    "atelier-garages-solidaires-fictif": (("active", True), ("france-active-nouvelle-aquitaine", True)),
    "formation-etude-opportunite-fictif": (
        ("cluster-jura", None),
        ("fdfr-yonne", None),
        ("pes21", None),
        ("tag22", None),
    ),
    "rencontre-nationale-fictif": (("france-active-alsace", None),),
}
