"""Domain operations of the method: record needs, sessions, projects, decisions, economic models, outcomes.

Each verb checks the permission (perms.py), validates the whole object (a ValidationError names the fields,
nothing is written), saves in one transaction with its history author, and refuses a stale version with a
VersionConflict. A project's stage changes through one verb per transition of `stages.STAGE_TABLE` (the end of
this module), each writing its ProjectStageLog row in the same transaction.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import TransitionError, VersionConflict
from fabrique.core.slugs import unique_slug
from fabrique.core.transitions import Transition
from fabrique.core.versioning import save_with_version
from fabrique.network.models import Partner, Partnership

from . import notices, stages
from .enums import STOPPED_STAGES, NeedStatus, Stage
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
        _log(project, stages.OPEN, from_stage="", by=by, note=_("Projet ouvert"), via="service")
        _qualify(needs, by)
    return project


def update_project(
    project: Project, *, by, data: dict, expected_version: int | None, departements=None, needs=None
) -> Project:
    """Edit a project's description, carrier and publication; its stage changes only through the stage verbs below."""
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
        notices.decision_recorded(decision, by)
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


# --- a project's stage: one verb per transition of stages.STAGE_TABLE -----------------------------------------


def _log(project: Project, transition: Transition, *, from_stage: str, by, note: str, via: str, at=None):
    return ProjectStageLog.objects.create(
        project=project,
        from_status=from_stage,
        to_status=stages.target_of(transition, project),
        transition=transition.name,
        changed_at=at or timezone.now(),
        changed_by=_author(by),
        note=note,
        via=via,
    )


def _move(
    project: Project, transition: Transition | str, *, by, note: str, expected_version: int | None, via: str
) -> Project:
    """Apply `transition` (or the one leading to the stage it names) to the locked project if the table allows it
    from its stage (then the note, then the guards), bump its version and write the log row, in one transaction."""
    _require(project_abilities(by, project)["move"], _("Seuls les membres de la structure font avancer ses projets."))
    note = (note or "").strip()
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        if expected_version is not None and locked.version != expected_version:
            raise VersionConflict(
                _(
                    "Ce projet a été modifié ou déplacé par quelqu'un d'autre depuis que vous l'avez ouvert "
                    "(il est maintenant à l'étape « %s »). Vérifiez, puis refaites votre changement."
                )
                % Stage(locked.stage).label
            )
        if isinstance(transition, str):
            transition = stages.transition_to(locked, transition)
        stages.STAGE_TABLE.check(transition.name, locked.stage, note=note, subject=locked)
        previous, target = locked.stage, stages.target_of(transition, locked)
        _log(locked, transition, from_stage=previous, by=by, note=note, via=via)
        if target in STOPPED_STAGES:
            if previous not in STOPPED_STAGES:
                locked.stopped_at = previous
            locked.stop_reason = note
        elif previous in STOPPED_STAGES:
            locked.stopped_at = locked.stop_reason = ""
        locked.stage = target
        locked.stage_changed_at = timezone.now()
        locked.version += 1
        if _author(by) is not None:
            locked._history_user = _author(by)
        locked._change_reason = f"{Stage(previous).label} → {Stage(target).label}"
        locked.save(update_fields=["stage", "stopped_at", "stop_reason", "stage_changed_at", "version", "updated_at"])
        notices.project_moved(locked, previous, target, by)
    return locked


def study_opportunity(project: Project, *, by, note: str = "", expected_version=None, via="service") -> Project:
    """detection → opportunity: the steering committee launches the opportunity study."""
    return _move(project, stages.STUDY_OPPORTUNITY, by=by, note=note, expected_version=expected_version, via=via)


def transmit(project: Project, *, by, note: str = "", expected_version=None, via="service") -> Project:
    """opportunity → transmission: only after a "go" as the latest steering decision on the hand-over."""
    return _move(project, stages.TRANSMIT, by=by, note=note, expected_version=expected_version, via=via)


def study_feasibility(project: Project, *, by, note: str = "", expected_version=None, via="service") -> Project:
    """transmission → feasibility: the carrier studies the feasibility."""
    return _move(project, stages.STUDY_FEASIBILITY, by=by, note=note, expected_version=expected_version, via=via)


