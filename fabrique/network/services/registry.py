"""Domain operations on the registry. Each status change is one verb, logged, in one transaction."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import TransitionError
from fabrique.core.french import de
from fabrique.core.transitions import Transition, TransitionTable
from fabrique.core.versioning import save_with_version

from ..enums import PartnerKind
from ..enums import StructureStatus as S
from ..models import Collective, Partner, Partnership, Structure, StructureStatusLog
from ..perms import (
    can_create_collective,
    can_create_structure,
    collective_abilities,
    partner_abilities,
    structure_abilities,
)


def _transition(name, sources, target, label, note_required="") -> Transition:
    refusal = "Impossible " + de(label) + " : la structure est « %(status)s »."
    return Transition(name, sources, target, label, refusal, note_required)


def _status_label(status: str) -> str:
    return str(S(status).label) if status in S.values else "aucun"


CREATE = _transition("create", ("",), S.CANDIDATE, "créer la fiche")
ADMIT = _transition("admit", (S.CANDIDATE,), S.EXPERIMENTING, "admettre la candidature et ouvrir l'expérimentation")
WITHDRAW = _transition(
    "withdraw",
    (S.CANDIDATE, S.EXPERIMENTING, S.LABELLED),
    S.WITHDRAWN,
    "enregistrer le retrait",
    "Indiquez le motif du retrait.",
)
READMIT = _transition(
    "readmit", (S.WITHDRAWN,), S.EXPERIMENTING, "réadmettre en expérimentation", "Indiquez le motif de la réadmission."
)
GRANT = _transition("grant_appellation", (S.EXPERIMENTING,), S.LABELLED, "accorder l'appellation")
STATUS_TABLE = TransitionTable((CREATE, ADMIT, WITHDRAW, READMIT, GRANT), labels=_status_label)
TRANSITIONS = STATUS_TABLE.transitions


def _today() -> date:
    return timezone.localdate()


def _log(structure, transition, *, from_status, by, note, via, at=None) -> StructureStatusLog:
    return StructureStatusLog.objects.create(
        structure=structure,
        from_status=from_status,
        to_status=transition.target,
        transition=transition.name,
        changed_by=by,
        note=note,
        via=via,
        changed_at=at or timezone.now(),
    )


def _apply(structure, transition, by, reason, via, date_fields: dict, at=None) -> Structure:
    with transaction.atomic():
        locked = Structure.objects.select_for_update().get(pk=structure.pk)
        STATUS_TABLE.check(transition.name, locked.status, note=reason, subject=locked)
        previous = locked.status
        locked.status = transition.target
        for name, value in date_fields.items():
            setattr(locked, name, value)
        locked._change_reason = reason or transition.label
        save_with_version(locked, None, ["status", *date_fields], by=by)
        _log(locked, transition, from_status=previous, by=by, note=reason, via=via, at=at)
    return locked


def status_history(structure_id: int, rows, *, start: str | None = None) -> list[StructureStatusLog]:
    """The bulk path (demo, generator): the log rows of a structure's past statuses, from dicts of the log's
    fields. The chain must follow STATUS_TABLE from `start` (default: the first row's `from_status`), else
    TransitionError; rights and guards are not evaluated (they read today's data, not the past). The caller
    writes the rows with `write_status_history` and sets the structure's status to the last row's."""
    return [StructureStatusLog(structure_id=structure_id, **row) for row in STATUS_TABLE.named(rows, start)]


def write_status_history(rows: list[StructureStatusLog], batch_size: int = 1000) -> None:
    StructureStatusLog.objects.bulk_create(rows, batch_size=batch_size)


def available_transitions(structure: Structure) -> list[Transition]:
    """What the coordination may do from the structure's status on its page (the appellation comes from the
    committee, or from the admin's action)."""
    return [t for t in STATUS_TABLE.available(structure.status) if t is not GRANT]


def _require_status_right(by, structure):
    if not structure_abilities(by, structure)["change_status"]:
        raise PermissionDenied(_("Seule la coordination du réseau change le statut d'une structure."))


def admit(structure: Structure, *, by, on: date | None = None, reason: str = "", via: str = "service") -> Structure:
    """Admit a candidate: it joins the network and its experimentation starts the same day."""
    _require_status_right(by, structure)
    return _apply(structure, ADMIT, by, reason, via, _dates(ADMIT, on or _today()))


def withdraw(structure: Structure, *, by, reason: str, on: date | None = None, via: str = "service") -> Structure:
    """Record that a structure leaves the network; its data and history stay. A reason is required."""
    _require_status_right(by, structure)
    return _apply(structure, WITHDRAW, by, reason, via, _dates(WITHDRAW, on or _today()))


def readmit(structure: Structure, *, by, reason: str, on: date | None = None, via: str = "service") -> Structure:
    """A withdrawn structure comes back: a new experimentation starts."""
    _require_status_right(by, structure)
    return _apply(structure, READMIT, by, reason, via, _dates(READMIT, on or _today()))


def grant_appellation(structure: Structure, *, by, on: date | None = None, reason: str = "", via: str) -> Structure:
    """Set a structure `labelled`. Only the committee decision (via="committee") or the coordinator in the
    admin (via="admin", reason required) may do it; the log keeps which one it was."""
    if via == "admin":
        _require_status_right(by, structure)
        if not reason.strip():
            raise TransitionError(_("Sans décision du comité de pairs, un motif est obligatoire."))
    elif via != "committee":
        raise TransitionError(_("L'appellation est accordée par le comité de pairs."))
    return _apply(structure, GRANT, by, reason, via, _dates(GRANT, on or _today()))


def _dates(transition: Transition, day: date) -> dict:
    """The date fields a transition sets on the structure."""
    return {
        "admit": {"joined_on": day, "experimenting_since": day},
        "withdraw": {"withdrawn_on": day},
        "readmit": {"experimenting_since": day, "withdrawn_on": None},
        "grant_appellation": {"labelled_on": day},
    }[transition.name]


def change_status(structure: Structure, to_status: str, *, by, reason: str, via: str, on: date | None = None):
    """An import's status change (the importer has checked who imports): the table's transition from the
    structure's status to `to_status`, refused with the French message of the transition towards it when the
    table has none. The appellation is never granted this way."""
    transition = STATUS_TABLE.between(structure.status, to_status)
    if transition is None:
        towards = next(t for t in STATUS_TABLE if t.target == to_status)
        raise TransitionError(STATUS_TABLE.refusal(towards.name, structure.status))
    if transition is GRANT:
        raise TransitionError(_("L'appellation est accordée par le comité de pairs."))
    return _apply(structure, transition, by, reason, via, _dates(transition, on or _today()))


def _moment(day: date | None):
    if day is None:
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(12)))


