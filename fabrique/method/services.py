"""Domain operations of the method: record needs, sessions, projects, decisions, economic models, outcomes.

Each verb checks the permission (perms.py), validates the whole object (a ValidationError names the fields,
nothing is written), saves in one transaction with its history author, and refuses a stale version with a
VersionConflict. Stage changes live in stages.py.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from fabrique.core.exceptions import VersionConflict
from fabrique.core.slugs import unique_slug
from fabrique.core.versioning import save_with_version
from fabrique.network.models import Partner, Partnership

from .enums import NeedStatus, Stage
from .models import (
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
from .perms import can_write_in, need_abilities, project_abilities, session_abilities

NEED_FIELDS = [
    "title",
    "description",
    "theme",
    "departement",
    "commune",
    "source",
    "session",
    "detected_on",
    "brought_by_name",
    "brought_by_contact",
    "brought_by_consent",
    "status",
    "status_reason",
    "merged_into",
]
SESSION_FIELDS = ["title", "held_on", "place", "departement", "organisers", "participants_count", "description"]
PROJECT_FIELDS = [
    "title",
    "summary",
    "theme",
    "detected_on",
    "carrier_name",
    "carrier_kind",
    "carrier_contact",
    "is_public",
]
DECISION_FIELDS = ["decided_on", "subject", "choice", "attendees", "note"]
ECONOMIC_MODEL_FIELDS = ["total_budget", *EconomicModel.SHARE_FIELDS, "break_even_year", "jobs_planned_fte"]
OUTCOME_FIELDS = [
    "created_on",
    "legal_form",
    "siret",
    "jobs_fte",
    "followup_1y_active",
    "followup_1y_jobs_fte",
    "followup_3y_active",
    "followup_3y_jobs_fte",
    "note",
]


def _author(by):
    return by if getattr(by, "is_authenticated", False) else None


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _assign(instance: Model, data: dict, allowed: list[str]) -> list[str]:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValueError(f"Champs non modifiables : {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(instance, name, value)
    return list(data)


def _save(instance: Model, *, by, fields: list[str], expected_version: int | None) -> None:
    """Validate the whole object, then create it, or update `fields` if its version is still `expected_version`."""
    instance.full_clean()
    author = _author(by)
    if author is not None:
        instance._history_user = author
    if instance._state.adding:
        instance.save()
    else:
        save_with_version(instance, expected_version, fields, by=author)


def _check_partners(structure, partners: Iterable[Partner], field: str) -> list[Partner]:
    partners = list(partners)
    linked = set(
        Partnership.objects.filter(structure=structure, partner__in=partners).values_list("partner_id", flat=True)
    )
    strangers = [p.name for p in partners if p.pk not in linked]
    if strangers:
        raise ValidationError(
            {field: _("Ces organisations ne sont pas partenaires de la structure : %s.") % ", ".join(strangers)}
        )
    return partners


# --- needs ------------------------------------------------------------------------------------------------


def create_need(structure, *, by, data: dict) -> Need:
    """Record a need or an idea detected on the structure's territory."""
    _require(can_write_in(by, structure), _("Seuls les membres de la structure enregistrent ses besoins."))
    need = Need(structure=structure, created_by=_author(by))
    fields = _assign(need, data, NEED_FIELDS)
    with transaction.atomic():
        _save(need, by=by, fields=fields, expected_version=None)
    return need


def update_need(need: Need, *, by, data: dict, expected_version: int | None) -> Need:
    """Edit a need, qualify it, merge it into another (same structure) or dismiss it (with a reason)."""
    _require(need_abilities(by, need)["change"], _("Seuls les membres de la structure modifient ce besoin."))
    fields = _assign(need, data, NEED_FIELDS)
    if need.status != NeedStatus.MERGED and "merged_into" not in data:
        need.merged_into = None
        fields.append("merged_into")
    with transaction.atomic():
        _save(need, by=by, fields=fields, expected_version=expected_version)
    return need


# --- creativity sessions ----------------------------------------------------------------------------------


def create_session(structure, *, by, data: dict, partners: Iterable[Partner] = ()) -> CreativitySession:
    """Record a creativity session held by the structure, with the partners that took part."""
    _require(can_write_in(by, structure), _("Seuls les membres de la structure enregistrent ses séances."))
    session = CreativitySession(structure=structure, created_by=_author(by))
    fields = _assign(session, data, SESSION_FIELDS)
    partners = _check_partners(structure, partners, "partners")
    with transaction.atomic():
        _save(session, by=by, fields=fields, expected_version=None)
        session.partners.set(partners)
    return session


def update_session(
    session: CreativitySession,
    *,
    by,
    data: dict,
    expected_version: int | None,
    partners: Iterable[Partner] | None = None,
) -> CreativitySession:
    _require(session_abilities(by, session)["change"], _("Seuls les membres de la structure modifient cette séance."))
    fields = _assign(session, data, SESSION_FIELDS)
    partners = None if partners is None else _check_partners(session.structure, partners, "partners")
    with transaction.atomic():
        _save(session, by=by, fields=fields, expected_version=expected_version)
        if partners is not None:
            session.partners.set(partners)
    return session


# --- projects ---------------------------------------------------------------------------------------------


def _check_needs(structure, needs: Iterable[Need]) -> list[Need]:
    needs = list(needs)
    strangers = [n.title for n in needs if n.structure_id != structure.pk]
    if strangers:
        raise ValidationError(
            {"needs": _("Ces besoins appartiennent à une autre structure : %s.") % ", ".join(strangers)}
        )
    return needs


def _check_departements(departements) -> list:
    departements = list(departements)
    if not departements:
        raise ValidationError({"departements": _("Choisissez au moins un département.")})
    return departements


