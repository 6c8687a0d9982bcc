"""`fabrique demo`: the method's demo data, after the network's (structures, partners, demo logins).

For each demo structure, a deterministic set (fixed random seed) of needs, creativity sessions and projects, one
project at each stage, all marked "(fictif)"; and the Conciergerie d'Ampère as a public created activity. Rows
are found by their structure and title: a second run changes nothing.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from fabrique.accounts.models import User
from fabrique.core.demo_support import CHANGE_REASON, DEMO_VIA, LoadReport, member_email, sync_m2m, upsert
from fabrique.core.slugs import unique_slug
from fabrique.network import demo_data as network_data
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Partner, Structure

from . import demo_data as D
from . import services
from .enums import STAGE_ORDER, CarrierKind, DecisionChoice, DecisionSubject, LegalForm, NeedSource, NeedStatus
from .enums import Stage as S
from .models import (
    CreativitySession,
    EconomicModel,
    Need,
    Outcome,
    Project,
    ProjectPartner,
    SteeringDecision,
)
from .models.steering import years_after

TARGETS = (S.DETECTION, S.OPPORTUNITY, S.TRANSMISSION, S.FEASIBILITY, S.LAUNCH, S.CREATED, S.ABANDONED, S.PAUSED)
PATHS = {
    **{stage: STAGE_ORDER[: STAGE_ORDER.index(stage) + 1] for stage in STAGE_ORDER},
    S.ABANDONED: (S.DETECTION, S.OPPORTUNITY, S.ABANDONED),
    S.PAUSED: (S.DETECTION, S.OPPORTUNITY, S.TRANSMISSION, S.FEASIBILITY, S.PAUSED),
}
STEP_NOTES = {
    S.OPPORTUNITY: "Le comité de pilotage lance l'étude d'opportunité (fictif).",
    S.TRANSMISSION: "Go du comité : le projet est transmis à son porteur (fictif).",
    S.FEASIBILITY: "Le porteur engage l'étude de faisabilité et le business plan social (fictif).",
    S.LAUNCH: "Accompagnement au lancement : financements et recrutements (fictif).",
    S.CREATED: "L'activité est créée (fictif).",
    S.ABANDONED: "No-go du comité : pas de modèle économique viable sans porteur identifié (fictif).",
    S.PAUSED: "En attente des financements de l'investissement (fictif).",
}
ROLES = ("funder", "steering_committee", "expert", "prescriber")


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def _create(report: LoadReport, instance):
    instance._change_reason = CHANGE_REASON
    instance.full_clean(validate_unique=False, validate_constraints=False)
    instance.save()
    report.note(instance, created=True)
    return instance


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(D.FIRST_NAMES), rng.choice(D.LAST_NAMES)
    return f"{first} {last} {D.FICTITIOUS}", f"{slugify(first)}.{slugify(last)}@example.org"


def _sessions(report, structure, rng, departements, partners) -> list[CreativitySession]:
    sessions = []
    for index in range(2):
        code = departements[index % len(departements)]
        commune = rng.choice(D.COMMUNES[code])
        held_on = date(2022, 3, 1) + timedelta(days=rng.randint(0, 900))
        session = upsert(
            report,
            CreativitySession,
            {"structure_id": structure.pk, "title": f"Séance de créativité n° {index + 1} à {commune} {D.FICTITIOUS}"},
            {
                "held_on": held_on,
                "place": f"{commune}, salle communale",
                "departement_id": code,
                "organisers": f"{structure.name} et ses partenaires {D.FICTITIOUS}",
                "participants_count": rng.randint(12, 45),
                "description": "Séance fictive, pour la démonstration.",
            },
        )
        sync_m2m(report, session, "partners", rng.sample(partners, min(2, len(partners))))
        sessions.append(session)
    return sessions


def _needs(report, structure, rng, ideas, departements, sessions) -> list[Need]:
    needs = []
    for index, (theme, heard, _project, _summary) in enumerate(ideas):
        code = departements[index % len(departements)]
        from_session = index in (0, 1, 8)
        name, contact = _person(rng)
        status = NeedStatus.QUALIFIED if index < len(TARGETS) else (NeedStatus.NEW, NeedStatus.DISMISSED)[index % 2]
        values = {
            "theme": theme,
            "description": "Besoin fictif, pour la démonstration.",
            "departement_id": code,
            "commune": rng.choice(D.COMMUNES[code]),
            "source": NeedSource.CREATIVITY_SESSION if from_session else rng.choice(NeedSource.values[:6]),
            "session_id": sessions[index % 2].pk if from_session else None,
            "brought_by_name": name,
            "brought_by_contact": contact,
            "brought_by_consent": True,
            "detected_on": date(2022, 1, 10) + timedelta(days=rng.randint(0, 420)),
            "status": status,
            "status_reason": "Besoin déjà couvert par une structure voisine (fictif)."
            if status == NeedStatus.DISMISSED
            else "",
        }
        needs.append(upsert(report, Need, {"structure_id": structure.pk, "title": f"{heard} {D.FICTITIOUS}"}, values))
    return needs


def _stage_dates(rng, start: date, path) -> list[date]:
    days = [start]
    for _stage in path[1:]:
        days.append(days[-1] + timedelta(days=rng.randint(45, 110)))
    return days


def _decision(report, project, day, subject, choice, partners, note):
    decision = _create(
        report,
        SteeringDecision(project=project, decided_on=day, subject=subject, choice=choice, note=note),
    )
    decision.attendee_partners.set(partners)
    return decision


def _log(report, project, path, days, author) -> None:
    """Through the method's bulk path: a path the stage table refuses stops the load."""
    steps = zip(("", *path[:-1]), path, days, strict=True)
    rows = services.stage_history(
        project.pk,
        [
            {
                "from_status": previous,
                "to_status": stage,
                "changed_at": _noon(day),
                "changed_by": author,
                "note": STEP_NOTES[stage] if previous else "Projet ouvert",
                "via": DEMO_VIA,
            }
            for previous, stage, day in steps
        ],
        start="",
    )
    for row in services.write_stage_history(rows):
        report.note(row, created=True)