def record_past_statuses(structure: Structure, *, by, note: str, via: str) -> list[StructureStatusLog]:
    """The bulk path of a structure that arrives with its past (an import of a new structure): the rows from
    creation to its status, dated by its date fields, checked against STATUS_TABLE."""
    s = structure
    steps = [("", S.CANDIDATE, s.joined_on or s.experimenting_since)]
    if s.status != S.CANDIDATE and (s.status != S.WITHDRAWN or s.joined_on or s.experimenting_since):
        steps.append((S.CANDIDATE, S.EXPERIMENTING, s.joined_on or s.experimenting_since))
    if s.status == S.LABELLED or (s.status == S.WITHDRAWN and s.labelled_on):
        steps.append((S.EXPERIMENTING, S.LABELLED, s.labelled_on))
    if s.status == S.WITHDRAWN:
        steps.append((steps[-1][1], S.WITHDRAWN, s.withdrawn_on))
    rows = [
        {"from_status": f, "to_status": t, "changed_at": _moment(day), "changed_by": by, "note": note, "via": via}
        for f, t, day in steps
    ]
    logs = status_history(structure.pk, rows, start="")
    write_status_history(logs)
    return logs


STRUCTURE_EDITABLE_FIELDS = [
    "name",
    "legal_form",
    "parent_network",
    "website",
    "public_email",
    "city",
    "area_label",
    "description",
]


def update_structure(structure: Structure, *, by, data: dict, expected_version: int, departements=None) -> Structure:
    """Edit a structure's presentation. Refused when someone saved it since `expected_version` was read."""
    if not structure_abilities(by, structure)["change"]:
        raise PermissionDenied(_("Vous ne pouvez pas modifier cette structure."))
    changed = [name for name in STRUCTURE_EDITABLE_FIELDS if name in data]
    with transaction.atomic():
        for name in changed:
            setattr(structure, name, data[name])
        save_with_version(structure, expected_version, changed, by=by)
        if departements is not None:
            structure.departements.set(departements)
    return structure


def save_partnership(partnership: Partnership, *, by, expected_version: int | None = None) -> Partnership:
    """Create or edit a partnership of a structure (and its partner organisation)."""
    if not structure_abilities(by, partnership.structure)["manage_partners"]:
        raise PermissionDenied(_("Vous ne pouvez pas gérer les partenaires de cette structure."))
    with transaction.atomic():
        if partnership.partner._state.adding:
            partnership.partner.save()
            partnership.partner_id = partnership.partner.pk
        partnership.full_clean()
        if partnership._state.adding:
            partnership._history_user = by
            partnership.save()
        else:
            save_with_version(partnership, expected_version, ["role", "since", "until", "note", "partner"], by=by)
    return partnership


