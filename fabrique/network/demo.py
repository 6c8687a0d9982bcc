"""`fabrique demo`: the network of the Avise article (structures, partners, the collective) and the demo
logins of the coordination and of each structure's administrator (FABRIQUE_DEMO_LOADERS)."""

from datetime import date, datetime, time

from django.utils import timezone

from fabrique.accounts.demo import DemoPassword, demo_user
from fabrique.core.demo_support import COORDINATOR_EMAIL, DEMO_VIA, LoadReport, member_email, sync_m2m, upsert
from fabrique.core.french import de
from fabrique.territories.models import Departement

from . import demo_data as data
from .enums import MembershipRole
from .enums import StructureStatus as S
from .models import Collective, Membership, Partner, Partnership, Structure
from .services import STATUS_TABLE, status_history, write_status_history


def demo_logins() -> list[tuple[str, str]]:
    """(e-mail, what the account can do) for the coordination and each structure's administrator."""
    logins = [(COORDINATOR_EMAIL, "coordination du réseau (accès à l'administration)")]
    logins += [(member_email(seed.slug), f"administrateur·rice {de(seed.name)}") for seed in data.STRUCTURES]
    return logins


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


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


def _restoring_path(previous: str, status: str) -> list[tuple[str, str, date, str]]:
    """The status table's shortest way from the status a visitor left to the demo's, each step logged."""
    steps, current, today = [], previous, timezone.localdate()
    for transition in STATUS_TABLE.path(previous, status):
        steps.append((current, transition.target, today, "Statut de démonstration rétabli"))
        current = transition.target
    return steps


def _log(report: LoadReport, structure: Structure, steps: list[tuple[str, str, date, str]]):
    """Through the registry's bulk path: a path the status table refuses stops the load."""
    rows = status_history(
        structure.pk,
        [
            {"from_status": f, "to_status": t, "changed_at": _noon(day), "note": reason, "via": DEMO_VIA}
            for f, t, day, reason in steps
        ],
    )
    write_status_history(rows)
    for row in rows:
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
        _log(report, structure, _initial_log(seed))
    elif previous is not None and previous != seed.status:
        _log(report, structure, _restoring_path(previous, seed.status))
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


def load_accounts(report: LoadReport) -> None:
    """The coordinator's login and one administrator login per demo structure, all with DEMO_PASSWORD."""
    password = DemoPassword()
    coordinator = {
        "first_name": "Coordination",
        "last_name": "du réseau",
        "is_active": True,
        "is_coordinator": True,
        "is_staff": True,
        "is_superuser": True,
    }
    demo_user(report, password, COORDINATOR_EMAIL, coordinator)
    structures = Structure.objects.in_bulk([seed.slug for seed in data.STRUCTURES], field_name="slug")
    for seed in data.STRUCTURES:
        member = {"first_name": "Démo", "last_name": seed.name, "is_active": True, "is_coordinator": False}
        user = demo_user(report, password, member_email(seed.slug), member)
        upsert(
            report,
            Membership,
            {"user_id": user.pk, "structure_id": structures[seed.slug].pk},
            {"role": MembershipRole.ADMIN},
        )
