"""`fabrique demo`: the library — the publications the Avise article cites, and invented resources of every
kind (marked "(fictif)"), some with a real file, the project notebook of the Conciergerie d'Ampère among them.

Rows are found by slug; files are added only to a resource that has none, so a second run changes nothing.
"""

from django.core.files.base import ContentFile

from fabrique.accounts.models import User
from fabrique.community.interface import WorkingGroup
from fabrique.core.demo_support import LoadReport, sync_m2m, upsert
from fabrique.method.interface import Project
from fabrique.network.models import Structure
from fabrique.search.visibility import Visibility as V

from . import demo_files, services
from .enums import ResourceKind as K
from .models import Resource

CITED = "_Publication citée dans l'article de l'Avise « 9 nouvelles structures rejoignent la Fabrique à initiatives » ; le résumé de cette fiche est rédigé pour la démonstration._"  # noqa: E501
FICTITIOUS = "_Ressource fictive, pour la démonstration._"


def _r(slug, title, kind, visibility, structure, themes, summary, body="", **extra):
    return {
        "slug": slug,
        "title": title,
        "kind": kind,
        "visibility": visibility,
        "structure": structure,
        "themes": themes,
        "summary": summary,
        "body": body,
        **extra,
    }


RESOURCES = (
    _r(
        "carnet-faciliter-la-creation-d-activites",
        "Faciliter la création d'activités économiques d'utilité sociale dans les territoires fragiles",
        K.PROJECT_NOTEBOOK,
        V.PUBLIC,
        None,
        ["employment", "local_services"],
        "Carnet de projets de l'Avise : comment la Fabrique à initiatives fait naître des activités d'utilité "
        "sociale là où l'offre manque.",
        CITED,
        other_authors="Avise",
    ),
    _r(
        "carnet-impulser-des-innovations-sociales",
        "Impulser des innovations sociales avec et pour les territoires",
        K.PROJECT_NOTEBOOK,
        V.PUBLIC,
        None,
        ["other"],
        "Carnet de projets de l'Avise sur la co-construction d'innovations sociales avec les acteurs locaux.",
        CITED,
        other_authors="Avise",
    ),
    _r(
        "livre-blanc-d-une-experience-reussie",
        "Le livre blanc d'une expérience réussie",
        K.WHITE_PAPER,
        V.PUBLIC,
        None,
        ["other"],
        "Le livre blanc du Générateur Bourgogne-Franche-Comté, collectif de six structures du réseau.",
        CITED,
        other_authors="Le Générateur Bourgogne-Franche-Comté",
        link="https://generateurbfc.fr",
    ),
    _r(
        "carnet-conciergerie-d-ampere-fictif",
        "Carnet de projet : la Conciergerie d'Ampère (fictif)",
        K.PROJECT_NOTEBOOK,
        V.PUBLIC,
        "france-active-alsace",
        ["local_services"],
        "Comment une conciergerie solidaire de quartier est née à Strasbourg : le besoin, l'étude "
        "d'opportunité, le porteur, le modèle économique.",
        "## Le besoin\n\nHabitants et salariés du quartier Ampère manquaient de services de proximité.\n\n"
        f"## La réponse\n\nUne conciergerie solidaire qui emploie des personnes du quartier.\n\n{FICTITIOUS}",
        project="Conciergerie d'Ampère",
        file=("carnet-conciergerie-ampere.pdf", "pdf"),
    ),
    _r(
        "grille-d-analyse-d-opportunite-fictif",
        "Grille d'analyse d'opportunité (fictif)",
        K.TOOL,
        V.NETWORK,
        "tag29",
        ["other"],
        "Une grille pour décider en comité de pilotage : besoin, marché, partenaires, porteur possible.",
        FICTITIOUS,
        file=("grille-opportunite.xlsx", "xlsx"),
    ),
    _r(
        "trame-de-seance-de-creativite-fictif",
        "Trame de séance de créativité (fictif)",
        K.TOOL,
        V.PUBLIC,
        "cluster-jura",
        ["other"],
        "Déroulé minute par minute d'une séance de créativité de deux heures avec élus, associations et habitants.",
        "1. Accueil et règles du jeu\n2. Partage des besoins repérés\n3. Idées en petits groupes\n"
        f"4. Vote et suites à donner\n\n{FICTITIOUS}",
    ),
    _r(
        "mobiliser-les-capteurs-d-idees-fictif",
        "Fiche méthode : mobiliser les capteurs d'idées (fictif)",
        K.METHOD_SHEET,
        V.NETWORK,
        "pes21",
        ["other"],
        "Élus, associations, entrepreneurs, habitants : qui sont les capteurs d'idées et comment les réunir.",
        FICTITIOUS,
    ),
    _r(
        "reunir-un-comite-de-pilotage-fictif",
        "Fiche méthode : réunir un comité de pilotage (fictif)",
        K.METHOD_SHEET,
        V.PUBLIC,
        "active",
        ["other"],
        "Composer le comité local, préparer la décision go / no-go, en garder la trace.",
        FICTITIOUS,
    ),
    _r(
        "guide-epicerie-solidaire-rurale-fictif",
        "Guide de l'épicerie solidaire en milieu rural (fictif)",
        K.GUIDE,
        V.PUBLIC,
        "fdfr-yonne",
        ["food"],
        "Ouvrir une épicerie solidaire dans un bourg rural : approvisionnement, bénévoles, tarifs différenciés.",
        FICTITIOUS,
        file=("guide-epicerie-solidaire.pdf", "pdf"),
    ),
    _r(
        "guide-du-garage-solidaire-fictif",
        "Guide du garage solidaire (fictif)",
        K.GUIDE,
        V.NETWORK,
        "tag29",
        ["mobility"],
        "Réparer à petit prix pour que la voiture ne soit plus un frein à l'emploi : modèle économique et "
        "partenaires d'un garage solidaire.",
        FICTITIOUS,
        group="mobilite-rurale-fictif",
    ),
    _r(
        "modele-de-convention-de-partenariat-fictif",
        "Modèle de convention de partenariat (fictif)",
        K.DOCUMENT_TEMPLATE,
        V.NETWORK,
        "france-active-bourgogne",
        ["other"],
        "Une convention type entre la structure et un financeur de l'étude d'opportunité.",
        FICTITIOUS,
        file=("convention-partenariat.odt", "odt"),
    ),
    _r(
        "modele-de-budget-previsionnel-fictif",
        "Modèle de budget prévisionnel (fictif)",
        K.DOCUMENT_TEMPLATE,
        V.NETWORK,
        "france-active-franche-comte",
        ["employment"],
        "Le budget des trois premières années d'une activité créée, avec la part des ventes et des subventions.",
        FICTITIOUS,
        file=("budget-previsionnel.xlsx", "xlsx"),
    ),
    _r(
        "trois-ans-d-experimentation-en-limousin-fictif",
        "Retour d'expérience : trois ans d'expérimentation en Limousin (fictif)",
        K.EXPERIENCE_REPORT,
        V.PUBLIC,
        "france-active-nouvelle-aquitaine",
        ["ageing", "mobility"],
        "Ce que l'expérimentation a appris à la structure avant de demander l'appellation.",
        FICTITIOUS,
    ),
    _r(
        "notre-structuration-en-scic-fictif",
        "Retour d'expérience : notre structuration en SCIC (fictif)",
        K.EXPERIENCE_REPORT,
        V.NETWORK,
        "cluster-jura",
        ["other"],
        "Pourquoi et comment la structure est devenue une SCIC, et ce que cela change pour ses partenaires.",
        FICTITIOUS,
    ),
    _r(
        "notes-du-comite-de-pilotage-interne-fictif",
        "Notes internes du comité de pilotage (fictif)",
        K.EXPERIENCE_REPORT,
        V.STRUCTURE,
        "tag29",
        ["mobility"],
        "Notes de travail réservées à l'équipe de la structure.",
        FICTITIOUS,
    ),
)


