"""What any network in the database must satisfy (the demo's, a generated one, an imported one), checked in
SQL so that it costs little at any scale; and a digest of a generated network, by natural keys, to show that
the same seed gives the same data."""

import hashlib

from django.db.models import F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Lag

from fabrique.method.enums import HANDOVER_SUBJECTS, DecisionChoice, NeedStatus, Stage
from fabrique.method.models import Need, Outcome, Project, ProjectStageLog, SteeringDecision
from fabrique.network.enums import StructureStatus as S
from fabrique.network.models import Structure, StructureStatusLog

AFTER_HANDOVER = (Stage.TRANSMISSION, Stage.FEASIBILITY, Stage.LAUNCH, Stage.CREATED)


def _stage_problems() -> dict[str, int]:
    last_log = ProjectStageLog.objects.filter(project=OuterRef("pk")).order_by("-pk").values("to_status")[:1]
    with_last = Project.objects.annotate(last_stage=Subquery(last_log))
    chain = ProjectStageLog.objects.annotate(
        previous=Window(Lag("to_status"), partition_by=[F("project_id")], order_by=F("pk").asc())
    )
    latest_handover = (
        SteeringDecision.objects.filter(project=OuterRef("pk"), subject__in=HANDOVER_SUBJECTS)
        .order_by("-decided_on", "-pk")
        .values("choice")[:1]
    )
    handed_over = Project.objects.filter(stage__in=AFTER_HANDOVER).annotate(handover=Subquery(latest_handover))
    created_ok = Outcome.objects.filter(project__stage=Stage.CREATED, created_on__gte=F("project__detected_on"))
    return {
        "projets dont l'étape n'est pas celle de la dernière ligne du journal": with_last.filter(
            Q(last_stage__isnull=True) | ~Q(stage=F("last_stage"))
        ).count(),
        "lignes du journal des étapes qui ne partent pas de l'étape précédente": chain.filter(
            Q(previous__isnull=True, from_status__gt="") | (Q(previous__isnull=False) & ~Q(previous=F("from_status")))
        ).count(),
        "lignes du journal des étapes sans leur transition": ProjectStageLog.objects.filter(transition="").count(),
        "projets transmis sans décision « go » du comité": handed_over.filter(
            Q(handover__isnull=True) | ~Q(handover=DecisionChoice.GO)
        ).count(),
        "activités créées sans résultat daté": Project.objects.filter(stage=Stage.CREATED).count() - created_ok.count(),
        "projets arrêtés sans l'étape où ils se sont arrêtés": Project.objects.filter(
            stage__in=(Stage.PAUSED, Stage.ABANDONED), stopped_at=""
        ).count(),
    }


def _need_problems() -> dict[str, int]:
    links = Project.needs.through.objects
    return {
        "besoins liés au projet d'une autre structure": links.exclude(
            need__structure_id=F("project__structure_id")
        ).count(),
        "besoins fusionnés dans le besoin d'une autre structure": Need.objects.filter(status=NeedStatus.MERGED)
        .exclude(merged_into__structure_id=F("structure_id"))
        .count(),
    }


def _status_problems() -> dict[str, int]:
    last_log = StructureStatusLog.objects.filter(structure=OuterRef("pk")).order_by("-changed_at", "-pk")
    structures = Structure.objects.annotate(last_status=Subquery(last_log.values("to_status")[:1]))
    return {
        "structures dont le statut n'est pas celui de la dernière ligne du journal": structures.filter(
            Q(last_status__isnull=True) | ~Q(status=F("last_status"))
        ).count(),
        "structures sans les dates de leur statut": Structure.objects.filter(
            Q(status=S.LABELLED, labelled_on__isnull=True)
            | Q(status=S.EXPERIMENTING, experimenting_since__isnull=True)
            | Q(status=S.WITHDRAWN, withdrawn_on__isnull=True)
            | Q(status=S.CANDIDATE, joined_on__isnull=False)
        ).count(),
    }


def problems() -> list[str]:
    """Each broken invariant, as "<what>: <how many>"; empty when the data is consistent."""
    counts = {**_status_problems(), **_stage_problems(), **_need_problems()}
    return [f"{label} : {count}" for label, count in counts.items() if count]


# --- digest -----------------------------------------------------------------------------------------------

DIGEST_QUERIES = (
    (
        "network.Structure",
        ("slug", "name", "status", "joined_on", "experimenting_since", "labelled_on", "withdrawn_on"),
    ),
    ("network.Structure_departements", ("structure__slug", "departement_id")),
    ("network.StructureStatusLog", ("structure__slug", "from_status", "to_status", "changed_at", "note", "via")),
    ("network.Collective_structures", ("collective__slug", "structure__slug")),
    ("network.Partner", ("name", "kind", "siret")),
    ("network.Partnership", ("structure__slug", "partner__name", "partner__siret", "role", "since", "until")),
    ("accounts.User", ("email", "first_name", "last_name", "is_coordinator", "date_joined")),
    ("network.Membership", ("user__email", "structure__slug", "role", "created_at")),
    ("method.CreativitySession", ("structure__slug", "title", "held_on", "departement_id", "participants_count")),
    ("method.Need", ("structure__slug", "title", "theme", "departement_id", "source", "status", "detected_on")),
    ("method.Project", ("slug", "structure__slug", "title", "stage", "stopped_at", "detected_on", "is_public")),
    ("method.Project_needs", ("project__slug", "need__title", "need__detected_on")),
    ("method.ProjectStageLog", ("project__slug", "from_status", "to_status", "changed_at", "note")),
    ("method.SteeringDecision", ("project__slug", "decided_on", "subject", "choice")),
    ("method.ProjectPartner", ("project__slug", "partner__name", "role")),
    ("method.EconomicModel", ("project__slug", "total_budget", "share_sales", "break_even_year")),
    ("method.Outcome", ("project__slug", "created_on", "legal_form", "siret", "jobs_fte", "followup_3y_active")),
    ("library.Resource", ("slug", "title", "kind", "visibility", "author_structure__slug", "updated_at")),
    ("community.Event", ("slug", "title", "kind", "starts_at", "visibility", "organiser__slug")),
    ("community.Registration", ("event__slug", "user__email", "attended")),
)


def _queryset(label: str):
    from django.apps import apps

    app_label, name = label.split(".")
    model_name, _, m2m = name.partition("_")
    if not apps.is_installed(f"fabrique.{app_label}"):
        return None
    model = apps.get_model(app_label, model_name)
    return getattr(model, m2m).through.objects if m2m else model._default_manager


def digest() -> str:
    """A fingerprint of the network's content by natural keys: independent of the ids the database gave."""
    fingerprint = hashlib.sha256()
    for label, fields in DIGEST_QUERIES:
        manager = _queryset(label)
        if manager is None:
            continue
        rows = sorted(repr(row) for row in manager.values_list(*fields))
        fingerprint.update(f"{label}:{len(rows)}\n".encode())
        for row in rows:
            fingerprint.update(row.encode())
    return fingerprint.hexdigest()