def _children(report, project, rng, path, days, partners, outcome: dict | None) -> None:
    """Decisions, partners, economic model and outcome of a demo project, consistent with its stage path."""
    when = dict(zip(path, days, strict=True))
    committee = partners[:2]
    if S.OPPORTUNITY in when:
        note = "Comité fictif : le besoin est confirmé, l'étude d'opportunité est lancée."
        _decision(
            report, project, when[S.OPPORTUNITY], DecisionSubject.LAUNCH_STUDY, DecisionChoice.GO, committee, note
        )
        for partner, role in zip(partners[:2], rng.sample(ROLES, 2), strict=False):
            _create(report, ProjectPartner(project=project, partner=partner, role=role, note=D.FICTITIOUS))
    if S.TRANSMISSION in when:
        day = when[S.TRANSMISSION] - timedelta(days=7)
        note = "Comité fictif : go pour la transmission au porteur."
        _decision(report, project, day, DecisionSubject.HANDOVER, DecisionChoice.GO, committee, note)
    if S.ABANDONED in when:
        note = "Comité fictif : aucun porteur ne s'est manifesté."
        _decision(report, project, when[S.ABANDONED], DecisionSubject.GO_NO_GO, DecisionChoice.NO_GO, committee, note)
    if S.FEASIBILITY in when:
        sales, public, private, other = rng.choice(D.REVENUE_MIXES)
        _create(
            report,
            EconomicModel(
                project=project,
                total_budget=rng.randint(6, 60) * 5000,
                share_sales=sales,
                share_public_subsidies=public,
                share_private_funding=private,
                share_other=other,
                break_even_year=when[S.FEASIBILITY].year + rng.randint(2, 4),
                jobs_planned_fte=Decimal(rng.randint(2, 12)) / 2,
            ),
        )
    if outcome is not None:
        created_on = when[S.CREATED]
        followup = years_after(created_on, 1) <= timezone.localdate()
        _create(
            report,
            Outcome(
                project=project,
                created_on=created_on,
                followup_1y_active=True if followup else None,
                followup_1y_jobs_fte=outcome["jobs_fte"] if followup else None,
                **outcome,
            ),
        )


def _project(report, structure, author, spec: dict, rng, partners) -> Project | None:
    """Create the project of `spec` with its whole history, unless it exists (then nothing changes)."""
    if Project.objects.filter(structure=structure, title=spec["title"]).exists():
        return None
    path, days = spec["path"], spec["days"]
    stage = path[-1]
    stopped = stage in (S.ABANDONED, S.PAUSED)
    project = Project(
        structure=structure,
        title=spec["title"],
        slug=unique_slug(Project, spec["title"], "projet"),
        summary=spec["summary"],
        theme=spec["theme"],
        detected_on=days[0],
        stage=stage,
        stopped_at=path[-2] if stopped else "",
        stop_reason=STEP_NOTES[stage] if stopped else "",
        stage_changed_at=_noon(days[-1]),
        is_public=stage == S.CREATED,
        version=len(path),
        created_by=author,
        **spec.get("carrier", {}),
    )
    _create(report, project)
    project.departements.set(spec["departements"])
    project.needs.set(spec["needs"])
    _log(report, project, path, days, author)
    _children(report, project, rng, path, days, partners, spec.get("outcome"))
    return project