def launch(project: Project, *, by, note: str = "", expected_version=None, via="service") -> Project:
    """feasibility → launch: support through the launch."""
    return _move(project, stages.LAUNCH, by=by, note=note, expected_version=expected_version, via=via)


def create_activity(project: Project, *, by, note: str = "", expected_version=None, via="service") -> Project:
    """launch → created: only with the outcome's creation date (not before the detection) and legal form."""
    return _move(project, stages.CREATE_ACTIVITY, by=by, note=note, expected_version=expected_version, via=via)


def go_back(project: Project, to: str, *, by, note: str, expected_version=None, via="service") -> Project:
    """Back to an earlier stage of the path (the table's `back_to_<stage>`, one per stage), with a reason."""
    transition = stages.STAGE_TABLE.transitions.get(f"back_to_{to}")
    if transition is None:
        raise TransitionError(_("On ne revient qu'à une étape du parcours, avant l'activité créée."))
    return _move(project, transition, by=by, note=note, expected_version=expected_version, via=via)


def pause(project: Project, *, by, note: str, expected_version=None, via="service") -> Project:
    """Pause a project of the path (not a created activity), with a reason; it keeps the stage it stopped at."""
    return _move(project, stages.PAUSE, by=by, note=note, expected_version=expected_version, via=via)


def abandon(project: Project, *, by, note: str, expected_version=None, via="service") -> Project:
    """Abandon a project of the path, or a paused one, with a reason; it keeps the stage it stopped at."""
    return _move(project, stages.ABANDON, by=by, note=note, expected_version=expected_version, via=via)


def resume(project: Project, *, by, note: str = "", expected_version=None, via="service") -> Project:
    """A paused project resumes at the stage it stopped at."""
    return _move(project, stages.RESUME_PAUSED, by=by, note=note, expected_version=expected_version, via=via)


def reopen(project: Project, *, by, note: str, expected_version=None, via="service") -> Project:
    """An abandoned project is reopened at the stage it stopped at, with a reason."""
    return _move(project, stages.REOPEN, by=by, note=note, expected_version=expected_version, via=via)


def change_stage(
    project: Project, to: str, *, by, note: str = "", expected_version: int | None = None, via: str = "service"
) -> Project:
    """Move `project` to stage `to` (what the pages and the API ask) by the table's transition leading there; refused
    with a TransitionError (French reason), a VersionConflict when the project changed since `expected_version`
    was read, or PermissionDenied."""
    return _move(project, to, by=by, note=note, expected_version=expected_version, via=via)


def checked_stage_history(rows, *, start: str | None = None, stopped_at: str = "") -> list[dict]:
    """The bulk path's check (demo, imports, generator): log rows (dicts of the log's fields: from_status,
    to_status, changed_at, changed_by, note, via, dated) following STAGE_TABLE from `start` (default: the first
    row's `from_status`), a resumed or reopened project returning to the stage it stopped at (`stopped_at` when
    the chain starts paused or abandoned), each given its transition's name; else TransitionError. Rights, notes
    and guards are not evaluated (they read today's data, not the past)."""
    named = stages.STAGE_TABLE.named(rows, start)
    for row in named:
        from_stage, to_stage = row["from_status"], row["to_status"]
        refusal = stages.return_refusal(from_stage, to_stage, stopped_at)
        if refusal:
            raise TransitionError(refusal)
        if to_stage in STOPPED_STAGES and from_stage not in STOPPED_STAGES:
            stopped_at = from_stage
    return named


def stage_history(project_id: int, rows, *, start: str | None = None, stopped_at: str = "") -> list[ProjectStageLog]:
    """The bulk path: the unsaved log rows of a project's past stages, checked by `checked_stage_history` (nothing
    is built when the table refuses the chain). The caller writes them with `write_stage_history` and sets the
    project's stage to the last row's."""
    checked = checked_stage_history(rows, start=start, stopped_at=stopped_at)
    return [ProjectStageLog(project_id=project_id, **row) for row in checked]


def write_stage_history(rows: list[ProjectStageLog], batch_size: int = 1000) -> list[ProjectStageLog]:
    return ProjectStageLog.objects.bulk_create(rows, batch_size=batch_size)
