"""The demo data loaders, one per domain, run in order by `fabrique demo` inside one transaction.

Each loader takes the run's LoadReport, finds rows by natural key (slug, e-mail, name) and writes only what
differs, so a second run changes nothing. Another app adds its demo data by appending a loader to LOADERS.
"""

from collections.abc import Callable
from datetime import date, datetime, time

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone

from fabrique.accounts.enums import MembershipRole
from fabrique.accounts.models import Membership, User
from fabrique.appellation.demo import demo_logins as appellation_demo_logins
from fabrique.appellation.demo import load_appellation_demo
from fabrique.community.demo import load_network_life_demo
from fabrique.community.models import Testimonial
from fabrique.core.french import de
from fabrique.library.demo import load_library_demo
from fabrique.method.demo import load_method_demo
from fabrique.network.enums import StructureStatus as S
from fabrique.network.models import Collective, Partner, Partnership, Structure, StructureStatusLog
from fabrique.territories import loader as territories_loader
from fabrique.territories.models import Departement, Region

from . import data
from .upsert import CHANGE_REASON, LoadReport, sync_m2m, upsert

DEMO_PASSWORD = "fabrique-demo-2026"  # noqa: S105 - printed and documented: demo mode only
COORDINATOR_EMAIL = "coordination@example.org"
DEMO_VIA = "demo"


def member_email(slug: str) -> str:
    return f"{slug}@example.org"


def demo_logins() -> list[tuple[str, str]]:
    """(e-mail, what the account can do) for every demo login, in the order they are printed."""
    logins = [(COORDINATOR_EMAIL, "coordination du réseau (accès à l'administration)")]
    logins += [(member_email(seed.slug), f"administrateur·rice {de(seed.name)}") for seed in data.STRUCTURES]
    known = {email for email, _ in logins}
    logins += [login for login in appellation_demo_logins() if login[0] not in known]  # the committee's peers
    return logins


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


# --- territories ------------------------------------------------------------------------------------------


def load_territories(report: LoadReport) -> None:
    """The départements come with the migrations; reload them only if a test database flushed them."""
    expected = len(territories_loader.read_rows("departements.csv"))
    if Departement.objects.count() < expected:
        territories_loader.load_territories(Region, Departement)
        report.created["départements (référentiel)"] += expected


# --- network ----------------------------------------------------------------------------------------------


def _status_values(seed: data.StructureSeed) -> dict:
    return {
        "status": seed.status,
        "joined_on": seed.experimenting_since,
        "experimenting_since": seed.experimenting_since,
        "labelled_on": seed.labelled_on,
        "withdrawn_on": None,
    }


def _initial_log(seed: data.StructureSeed) -> list[tuple[str, str, date, str]]:
    """The status path of a demo structure: (from, to, day, reason); the dates are fictitious."""
    if seed.status == S.CANDIDATE:
        return [("", S.CANDIDATE, data.CANDIDATE_APPLIED_ON, "Candidature (structure fictive, démonstration)")]
    return [
        (
            S.CANDIDATE,
            S.EXPERIMENTING,
            seed.experimenting_since,
            "Admission et début de l'expérimentation (date fictive, démonstration)",
        ),
        (
            S.EXPERIMENTING,
            S.LABELLED,
            seed.labelled_on,
            "Appellation accordée par le comité de pairs (date fictive, démonstration)",
        ),
    ]


def _log(report: LoadReport, structure: Structure, from_status: str, to_status: str, day: date, reason: str):
    row = StructureStatusLog.objects.create(
        structure=structure, from_status=from_status, to_status=to_status, reason=reason, via=DEMO_VIA
    )
    StructureStatusLog.objects.filter(pk=row.pk).update(changed_at=_noon(day))  # changed_at is auto_now_add
    report.note(row, created=True)


def _load_structure(report: LoadReport, seed: data.StructureSeed, departements: dict) -> Structure:
    previous = Structure.objects.filter(slug=seed.slug).values_list("status", flat=True).first()
    values = {
        "name": seed.name,
        "legal_form": seed.legal_form,
        "parent_network": seed.parent_network,
        "website": seed.website,
        "description": seed.description,
        "area_label": seed.area_label,
        **_status_values(seed),
    }
    structure = upsert(report, Structure, {"slug": seed.slug}, values)
    sync_m2m(report, structure, "departements", [departements[code] for code in seed.departements])
    if not structure.status_log.exists():
        for from_status, to_status, day, reason in _initial_log(seed):
            _log(report, structure, from_status, to_status, day, reason)
    elif previous is not None and previous != seed.status:
        _log(report, structure, previous, seed.status, timezone.localdate(), "Statut de démonstration rétabli")
    return structure