def _qualify(needs: list[Need], by) -> None:
    """A need that leads to a project is, at least, qualified."""
    for need in needs:
        if need.status == NeedStatus.NEW:
            need.status = NeedStatus.QUALIFIED
            need._change_reason = _("À l'origine d'un projet")
            save_with_version(need, None, ["status"], by=_author(by))


def create_project(structure, *, by, data: dict, departements, needs: Iterable[Need] = ()) -> Project:
    """Open a project at the detection stage, from zero or more of the structure's needs; its log starts there."""
    _require(can_write_in(by, structure), _("Seuls les membres de la structure ouvrent ses projets."))
    project = Project(structure=structure, created_by=_author(by), stage=Stage.DETECTION)
    fields = _assign(project, data, PROJECT_FIELDS)
    needs = _check_needs(structure, needs)
    departements = _check_departements(departements)
    with transaction.atomic():
        project.slug = unique_slug(Project, project.title, "projet")
        project._change_reason = _("Projet ouvert")
        _save(project, by=by, fields=fields, expected_version=None)
        project.departements.set(departements)
        project.needs.set(needs)
        ProjectStageLog.objects.create(
            project=project, from_stage="", to_stage=Stage.DETECTION, changed_by=_author(by), note=_("Projet ouvert")
        )
        _qualify(needs, by)
    return project


def update_project(
    project: Project, *, by, data: dict, expected_version: int | None, departements=None, needs=None
) -> Project:
    """Edit a project's description, carrier and publication; its stage changes only through stages.py."""
    _require(project_abilities(by, project)["change"], _("Seuls les membres de la structure modifient ce projet."))
    fields = _assign(project, data, PROJECT_FIELDS)
    needs = None if needs is None else _check_needs(project.structure, needs)
    departements = None if departements is None else _check_departements(departements)
    with transaction.atomic():
        _save(project, by=by, fields=fields, expected_version=expected_version)
        if departements is not None:
            project.departements.set(departements)
        if needs is not None:
            project.needs.set(needs)
            _qualify(needs, by)
    return project


def add_project_partner(project: Project, *, by, partner: Partner, role: str, note: str = "") -> ProjectPartner:
    """Involve one of the structure's partners in the project, with its role (a partner may hold several)."""
    _require(project_abilities(by, project)["manage_partners"], _("Vous ne gérez pas les partenaires de ce projet."))
    _check_partners(project.structure, [partner], "partner")
    if ProjectPartner.objects.filter(project=project, partner=partner, role=role).exists():
        raise ValidationError({"role": _("Ce partenaire a déjà ce rôle dans le projet.")})
    link = ProjectPartner(project=project, partner=partner, role=role, note=note)
    with transaction.atomic():
        _save(link, by=by, fields=[], expected_version=None)
    return link


def remove_project_partner(link: ProjectPartner, *, by) -> None:
    _require(
        project_abilities(by, link.project)["manage_partners"], _("Vous ne gérez pas les partenaires de ce projet.")
    )
    link._history_user = _author(by)
    link.delete()


def add_note(project: Project, *, by, text: str) -> ProjectNote:
    _require(project_abilities(by, project)["note"], _("Seuls les membres de la structure écrivent dans ce suivi."))
    note = ProjectNote(project=project, author=_author(by), text=text.strip())
    with transaction.atomic():
        _save(note, by=by, fields=[], expected_version=None)
    return note


# --- steering committee, economic model, outcome ---------------------------------------------------------


def record_decision(project: Project, *, by, data: dict, attendee_partners: Iterable[Partner] = ()) -> SteeringDecision:
    """Record a decision of the project's steering committee (a "go" on the hand-over opens the transmission)."""
    _require(project_abilities(by, project)["decide"], _("Seuls les membres de la structure consignent ces décisions."))
    decision = SteeringDecision(project=project, recorded_by=_author(by))
    fields = _assign(decision, data, DECISION_FIELDS)
    partners = _check_partners(project.structure, attendee_partners, "attendee_partners")
    with transaction.atomic():
        _save(decision, by=by, fields=fields, expected_version=None)
        decision.attendee_partners.set(partners)
    return decision


def _attached(model_cls, project: Project, expected_version: int | None):
    """The project's one-to-one record, or a new one. `expected_version` 0 means "there was none when I read":
    if someone created it meanwhile, that is a conflict, not an overwrite."""
    existing = model_cls.objects.filter(project=project).first()
    if existing is None:
        return model_cls(project=project)
    if expected_version == 0:
        raise VersionConflict()
    return existing


def _save_attached(instance, *, by, fields, expected_version) -> None:
    try:
        with transaction.atomic():
            _save(instance, by=by, fields=fields, expected_version=expected_version)
    except IntegrityError:
        raise VersionConflict() from None


def save_economic_model(project: Project, *, by, data: dict, expected_version: int | None) -> EconomicModel:
    """Create or edit the project's economic model; the revenue shares must add up to 100 %."""
    _require(
        project_abilities(by, project)["edit_economic_model"],
        _("Seuls les membres de la structure modifient ce modèle économique."),
    )
    model = _attached(EconomicModel, project, expected_version)
    fields = _assign(model, data, ECONOMIC_MODEL_FIELDS)
    _save_attached(model, by=by, fields=fields, expected_version=expected_version)
    return model


def save_outcome(project: Project, *, by, data: dict, expected_version: int | None) -> Outcome:
    """Create or edit the outcome: creation date (not before detection), legal form, SIRET, jobs, follow-ups."""
    _require(
        project_abilities(by, project)["edit_outcome"], _("Seuls les membres de la structure modifient ce résultat.")
    )
    outcome = _attached(Outcome, project, expected_version)
    fields = _assign(outcome, data, OUTCOME_FIELDS)
    _save_attached(outcome, by=by, fields=fields, expected_version=expected_version)
    return outcome
