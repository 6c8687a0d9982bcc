"""The generated network's scales and plan, its structures, collectives, partners and accounts.

Every random choice comes from a generator seeded by (seed, topic, index) and every date is counted from ANCHOR:
the same seed gives the same data, whatever the day of the run.
"""

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import models
from django.utils.text import slugify

from fabrique.accounts.models import User
from fabrique.core.demo_support import COORDINATOR_EMAIL, DEMO_PASSWORD, member_email
from fabrique.network.enums import MembershipRole, PartnerKind
from fabrique.network.enums import StructureStatus as S
from fabrique.network.models import Collective, Membership, Partner, Partnership, Structure
from fabrique.network.services import status_history
from fabrique.network.validators import luhn_ok
from fabrique.territories.models import Departement

from . import words as W

ANCHOR = date(2026, 6, 30)  # the last day of generated activity
FIRST_DAY = date(2011, 1, 1)
PARIS = ZoneInfo("Europe/Paris")
BATCH = 2000
GENERATED_VIA = "generator"


@dataclass(frozen=True)
class Scale:
    name: str
    structures: int
    collectives: int
    partners: int
    partnerships: int
    needs: int
    projects: int
    sessions: int
    resources: int
    events: int
    users: int


SCALES = {
    "small": Scale("small", 20, 3, 120, 240, 600, 200, 40, 40, 12, 60),
    "medium": Scale("medium", 200, 20, 2_000, 4_000, 30_000, 10_000, 1_000, 1_000, 200, 400),
    "large": Scale("large", 1_000, 100, 10_000, 20_000, 300_000, 100_000, 10_000, 10_000, 2_000, 2_000),
}


@dataclass
class StructureInfo:
    """What the later steps need to know about a generated structure."""

    pk: int
    slug: str
    name: str
    status: str
    codes: list[str]
    region: str
    start: date  # its method work is dated from here…
    end: date  # …to here
    weight: float
    admin_pk: int | None = None
    member_pks: list[int] = field(default_factory=list)
    partner_pks: list[int] = field(default_factory=list)
    sessions: list[tuple[int, date, str]] = field(default_factory=list)
    created_projects: list[int] = field(default_factory=list)


@dataclass
class Plan:
    scale: Scale
    seed: int
    regions: dict[str, list[str]] = field(default_factory=dict)  # région code → département codes
    structures: list[StructureInfo] = field(default_factory=list)
    partner_regions: dict[str, list[int]] = field(default_factory=dict)
    coordinator_pk: int | None = None
    partner_user_pks: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def rng(self, topic: str, index: object = "") -> random.Random:
        return random.Random(f"{self.seed}:{topic}:{index}")

    def active_structures(self) -> list[StructureInfo]:
        return [info for info in self.structures if info.status != S.CANDIDATE]


@dataclass
class GenerationReport:
    scale: str
    seed: int
    counts: dict[str, int]
    timings: dict[str, float]

    @property
    def seconds(self) -> float:
        return sum(self.timings.values())

    def lines(self) -> list[str]:
        lines = [f"Réseau généré (échelle {self.scale}, graine {self.seed}) en {self.seconds:.1f} s :"]
        lines += [f"  {label} : {count:,}".replace(",", " ") for label, count in self.counts.items()]
        lines += ["Durées :"] + [f"  {step} : {seconds:.1f} s" for step, seconds in self.timings.items()]
        return lines


# --- helpers ----------------------------------------------------------------------------------------------


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, clock(hour), tzinfo=PARIS)