def _load_partners(report: LoadReport, structure: Structure, seed: data.StructureSeed) -> None:
    for kind, name, role in seed.partners:
        partner = upsert(report, Partner, {"name": f"{name} {data.FICTITIOUS_MARK}"}, {"kind": kind})
        upsert(
            report,
            Partnership,
            {"structure_id": structure.pk, "partner_id": partner.pk},
            {"role": role, "since": data.PARTNERSHIPS_SINCE, "until": None, "note": data.FICTITIOUS_PARTNER_NOTE},
        )


def load_network(report: LoadReport) -> None:
    """The ten structures of the seed text and the fictitious candidate, their partners and the collective."""
    codes = {code for seed in data.STRUCTURES for code in seed.departements}
    departements = Departement.objects.in_bulk(codes)
    missing = codes - departements.keys()
    if missing:
        raise LookupError(f"Départements absents du référentiel : {', '.join(sorted(missing))}.")
    structures = {}
    for seed in data.STRUCTURES:
        structures[seed.slug] = _load_structure(report, seed, departements)
        _load_partners(report, structures[seed.slug], seed)
    spec = data.COLLECTIVE
    collective = upsert(
        report,
        Collective,
        {"slug": spec["slug"]},
        {"name": spec["name"], "website": spec["website"], "description": spec["description"]},
    )
    sync_m2m(report, collective, "structures", [structures[slug] for slug in spec["members"]])


# --- accounts ---------------------------------------------------------------------------------------------


class _Password:
    """Hashes the demo password once per run and checks each distinct stored hash once."""

    def __init__(self):
        self.hash = make_password(DEMO_PASSWORD)
        self.checked: dict[str, bool] = {}

    def is_demo(self, stored: str) -> bool:
        if stored not in self.checked:
            self.checked[stored] = check_password(DEMO_PASSWORD, stored)
        return self.checked[stored]


def _demo_user(report: LoadReport, password: _Password, email: str, values: dict) -> User:
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        user = User(email=email)
    changed = [name for name, value in values.items() if getattr(user, name) != value]
    for name in changed:
        setattr(user, name, values[name])
    if created or not password.is_demo(user.password):
        user.password = password.hash
        changed.append("password")
    if changed:
        user._change_reason = CHANGE_REASON
        user.save()
        report.note(user, created=created)
    return user


def load_accounts(report: LoadReport) -> None:
    """The coordinator's login and one administrator login per demo structure, all with DEMO_PASSWORD."""
    password = _Password()
    coordinator = {
        "first_name": "Coordination",
        "last_name": "du réseau",
        "is_active": True,
        "is_coordinator": True,
        "is_staff": True,
        "is_superuser": True,
    }
    _demo_user(report, password, COORDINATOR_EMAIL, coordinator)
    structures = Structure.objects.in_bulk([seed.slug for seed in data.STRUCTURES], field_name="slug")
    for seed in data.STRUCTURES:
        member = {"first_name": "Démo", "last_name": seed.name, "is_active": True, "is_coordinator": False}
        user = _demo_user(report, password, member_email(seed.slug), member)
        upsert(
            report,
            Membership,
            {"user_id": user.pk, "structure_id": structures[seed.slug].pk},
            {"role": MembershipRole.ADMIN},
        )


# --- community --------------------------------------------------------------------------------------------


def load_community(report: LoadReport) -> None:
    """The four testimonials quoted in the seed text, with their authors and roles."""
    structures = Structure.objects.in_bulk([item["structure"] for item in data.TESTIMONIALS], field_name="slug")
    for item in data.TESTIMONIALS:
        upsert(
            report,
            Testimonial,
            {"structure_id": structures[item["structure"]].pk, "person": item["person"]},
            {"role": item["role"], "quote": item["quote"], "source": data.SOURCE, "is_public": True, "featured": True},
        )


Loader = Callable[[LoadReport], None]
LOADERS: list[Loader] = [load_territories, load_network, load_accounts, load_community]
LOADERS.append(load_method_demo)  # needs, creativity sessions and projects of the method
LOADERS.append(load_network_life_demo)  # the article as a news post, a working group, events
LOADERS.append(load_library_demo)  # resources of every kind, some with a file
LOADERS.append(load_appellation_demo)  # fictitious peers, the 2020 committee, an open session to vote in


def load_all(loaders: list[Loader] | None = None) -> LoadReport:
    """Run the loaders in order, all or nothing."""
    report = LoadReport()
    with transaction.atomic():
        for loader in loaders if loaders is not None else LOADERS:
            loader(report)
    return report