def _carrier(rng, index: int) -> dict:
    if index % 2:
        name, contact = _person(rng)
        return {"carrier_name": name, "carrier_kind": CarrierKind.NEW_ENTREPRENEUR, "carrier_contact": contact}
    return {
        "carrier_name": f"Association Les Ateliers du Pays {D.FICTITIOUS}",
        "carrier_kind": CarrierKind.ESS_ORGANISATION,
        "carrier_contact": "contact@ateliers-du-pays.example.org",
    }


def _structure_demo(report, structure: Structure, author) -> None:
    rng = random.Random(f"fabrique-method-demo:{structure.slug}")  # noqa: S311 - deterministic demo data
    departements = sorted(structure.departements.values_list("code", flat=True))
    partners = list(Partner.objects.filter(partnerships__structure=structure).distinct().order_by("name"))
    ideas = rng.sample(D.IDEAS, 10)
    sessions = _sessions(report, structure, rng, departements, partners)
    needs = _needs(report, structure, rng, ideas, departements, sessions)
    for index, target in enumerate(TARGETS):
        theme, _heard, title, summary = ideas[index]
        need = needs[index]
        path = PATHS[target]
        spec = {
            "title": f"{title} {D.FICTITIOUS}",
            "summary": f"{summary}\n\nProjet fictif, pour la démonstration.",
            "theme": theme,
            "path": path,
            "days": _stage_dates(rng, need.detected_on, path),
            "departements": [need.departement_id],
            "needs": [need],
        }
        if S.TRANSMISSION in path:
            spec["carrier"] = _carrier(rng, index)
        if target == S.CREATED:
            legal_form = rng.choice([LegalForm.ASSOCIATION, LegalForm.SCIC, LegalForm.SCOP, LegalForm.ESUS_COMPANY])
            spec["outcome"] = {
                "legal_form": legal_form,
                "jobs_fte": Decimal(rng.randint(2, 10)) / 2,
                "note": "Activité et chiffres fictifs (démonstration).",
            }
        _project(report, structure, author, spec, rng, partners)


def _conciergerie(report) -> None:
    spec = D.CONCIERGERIE
    structure = Structure.objects.filter(slug=spec["structure"]).first()
    if structure is None:
        raise LookupError("La structure France Active Alsace manque : chargez d'abord le réseau de démonstration.")
    author = User.objects.filter(email=member_email(structure.slug)).first()
    need = upsert(
        report,
        Need,
        {"structure_id": structure.pk, "title": spec["need_title"]},
        {
            "theme": spec["theme"],
            "description": "Besoin exprimé lors de la démarche de la Fabrique (formulation fictive).",
            "departement_id": spec["departement"],
            "commune": spec["commune"],
            "source": NeedSource.TERRITORIAL_DIAGNOSIS,
            "detected_on": spec["detected_on"],
            "status": NeedStatus.QUALIFIED,
        },
    )
    partners = list(Partner.objects.filter(partnerships__structure=structure).distinct().order_by("name"))
    rng = random.Random("fabrique-method-demo:conciergerie-ampere")  # noqa: S311 - deterministic demo data
    outcome = {"legal_form": spec["legal_form"], "jobs_fte": spec["jobs_fte"], "note": spec["outcome_note"]}
    _project(
        report,
        structure,
        author,
        {
            "title": spec["title"],
            "summary": spec["summary"],
            "theme": spec["theme"],
            "path": STAGE_ORDER,
            "days": [spec["detected_on"], *spec["steps"]],
            "departements": [spec["departement"]],
            "needs": [need],
            "outcome": outcome,
        },
        rng,
        partners,
    )


def load_method_demo(report: LoadReport | None = None) -> LoadReport:
    """Load the method's demo data; assumes the demo network is loaded. Idempotent."""
    report = report if report is not None else LoadReport()
    slugs = [seed.slug for seed in network_data.STRUCTURES if seed.status != StructureStatus.CANDIDATE]
    structures = Structure.objects.in_bulk(slugs, field_name="slug")
    missing = [slug for slug in slugs if slug not in structures]
    if missing:
        raise LookupError(f"Structures de démonstration absentes : {', '.join(missing)} ; chargez d'abord le réseau.")
    _conciergerie(report)
    for slug in slugs:
        author = User.objects.filter(email=member_email(slug)).first()
        _structure_demo(report, structures[slug], author)
    return report