def days_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def allocate(total: int, weights: list[float]) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainders), so the parts add up exactly."""
    mass = sum(weights)
    if total <= 0 or mass <= 0:
        return [0] * len(weights)
    shares = [total * weight / mass for weight in weights]
    parts = [int(share) for share in shares]
    order = sorted(range(len(weights)), key=lambda i: (parts[i] - shares[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def siret(rng: random.Random) -> str:
    body = f"{rng.randint(1, 9)}{rng.randint(0, 10**12 - 1):012d}"
    return next(body + str(key) for key in range(10) if luhn_ok(body + str(key)))


def commune(rng: random.Random) -> str:
    link = rng.choice(W.PLACE_LINK)
    first = rng.choice(W.PLACE_FIRST)
    return f"{first}{link}{rng.choice(W.PLACE_SECOND)}" if link else first


def person(rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(W.FIRST_NAMES), rng.choice(W.LAST_NAMES), commune(rng)


def bulk(plan: Plan, label: str, objects: list[models.Model]) -> list[models.Model]:
    if objects:
        model = type(objects[0])
        objects = model._default_manager.bulk_create(objects, batch_size=BATCH)
        plan.counts[label] = plan.counts.get(label, 0) + len(objects)
    return objects


def installed(app_label: str) -> bool:
    return apps.is_installed(f"fabrique.{app_label}")


@contextmanager
def explicit_timestamps(model_list: list[type[models.Model]]) -> Iterator[None]:
    """Let the generator write `created_at` / `updated_at` itself (dated from ANCHOR, not from the run)."""
    saved = []
    for model in model_list:
        for model_field in model._meta.concrete_fields:
            if getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False):
                saved.append((model_field, model_field.auto_now, model_field.auto_now_add))
                model_field.auto_now = model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field, now, add in saved:
            model_field.auto_now, model_field.auto_now_add = now, add


def timed(plan: Plan, step: str, function: Callable[[Plan], None]) -> None:
    started = time.perf_counter()
    function(plan)
    plan.timings[step] = time.perf_counter() - started


# --- territories, structures and their status log --------------------------------------------------------


def load_geography(plan: Plan) -> None:
    for code, region in Departement.objects.order_by("code").values_list("code", "region_id"):
        plan.regions.setdefault(region, []).append(code)
    if not plan.regions:
        raise LookupError("Le référentiel des départements est vide : lancez d'abord `fabrique migrate`.")


STATUS_SHARES = ((S.LABELLED, 50), (S.EXPERIMENTING, 30), (S.CANDIDATE, 10), (S.WITHDRAWN, 10))
WORK_WEIGHT = {S.LABELLED: 1.0, S.EXPERIMENTING: 0.6, S.WITHDRAWN: 0.4, S.CANDIDATE: 0.0}


def _status_path(rng: random.Random, status: str) -> tuple[list[tuple[str, str, date, str]], dict]:
    """The status log of one structure — (from, to, day, reason) — and its date fields."""
    if status == S.CANDIDATE:
        applied = days_between(rng, ANCHOR - timedelta(days=400), ANCHOR - timedelta(days=10))
        return [("", S.CANDIDATE, applied, "Création de la fiche (fictif)")], {}
    earliest = date(2016, 1, 1) if status == S.EXPERIMENTING else FIRST_DAY
    latest = ANCHOR - timedelta(days=200 if status == S.EXPERIMENTING else 3 * 365)
    joined = days_between(rng, earliest, latest)
    applied = joined - timedelta(days=rng.randint(30, 150))
    log = [
        ("", S.CANDIDATE, applied, "Création de la fiche (fictif)"),
        (S.CANDIDATE, S.EXPERIMENTING, joined, "Admission et début de l'expérimentation (fictif)"),
    ]
    dates = {"joined_on": joined, "experimenting_since": joined}
    current = S.EXPERIMENTING
    labelled = status == S.LABELLED or (status == S.WITHDRAWN and rng.random() < 0.4)
    if labelled:
        day = min(joined + timedelta(days=rng.randint(700, 1300)), ANCHOR - timedelta(days=60))
        log.append((S.EXPERIMENTING, S.LABELLED, day, "Appellation accordée par le comité de pairs (fictif)"))
        dates["labelled_on"], current = day, S.LABELLED
    if status == S.WITHDRAWN:
        day = days_between(rng, log[-1][2] + timedelta(days=200), ANCHOR - timedelta(days=30))
        log.append((current, S.WITHDRAWN, day, "Retrait : fin des financements de l'ingénierie (fictif)"))
        dates["withdrawn_on"] = day
    return log, dates


def _departements(rng: random.Random, plan: Plan) -> tuple[str, list[str]]:
    region = rng.choice(sorted(plan.regions))
    pool = plan.regions[region]
    wanted = min(len(pool), rng.choices((1, 2, 3, 4), weights=(60, 25, 10, 5))[0])
    return region, sorted(rng.sample(pool, wanted))


def generate_structures(plan: Plan) -> None:
    count = plan.scale.structures
    shares = allocate(count, [share for _, share in STATUS_SHARES])
    statuses = [status for (status, _share), number in zip(STATUS_SHARES, shares, strict=True) for _ in range(number)]
    plan.rng("statuses").shuffle(statuses)
    rows, logs, links = [], [], []
    for index, status in enumerate(statuses):
        rng = plan.rng("structure", index)
        region, codes = _departements(rng, plan)
        kind, legal_form = rng.choice(W.STRUCTURE_KINDS)
        city = commune(rng)
        area = f"{rng.choice(W.AREA_KINDS)} de {city}"
        slug = f"{slugify(f'{kind} {city}')[:60]}-{index + 1:04d}"
        log, dates = _status_path(rng, status)
        structure = Structure(
            name=f"{kind} {city} {W.FICTITIOUS_F}",
            slug=slug,
            legal_form=legal_form,
            parent_network=rng.choice(W.PARENT_NETWORKS),
            website=f"https://fabrique-{index + 1:04d}.example.org",
            public_email=f"contact@fabrique-{index + 1:04d}.example.org",
            city=city,
            description=(
                f"Structure fictive, générée pour mesurer la plateforme à l'échelle d'un grand réseau.\n\n"
                f"Elle détecte les besoins du territoire ({area}) et accompagne la création d'activités "
                f"d'utilité sociale avec les élus, les habitants et les acteurs de l'économie sociale et solidaire."
            ),
            area_label=area,
            status=status,
            version=len(log),
            created_at=at(log[0][2], 9),
            updated_at=at(log[-1][2], 9),
            **dates,
        )
        rows.append(structure)
        work_end = dates.get("withdrawn_on", ANCHOR)
        info = StructureInfo(
            pk=0,
            slug=slug,
            name=structure.name,
            status=status,
            codes=codes,
            region=region,
            start=dates.get("joined_on", log[0][2]),
            end=work_end,
            weight=WORK_WEIGHT[status] * rng.uniform(0.5, 1.5),
        )
        plan.structures.append(info)
        logs.append(log)
        links.append(codes)
    bulk(plan, "structures", rows)
    through = Structure.departements.through
    log_rows, link_rows = [], []
    for structure, info, log, codes in zip(rows, plan.structures, logs, links, strict=True):
        info.pk = structure.pk
        link_rows += [through(structure_id=structure.pk, departement_id=code) for code in codes]
        log_rows += status_history(
            structure.pk,
            [
                {
                    "from_status": from_status,
                    "to_status": to_status,
                    "changed_at": at(day),
                    "changed_by_id": plan.coordinator_pk if to_status != S.CANDIDATE else None,
                    "note": reason,
                    "via": "generator",
                }
                for from_status, to_status, day, reason in log
            ],
        )
    bulk(plan, "départements des structures", link_rows)
    bulk(plan, "changements de statut", log_rows)


def generate_collectives(plan: Plan) -> None:
    by_region: dict[str, list[StructureInfo]] = {}
    for info in plan.active_structures():
        by_region.setdefault(info.region, []).append(info)
    regions = sorted(by_region) or sorted(plan.regions)
    rows, members = [], []
    for index in range(plan.scale.collectives):
        rng = plan.rng("collective", index)
        region = regions[index % len(regions)]
        pool = by_region.get(region) or plan.active_structures()
        place = commune(rng)
        slug = f"collectif-{slugify(place)[:40]}-{index + 1:03d}"
        rows.append(
            Collective(
                name=f"Collectif des Fabriques de {place} {W.FICTITIOUS}",
                slug=slug,
                description="Collectif fictif, généré pour mesurer la plateforme.",
                website=f"https://{slug}.example.org",
            )
        )
        members.append(rng.sample(pool, min(len(pool), rng.randint(3, 12))))
    bulk(plan, "collectifs", rows)
    through = Collective.structures.through
    links = [
        through(collective_id=collective.pk, structure_id=info.pk)
        for collective, chosen in zip(rows, members, strict=True)
        for info in sorted(chosen, key=lambda item: item.pk)
    ]
    bulk(plan, "membres des collectifs", links)


# --- partners ---------------------------------------------------------------------------------------------

PARTNER_SHARES = (
    (PartnerKind.LOCAL_AUTHORITY, 25),
    (PartnerKind.STATE, 12),
    (PartnerKind.FUNDER, 15),
    (PartnerKind.ESS_NETWORK, 10),
    (PartnerKind.COMPANY, 15),
    (PartnerKind.ASSOCIATION, 18),
    (PartnerKind.OTHER, 5),
)


def generate_partners(plan: Plan) -> None:
    regions = sorted(plan.regions)
    kinds = [kind for kind, _ in PARTNER_SHARES]
    weights = [share for _, share in PARTNER_SHARES]
    rows, homes = [], []
    for index in range(plan.scale.partners):
        rng = plan.rng("partner", index)
        kind = rng.choices(kinds, weights=weights)[0]
        name = rng.choice(W.PARTNER_NAMES[kind]).format(place=commune(rng))
        rows.append(
            Partner(
                name=f"{name} {W.FICTITIOUS}",
                kind=kind,
                siret=siret(rng) if rng.random() < 0.5 else "",
                website="",
            )
        )
        homes.append(regions[index % len(regions)])
    bulk(plan, "partenaires", rows)
    for partner, region in zip(rows, homes, strict=True):
        plan.partner_regions.setdefault(region, []).append(partner.pk)


def generate_partnerships(plan: Plan) -> None:
    weights = [0.3 if info.status == S.CANDIDATE else 1.0 for info in plan.structures]
    every_partner = sorted(pk for pks in plan.partner_regions.values() for pk in pks)
    rows = []
    for info, wanted in zip(plan.structures, allocate(plan.scale.partnerships, weights), strict=True):
        rng = plan.rng("partnerships", info.slug)
        local = plan.partner_regions.get(info.region, [])
        chosen = rng.sample(local, min(len(local), wanted))
        taken = set(chosen)
        while len(chosen) < min(wanted, len(every_partner)):
            pk = rng.choice(every_partner)
            if pk not in taken:
                taken.add(pk)
                chosen.append(pk)
        for pk in chosen:
            since = days_between(rng, info.start - timedelta(days=365), info.end)
            until = days_between(rng, since, ANCHOR) if rng.random() < 0.15 else None
            rows.append(
                Partnership(
                    structure_id=info.pk,
                    partner_id=pk,
                    role=rng.choice(W.PARTNER_ROLES),
                    since=since,
                    until=until,
                    note="Partenariat fictif, généré pour mesurer la plateforme.",
                )
            )
        info.partner_pks = sorted(chosen)
    bulk(plan, "partenariats", rows)


# --- accounts ---------------------------------------------------------------------------------------------


def generate_coordinator(plan: Plan, password: str) -> None:
    coordinator = User(
        email=COORDINATOR_EMAIL,
        first_name="Coordination",
        last_name="du réseau",
        is_coordinator=True,
        is_staff=True,
        is_superuser=True,
        password=password,
        date_joined=at(FIRST_DAY, 9),
    )
    bulk(plan, "comptes", [coordinator])
    plan.coordinator_pk = coordinator.pk


def generate_members(plan: Plan, password: str) -> None:
    """An administrator per structure (`<slug>@example.org`), staff for the others, a few partner users."""
    budget = max(0, plan.scale.users - 1)
    partner_users = min(budget, max(2, budget // 100))
    admins = plan.structures[: max(0, budget - partner_users)]
    staff_count = max(0, budget - partner_users - len(admins))
    workers = plan.active_structures() or plan.structures
    users, memberships = [], []
    for info in admins:
        rng = plan.rng("admin", info.slug)
        first, last, _ = person(rng)
        users.append(User(email=member_email(info.slug), first_name=first, last_name=f"{last} {W.FICTITIOUS}"))
        memberships.append((info, MembershipRole.ADMIN, info.start))
    for index in range(staff_count):
        rng = plan.rng("staff", index)
        info = workers[index % len(workers)]
        first, last, _ = person(rng)
        email = f"{slugify(first)}.{slugify(last)}.{index + 1}@example.org"
        users.append(User(email=email, first_name=first, last_name=f"{last} {W.FICTITIOUS}"))
        memberships.append((info, MembershipRole.STAFF, days_between(rng, info.start, info.end)))
    partners = []
    for index in range(partner_users):
        rng = plan.rng("partner-user", index)
        first, last, _ = person(rng)
        partners.append(
            User(
                email=f"partenaire.{index + 1}@example.org",
                first_name=first,
                last_name=f"{last} {W.FICTITIOUS}",
                date_joined=at(days_between(rng, date(2020, 1, 1), ANCHOR), 9),
            )
        )
    for user, (_info, _role, day) in zip(users, memberships, strict=True):
        user.date_joined = at(day, 9)
    for user in users + partners:
        user.password = password
    bulk(plan, "comptes", users + partners)
    rows = []
    for user, (info, role, day) in zip(users, memberships, strict=True):
        rows.append(Membership(user_id=user.pk, structure_id=info.pk, role=role, created_at=at(day, 9)))
        info.member_pks.append(user.pk)
        if role == MembershipRole.ADMIN:
            info.admin_pk = user.pk
    bulk(plan, "appartenances", rows)
    through = User.partner_departements.through
    followed = []
    for index, user in enumerate(partners):
        rng = plan.rng("partner-user-departements", index)
        region = rng.choice(sorted(plan.regions))
        followed += [through(user_id=user.pk, departement_id=code) for code in plan.regions[region]]
    bulk(plan, "départements suivis", followed)
    plan.partner_user_pks = [user.pk for user in partners]


def generate_accounts(plan: Plan) -> None:
    password = make_password(DEMO_PASSWORD)
    generate_members(plan, password)
    User.objects.filter(pk=plan.coordinator_pk).update(password=password)


# --- the run ----------------------------------------------------------------------------------------------


def timestamped_models() -> list[type[models.Model]]:
    labels = [
        "network.Structure",
        "network.StructureStatusLog",
        "network.Membership",
        "method.CreativitySession",
        "method.Need",
        "method.Project",
        "method.EconomicModel",
        "method.Outcome",
        "library.Resource",
        "community.Event",
        "community.WorkingGroup",
        "community.NewsPost",
    ]
    return [apps.get_model(label) for label in labels if apps.is_installed(f"fabrique.{label.split('.')[0]}")]