def _content(spec) -> bytes:
    name, kind = spec["file"]
    title = spec["title"]
    lines = [spec["summary"][:90], spec["summary"][90:180], "Document fictif, pour la démonstration."]
    if kind == "pdf":
        return demo_files.pdf(title, [line for line in lines if line])
    if kind == "odt":
        return demo_files.odt(title, [spec["summary"], "Document fictif, pour la démonstration."])
    return demo_files.xlsx(
        "Données",
        ["Poste", "Année 1", "Année 2", "Année 3"],
        [["Ventes (fictif)", 42000, 58000, 71000], ["Subventions (fictif)", 30000, 22000, 15000]],
    )


def load_library_demo(report: LoadReport) -> None:
    structures = Structure.objects.in_bulk(field_name="slug")
    coordinator = User.objects.filter(is_coordinator=True).order_by("pk").first()
    groups = WorkingGroup.objects.in_bulk(field_name="slug")
    for spec in RESOURCES:
        structure = structures.get(spec["structure"]) if spec["structure"] else None
        values = {
            "title": spec["title"],
            "kind": spec["kind"],
            "summary": spec["summary"],
            "body": spec["body"],
            "link": spec.get("link", ""),
            "themes": spec["themes"],
            "author_structure_id": structure.pk if structure else None,
            "other_authors": spec.get("other_authors", ""),
            "working_group_id": groups[spec["group"]].pk if spec.get("group") in groups else None,
            "visibility": spec["visibility"],
        }
        resource = upsert(report, Resource, {"slug": spec["slug"]}, values)
        if structure is not None:
            author = User.objects.filter(email=f"{structure.slug}@example.org").first()
            sync_m2m(report, resource, "authors", [author] if author else [])
        if spec.get("project"):
            projects = Project.objects.filter(title=spec["project"])
            sync_m2m(report, resource, "projects", list(projects))
        if spec.get("file") and not resource.files.exists():
            upload = ContentFile(_content(spec), name=spec["file"][0])
            services.add_file(resource, coordinator, upload, note="Version de démonstration")
            report.created[str(resource.files.model._meta.verbose_name_plural)] += 1