def end_partnership(partnership: Partnership, *, by, until: date | None = None) -> Partnership:
    """Partnerships are ended, not deleted: their duration is evidence for the appellation.

    Refused when the stored end date is today or past: the partnership has already ended."""
    if not structure_abilities(by, partnership.structure)["manage_partners"]:
        raise PermissionDenied(_("Vous ne pouvez pas gérer les partenaires de cette structure."))
    with transaction.atomic():
        # Read under lock: two concurrent ends cannot both pass the check.
        ended_on = Partnership.objects.select_for_update().values_list("until", flat=True).get(pk=partnership.pk)
        if ended_on is not None and ended_on <= _today():
            raise TransitionError(
                _("Le partenariat avec « %(partner)s » est déjà terminé (le %(until)s).")
                % {"partner": partnership.partner.name, "until": ended_on.strftime("%d/%m/%Y")}
            )
        partnership.until = until or _today()
        partnership.full_clean()
        save_with_version(partnership, None, ["until"], by=by)
    return partnership


def create_structure(*, by, data: dict, departements, reason: str = "") -> Structure:
    """Register a new structure as a candidate. The slug must be free; the log records who created it."""
    if not can_create_structure(by):
        raise PermissionDenied(_("Seule la coordination du réseau crée une structure."))
    fields = {name: data[name] for name in STRUCTURE_EDITABLE_FIELDS if name in data}
    structure = Structure(slug=data["slug"], status=S.CANDIDATE, **fields)
    if Structure.objects.filter(slug=structure.slug).exists():
        raise ValidationError({"slug": "Cet identifiant est déjà utilisé."})
    structure.full_clean(validate_unique=False)
    structure._history_user = by
    try:
        with transaction.atomic():
            structure.save()
            structure.departements.set(departements)
            _log(structure, CREATE, from_status="", by=by, note=reason or "Création de la fiche", via="service")
    except IntegrityError:
        raise ValidationError({"slug": "Cet identifiant est déjà utilisé."}) from None
    return structure


def update_partner(partner: Partner, *, by, data: dict, expected_version: int) -> Partner:
    """Correct a partner organisation (shared by every structure that works with it)."""
    if not partner_abilities(by, partner)["change"]:
        raise PermissionDenied(_("Vous ne pouvez pas modifier cette organisation partenaire."))
    changed = [name for name in ("name", "kind", "siret", "website") if name in data]
    with transaction.atomic():
        for name in changed:
            setattr(partner, name, data[name])
        partner.full_clean()
        save_with_version(partner, expected_version, changed, by=by)
    return partner


COLLECTIVE_EDITABLE_FIELDS = ["name", "description", "website"]


def create_collective(*, by, data: dict, structures) -> Collective:
    """A new collective of structures; only the coordinator creates one."""
    if not can_create_collective(by):
        raise PermissionDenied(_("Seule la coordination du réseau crée un collectif."))
    collective = Collective(slug=data["slug"], **{k: data[k] for k in COLLECTIVE_EDITABLE_FIELDS if k in data})
    if Collective.objects.filter(slug=collective.slug).exists():
        raise ValidationError({"slug": "Cet identifiant est déjà utilisé."})
    collective.full_clean(validate_unique=False)
    collective._history_user = by
    try:
        with transaction.atomic():
            collective.save()
            collective.structures.set(structures)
    except IntegrityError:
        raise ValidationError({"slug": "Cet identifiant est déjà utilisé."}) from None
    return collective


def update_collective(collective: Collective, *, by, data: dict, structures, expected_version: int) -> Collective:
    """Edit a collective and its members. Refused when someone saved it since `expected_version` was read."""
    if not collective_abilities(by, collective)["change"]:
        raise PermissionDenied(_("Seule la coordination du réseau modifie un collectif."))
    changed = [name for name in COLLECTIVE_EDITABLE_FIELDS if name in data]
    with transaction.atomic():
        for name in changed:
            setattr(collective, name, data[name])
        save_with_version(collective, expected_version, changed, by=by)
        if structures is not None:
            collective.structures.set(structures)
    return collective


@dataclass(frozen=True)
class PartnerOverview:
    """Current partnerships grouped by kind, and the diversity of kinds (an appellation criterion)."""

    groups: list[tuple[str, str, list[Partnership]]]
    ended: list[Partnership]
    kinds_count: int
    kinds_total: int


def partner_overview(partnerships, today: date | None = None) -> PartnerOverview:
    """Split partnerships (with their partner loaded) into current ones by kind and ended ones."""
    today = today or _today()
    by_kind: dict[str, list[Partnership]] = {}
    ended = []
    for partnership in partnerships:
        if partnership.until is not None and partnership.until < today:
            ended.append(partnership)
        else:
            by_kind.setdefault(partnership.partner.kind, []).append(partnership)
    groups = [(kind.value, kind.label, by_kind[kind.value]) for kind in PartnerKind if kind.value in by_kind]
    return PartnerOverview(groups=groups, ended=ended, kinds_count=len(groups), kinds_total=len(PartnerKind))
