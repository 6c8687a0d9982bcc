"""The method's generated data: creativity sessions, needs, projects with their whole stage log, steering
decisions, partners, economic models, outcomes and notes.

Every project follows the rules of `method.stages`: forward one stage at a time, backward and stops with a
note, a paused project resumes where it stopped, transmission only after a "go" on the hand-over, `created`
with its outcome; its log is checked by the method's bulk path (`services.checked_stage_history`, via
"generator"). Its `stage` is the `to_status` of its last log row.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils.text import slugify

from fabrique.method import services
from fabrique.method.demo_data import REVENUE_MIXES
from fabrique.method.enums import STAGE_ORDER, CarrierKind, DecisionChoice, DecisionSubject, LegalForm, NeedSource
from fabrique.method.enums import NeedStatus as N
from fabrique.method.enums import Stage as St
from fabrique.method.models import (
    CreativitySession,
    EconomicModel,
    Need,
    Outcome,
    Project,
    ProjectNote,
    ProjectPartner,
    ProjectStageLog,
    SteeringDecision,
)
from fabrique.method.models.steering import years_after
from fabrique.network.enums import StructureStatus

from . import words as W
from .index import IndexRows
from .network import (
    ANCHOR,
    GENERATED_VIA,
    Plan,
    StructureInfo,
    allocate,
    at,
    bulk,
    commune,
    days_between,
    installed,
    person,
    siret,
)
from .sql import Writer

TARGET_SHARES = (
    (St.DETECTION, 28),
    (St.OPPORTUNITY, 18),
    (St.TRANSMISSION, 8),
    (St.FEASIBILITY, 8),
    (St.LAUNCH, 6),
    (St.CREATED, 12),
    (St.ABANDONED, 15),
    (St.PAUSED, 5),
)
STOP_SHARES = ((St.DETECTION, 30), (St.OPPORTUNITY, 35), (St.TRANSMISSION, 10), (St.FEASIBILITY, 15), (St.LAUNCH, 10))
SOURCES = [source for source in NeedSource.values if source != NeedSource.CREATIVITY_SESSION]
ROLES = ("funder", "steering_committee", "expert", "prescriber")
CHUNK = 25  # structures written together


# --- creativity sessions ----------------------------------------------------------------------------------


def generate_sessions(plan: Plan) -> None:
    structures = plan.structures
    counts = allocate(plan.scale.sessions, [info.weight for info in structures])
    rows, owners, partner_links = [], [], []
    for info, count in zip(structures, counts, strict=True):
        rng = plan.rng("sessions", info.slug)
        for number in range(count):
            place = commune(rng)
            held_on = days_between(rng, info.start, info.end)
            rows.append(
                CreativitySession(
                    structure_id=info.pk,
                    title=f"Séance de créativité n° {number + 1} à {place} {W.FICTITIOUS}",
                    held_on=held_on,
                    place=f"{place}, salle communale",
                    departement_id=rng.choice(info.codes),
                    organisers=f"{info.name} et ses partenaires",
                    participants_count=rng.randint(8, 60),
                    description="Séance fictive, générée pour mesurer la plateforme.",
                    created_by_id=info.admin_pk,
                    created_at=at(held_on, 18),
                    updated_at=at(held_on, 18),
                )
            )
            owners.append(info)
            partner_links.append(rng.choice(info.partner_pks) if info.partner_pks and rng.random() < 0.5 else None)
    bulk(plan, "séances de créativité", rows)
    through = CreativitySession.partners.through
    links = []
    for session, info, partner in zip(rows, owners, partner_links, strict=True):
        info.sessions.append((session.pk, session.held_on, session.departement_id))
        if partner:
            links.append(through(creativitysession_id=session.pk, partner_id=partner))
    bulk(plan, "partenaires des séances", links)


# --- stage paths ------------------------------------------------------------------------------------------


def plan_moves(rng: random.Random, target: str) -> list[tuple[str, str, str]]:
    """(from, to, note) of a project that ends at `target`, with occasional backward and pause episodes."""
    if target in STAGE_ORDER:
        forward, ending = list(STAGE_ORDER[: STAGE_ORDER.index(target) + 1]), None
    else:
        stop = rng.choices([s for s, _ in STOP_SHARES], weights=[w for _, w in STOP_SHARES])[0]
        forward, ending = list(STAGE_ORDER[: STAGE_ORDER.index(stop) + 1]), target
    moves = [("", St.DETECTION, "Projet ouvert")]
    for position, stage in enumerate(forward[1:], start=1):
        moves.append((forward[position - 1], stage, W.STEP_NOTES[stage]))
        if stage == St.CREATED:
            continue
        draw = rng.random()
        if draw < 0.04:
            moves += [(stage, forward[position - 1], W.BACK_NOTE), (forward[position - 1], stage, W.STEP_NOTES[stage])]
        elif draw < 0.07:
            moves += [(stage, St.PAUSED, rng.choice(W.STOP_NOTES["paused"])), (St.PAUSED, stage, W.RESUME_NOTE)]
    if ending:
        moves.append((moves[-1][1], ending, rng.choice(W.STOP_NOTES[ending])))
    return moves


def _gap(rng: random.Random, to: str, frm: str) -> int:
    if to == St.PAUSED or frm == St.PAUSED:
        return rng.randint(60, 300)
    if frm in STAGE_ORDER and to in STAGE_ORDER and STAGE_ORDER.index(to) < STAGE_ORDER.index(frm):
        return rng.randint(15, 60)
    return rng.randint(30, 160)


def date_moves(rng: random.Random, info: StructureInfo, moves: list[tuple[str, str, str]]) -> list[date]:
    """Days of the moves, inside the structure's working period; unfinished projects moved recently."""
    gaps = [_gap(rng, to, frm) for frm, to, _note in moves[1:]]
    window = max(1, (info.end - info.start).days)
    total = sum(gaps)
    if total > window * 0.9:
        gaps = [max(1, gap * int(window * 0.9) // total) for gap in gaps]
        total = sum(gaps)
    slack = max(0, window - total)
    last = moves[-1][1]
    if last in (St.CREATED, St.ABANDONED):
        first = info.start + timedelta(days=rng.randint(0, slack))
    else:
        first = info.end - timedelta(days=total + rng.randint(0, min(slack, 400)))
    days = [first]
    for gap in gaps:
        days.append(days[-1] + timedelta(days=gap))
    return days


def _decisions(moves: list[tuple[str, str, date, str]], rng: random.Random) -> list[tuple[date, str, str, str]]:
    decisions, seen = [], set()
    for index, (frm, to, day, _note) in enumerate(moves):
        if to == St.OPPORTUNITY and to not in seen:
            note = "Comité fictif : le besoin est confirmé, l'étude d'opportunité est lancée."
            decisions.append((day, DecisionSubject.LAUNCH_STUDY, DecisionChoice.GO, note))
        if to == St.TRANSMISSION and to not in seen:
            gap = (day - moves[index - 1][2]).days
            if gap >= 8 and rng.random() < 0.1:
                note = "Comité fictif : le porteur pressenti doit préciser son plan de financement."
                decisions.append(
                    (
                        moves[index - 1][2] + timedelta(days=gap // 4),
                        DecisionSubject.HANDOVER,
                        DecisionChoice.POSTPONED,
                        note,
                    )
                )
            note = "Comité fictif : go pour la transmission au porteur."
            decisions.append(
                (day - timedelta(days=min(7, gap // 2)), DecisionSubject.HANDOVER, DecisionChoice.GO, note)
            )
        if to == St.ABANDONED and frm != St.DETECTION:
            note = "Comité fictif : no-go, le projet s'arrête."
            decisions.append((day, DecisionSubject.GO_NO_GO, DecisionChoice.NO_GO, note))
        seen.add(to)
    return decisions


def _carrier(rng: random.Random) -> dict:
    draw = rng.random()
    if draw < 0.5:
        first, last, _ = person(rng)
        email = f"{first}.{last}@example.org".lower().replace(" ", "-")
        return {
            "carrier_name": f"{first} {last} {W.FICTITIOUS}",
            "carrier_kind": CarrierKind.NEW_ENTREPRENEUR,
            "carrier_contact": email,
        }
    kind = CarrierKind.ESS_ORGANISATION if draw < 0.85 else CarrierKind.INHABITANTS_COLLECTIVE
    name = rng.choice(W.CARRIER_ORGANISATIONS).format(place=commune(rng))
    return {"carrier_name": f"{name} {W.FICTITIOUS}", "carrier_kind": kind, "carrier_contact": "contact@example.org"}


def _economic(rng: random.Random, day: date) -> dict:
    sales, public, private, other = rng.choice(REVENUE_MIXES)
    return {
        "total_budget": Decimal(rng.randint(6, 80) * 5000),
        "share_sales": sales,
        "share_public_subsidies": public,
        "share_private_funding": private,
        "share_other": other,
        "break_even_year": day.year + rng.randint(2, 4),
        "jobs_planned_fte": Decimal(rng.randint(2, 16)) / 2,
    }


def _outcome(rng: random.Random, created_on: date) -> dict:
    jobs = Decimal(rng.randint(1, 16)) / 2
    values = {
        "created_on": created_on,
        "legal_form": rng.choice([LegalForm.ASSOCIATION, LegalForm.SCIC, LegalForm.SCOP, LegalForm.ESUS_COMPANY]),
        "siret": siret(rng) if rng.random() < 0.6 else "",
        "jobs_fte": jobs,
        "note": "Activité et chiffres fictifs, générés pour mesurer la plateforme.",
    }
    for years, active, jobs_field in (
        (1, "followup_1y_active", "followup_1y_jobs_fte"),
        (3, "followup_3y_active", "followup_3y_jobs_fte"),
    ):
        if years_after(created_on, years) <= ANCHOR:
            alive = rng.random() < (0.9 if years == 1 else 0.75)
            values[active] = alive
            values[jobs_field] = jobs + Decimal(rng.randint(0, 4)) / 2 if alive else Decimal(0)
    return values


# --- needs and projects -----------------------------------------------------------------------------------

NEED_COLUMNS = [
    "structure_id", "title", "description", "theme", "departement_id", "commune", "source", "session_id",
    "brought_by_name", "brought_by_contact", "brought_by_consent", "detected_on", "status", "status_reason",
    "merged_into_id", "created_by_id", "created_at", "updated_at", "version",
]  # fmt: skip
PROJECT_COLUMNS = [
    "structure_id", "title", "slug", "summary", "theme", "detected_on", "stage", "stopped_at", "stop_reason",
    "stage_changed_at", "carrier_name", "carrier_kind", "carrier_contact", "is_public", "created_by_id",
    "created_at", "updated_at", "version",
]  # fmt: skip
ECONOMIC_COLUMNS = [
    "project_id", "total_budget", "share_sales", "share_public_subsidies", "share_private_funding", "share_other",
    "break_even_year", "jobs_planned_fte", "updated_at", "version",
]  # fmt: skip
OUTCOME_COLUMNS = [
    "project_id", "created_on", "legal_form", "siret", "jobs_fte", "followup_1y_active", "followup_1y_jobs_fte",
    "followup_3y_active", "followup_3y_jobs_fte", "note", "updated_at", "version",
]  # fmt: skip


class MethodTables:
    def __init__(self, writer: Writer):
        self.writer = writer
        table = writer.table
        self.needs = table("needs", Need, NEED_COLUMNS, "besoins")
        self.projects = table("projects", Project, PROJECT_COLUMNS, "projets")
        self.project_needs = table(
            "project-needs", Project.needs.through, ["project_id", "need_id"], "besoins des projets", with_id=False
        )
        self.project_places = table(
            "project-places",
            Project.departements.through,
            ["project_id", "departement_id"],
            "départements des projets",
            with_id=False,
        )
        self.logs = table(
            "logs",
            ProjectStageLog,
            [
                "project_id",
                "from_status",
                "to_status",
                "transition",
                "changed_at",
                "changed_by_id",
                "note",
                "via",
                "dated",
            ],
            "changements d'étape",
            with_id=False,
        )
        decision_columns = ["project_id", "decided_on", "subject", "choice", "attendees", "note", "recorded_by_id"]
        self.decisions = table(
            "decisions", SteeringDecision, [*decision_columns, "recorded_at", "version"], "décisions de comité"
        )
        self.attendees = table(
            "attendees",
            SteeringDecision.attendee_partners.through,
            ["steeringdecision_id", "partner_id"],
            "partenaires présents aux comités",
            with_id=False,
        )
        self.partners = table(
            "project-partners",
            ProjectPartner,
            ["project_id", "partner_id", "role", "note", "version"],
            "partenaires des projets",
            with_id=False,
        )
        self.economic = table("economic", EconomicModel, ECONOMIC_COLUMNS, "modèles économiques", with_id=False)
        self.outcomes = table("outcomes", Outcome, OUTCOME_COLUMNS, "résultats", with_id=False)
        self.notes = table(
            "notes",
            ProjectNote,
            ["project_id", "author_id", "written_at", "text", "version"],
            "notes de suivi",
            with_id=False,
        )
        self.index = IndexRows(writer) if installed("search") else None


def _need(
    tables: MethodTables,
    rng,
    info: StructureInfo,
    idea,
    day: date,
    status: str,
    code: str,
    source: str,
    session=None,
    merged_into=None,
) -> int:
    place = commune(rng)
    named = rng.random() < 0.6
    first, last, _ = person(rng)
    title = f"{idea[1]} à {place} {W.FICTITIOUS}"
    description = f"{rng.choice(W.NEED_DETAILS)} Besoin fictif, généré pour mesurer la plateforme."
    stamp = at(day, 10)
    pk = tables.needs.add(
        info.pk, title, description, idea[0], code, place, source, session,
        f"{first} {last} {W.FICTITIOUS}" if named else "",
        f"{first}.{last}@example.org".lower().replace(" ", "-") if named else "",
        named, day, status, rng.choice(W.DISMISS_REASONS) if status == N.DISMISSED else "",
        merged_into, info.admin_pk, stamp, stamp, 1,
    )  # fmt: skip
    if tables.index is not None:
        tables.index.need(pk, info.pk, title, description, idea[0], code, place, status, day)
    return pk


def _project(tables: MethodTables, rng: random.Random, info: StructureInfo, index: int, number: int, target: str):
    idea = rng.choice(W.IDEAS_ALL)
    planned = plan_moves(rng, target)
    days = date_moves(rng, info, planned)
    moves = [(frm, to, day, note) for (frm, to, note), day in zip(planned, days, strict=True)]
    reached = {to for _frm, to, _day, _note in moves}
    final = moves[-1][1]
    stopped = final in (St.ABANDONED, St.PAUSED)
    place = commune(rng)
    codes = [rng.choice(info.codes)]
    if len(info.codes) > 1 and rng.random() < 0.1:
        codes = sorted({*codes, rng.choice(info.codes)})
    row = {
        "structure_id": info.pk,
        "title": f"{idea[2]} — {place} {W.FICTITIOUS}",
        "slug": f"{slugify(f'{idea[2]} {place}')[:70]}-{index + 1}-{number + 1}",
        "summary": f"{idea[3]}\n\nProjet fictif, généré pour mesurer la plateforme.",
        "theme": idea[0],
        "detected_on": days[0],
        "stage": final,
        "stopped_at": moves[-2][1] if stopped else "",
        "stop_reason": moves[-1][3] if stopped else "",
        "stage_changed_at": at(days[-1]),
        "carrier_name": "",
        "carrier_kind": "",
        "carrier_contact": "",
        "is_public": final == St.CREATED and rng.random() < 0.7,
        "created_by_id": info.admin_pk,
        "created_at": at(days[0], 10),
        "updated_at": at(days[-1], 14),
        "version": len(moves),
    }
    if St.TRANSMISSION in reached:
        row.update(_carrier(rng))
    pk = tables.projects.add(*(row[column] for column in PROJECT_COLUMNS))
    if tables.index is not None:
        tables.index.project(pk, row, info.name, codes)
    if final == St.CREATED:
        info.created_projects.append(pk)
    for code in codes:
        tables.project_places.add(pk, code)
    for extra in range(rng.choices((0, 1, 2), weights=(5, 80, 15))[0]):
        day = max(info.start, days[0] - timedelta(days=rng.randint(0, 90) if extra else 0))
        need = _need(tables, rng, info, idea, day, N.QUALIFIED, codes[0], rng.choice(SOURCES))
        tables.project_needs.add(pk, need)
    # the method's bulk path checks the chain against its table and names each transition
    history = services.checked_stage_history(
        ({"from_status": frm, "to_status": to, "note": note} for frm, to, _day, note in moves), start=""
    )
    for entry, (_frm, _to, day, _note) in zip(history, moves, strict=True):
        tables.logs.add(pk, entry["from_status"], entry["to_status"], entry["transition"], at(day), info.admin_pk,
                        entry["note"], GENERATED_VIA, True)  # fmt: skip
    attendee = rng.choice(info.partner_pks) if info.partner_pks and rng.random() < 0.25 else None
    for day, subject, choice, note in _decisions(moves, rng):
        attendees = "Élu·es et partenaires du territoire (fictif)"
        decision = tables.decisions.add(pk, day, subject, choice, attendees, note, info.admin_pk, at(day, 18), 1)
        if attendee:
            tables.attendees.add(decision, attendee)
    if St.OPPORTUNITY in reached and info.partner_pks:
        chosen = rng.sample(info.partner_pks, min(len(info.partner_pks), rng.randint(1, 2)))
        for partner, role in zip(chosen, rng.sample(ROLES, len(chosen)), strict=True):
            tables.partners.add(pk, partner, role, W.FICTITIOUS, 1)
    if St.FEASIBILITY in reached:
        values = _economic(rng, next(day for _f, to, day, _n in moves if to == St.FEASIBILITY))
        tables.economic.add(pk, *(values[c] for c in ECONOMIC_COLUMNS[1:-2]), row["updated_at"], 1)
    if final == St.CREATED:
        values = _outcome(rng, days[-1])
        tables.outcomes.add(pk, *(values.get(c) for c in OUTCOME_COLUMNS[1:-2]), row["updated_at"], 1)
    if rng.random() < 0.2:
        tables.notes.add(pk, info.admin_pk, at(days_between(rng, days[0], days[-1]), 16), rng.choice(W.NOTE_TEXTS), 1)


def _standalone_needs(tables: MethodTables, rng: random.Random, info: StructureInfo, count: int) -> None:
    targets: list[int] = []
    for _ in range(count):
        idea = rng.choice(W.IDEAS_ALL)
        status = rng.choices((N.NEW, N.QUALIFIED, N.DISMISSED, N.MERGED), weights=(40, 20, 25, 15))[0]
        if status == N.MERGED and not targets:
            status = N.NEW
        merged_into = rng.choice(targets) if status == N.MERGED else None
        session = rng.choice(info.sessions) if info.sessions and rng.random() < 0.25 else None
        if session:
            pk = _need(tables, rng, info, idea, session[1], status, session[2], NeedSource.CREATIVITY_SESSION,
                       session[0], merged_into)  # fmt: skip
        else:
            day = days_between(rng, info.start, info.end)
            pk = _need(tables, rng, info, idea, day, status, rng.choice(info.codes), rng.choice(SOURCES), None,
                       merged_into)  # fmt: skip
        if status != N.MERGED:
            targets.append(pk)


def generate_method(plan: Plan) -> None:
    generate_sessions(plan)
    writer = Writer()
    tables = MethodTables(writer)
    structures = plan.structures
    weights = [info.weight for info in structures]
    needs_per = allocate(plan.scale.needs, weights)
    projects_per = allocate(plan.scale.projects, weights)
    targets = [stage for stage, _ in TARGET_SHARES]
    target_weights = [share for _, share in TARGET_SHARES]
    for index, info in enumerate(structures):
        if info.status == StructureStatus.CANDIDATE:
            continue
        rng = plan.rng("method", info.slug)
        before = tables.needs.next_id
        for number in range(projects_per[index]):
            _project(tables, rng, info, index, number, rng.choices(targets, weights=target_weights)[0])
        linked = tables.needs.next_id - before
        _standalone_needs(tables, rng, info, max(0, needs_per[index] - linked))
        if index % CHUNK == CHUNK - 1:
            writer.flush()
    writer.flush()
    writer.reset_sequences()
    for label, count in writer.counts().items():
        plan.counts[label] = plan.counts.get(label, 0) + count
