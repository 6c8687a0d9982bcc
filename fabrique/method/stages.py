"""The one way a project changes stage.

Rules (docs/method.md):
- forward one stage at a time along detection → opportunity → transmission → feasibility → launch → created;
- backward to any earlier stage, with a reason;
- `abandoned` or `paused` from any stage of the path but `created`, with a reason; the stage it stopped at is kept;
  a paused project may then be abandoned;
- a paused project resumes at the stage where it stopped; an abandoned one may be reopened there, with a reason;
- entering `transmission` requires that the latest steering decision on the hand-over is a "go";
- entering `created` requires the outcome's creation date (not before the detection date) and legal form.
Each change writes a ProjectStageLog row in the same transaction; `Project.stage` always equals the `to_stage`
of the project's last log row.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import TransitionError, VersionConflict

from .enums import HANDOVER_SUBJECTS, STAGE_ORDER, DecisionChoice, Stage
from .models import Outcome, Project, ProjectStageLog, SteeringDecision
from .perms import project_abilities

FORWARD, BACKWARD, STOP, RESUME = "forward", "backward", "stop", "resume"


@dataclass(frozen=True)
class Move:
    to: str
    kind: str
    needs_reason: bool

    @property
    def label(self) -> str:
        target = Stage(self.to).label
        if self.kind == FORWARD:
            return _("Passer à « %s »") % target
        if self.kind == BACKWARD:
            return _("Revenir à « %s »") % target
        if self.kind == RESUME:
            return _("Reprendre à « %s »") % target
        return _("Abandonner") if self.to == Stage.ABANDONED else _("Mettre en pause")


def _label(stage: str) -> str:
    return str(Stage(stage).label) if stage in Stage.values else stage


def allowed_moves(project: Project) -> list[Move]:
    """The changes the stage rules allow from the project's current stage (before the entry conditions)."""
    stage = project.stage
    if stage == Stage.PAUSED:
        return [Move(project.stopped_at, RESUME, False), Move(Stage.ABANDONED, STOP, True)]
    if stage == Stage.ABANDONED:
        return [Move(project.stopped_at, RESUME, True)]
    index = STAGE_ORDER.index(stage)
    moves = []
    if index + 1 < len(STAGE_ORDER):
        moves.append(Move(STAGE_ORDER[index + 1], FORWARD, False))
    moves += [Move(earlier, BACKWARD, True) for earlier in reversed(STAGE_ORDER[:index])]
    if stage != Stage.CREATED:
        moves += [Move(Stage.PAUSED, STOP, True), Move(Stage.ABANDONED, STOP, True)]
    return moves


def next_stage(project: Project) -> str | None:
    forward = [move for move in allowed_moves(project) if move.kind == FORWARD]
    return forward[0].to if forward else None


def _refuse_path(project: Project, to: str) -> None:
    stage = project.stage
    if to == stage:
        raise TransitionError(_("Le projet est déjà à l'étape « %s ».") % _label(stage))
    if stage == Stage.PAUSED:
        raise TransitionError(
            _("Un projet en pause reprend à l'étape où il s'était arrêté (« %s »), ou est abandonné.")
            % _label(project.stopped_at)
        )
    if stage == Stage.ABANDONED:
        raise TransitionError(
            _("Un projet abandonné ne peut que reprendre à l'étape où il s'était arrêté (« %s »), avec un motif.")
            % _label(project.stopped_at)
        )
    if stage == Stage.CREATED and to in (Stage.PAUSED, Stage.ABANDONED):
        raise TransitionError(
            _(
                "L'activité est créée : elle ne s'abandonne ni ne se met en pause ; "
                "son devenir se note dans les suivis à 1 et 3 ans."
            )
        )
    if to in STAGE_ORDER and STAGE_ORDER.index(to) > STAGE_ORDER.index(stage):
        raise TransitionError(
            _("On avance d'une étape à la fois : après « %(current)s » vient « %(next)s ».")
            % {"current": _label(stage), "next": _label(next_stage(project))}
        )
    raise TransitionError(_("Changement d'étape impossible."))


def check_move(project: Project, to: str, note: str = "") -> Move:
    """The move from the project's stage to `to`, or a TransitionError saying why it is refused."""
    if to not in Stage.values:
        raise TransitionError(_("Étape inconnue : « %s ».") % to)
    move = next((m for m in allowed_moves(project) if m.to == to), None)
    if move is None:
        _refuse_path(project, to)
    if move.needs_reason and not note.strip():
        if move.kind == BACKWARD:
            raise TransitionError(_("Indiquez le motif du retour à l'étape « %s ».") % _label(to))
        if move.kind == RESUME:
            raise TransitionError(_("Indiquez le motif de la reprise d'un projet abandonné."))
        if to == Stage.ABANDONED:
            raise TransitionError(_("Indiquez le motif de l'abandon."))
        raise TransitionError(_("Indiquez le motif de la mise en pause."))
    if to == Stage.TRANSMISSION:
        _require_go(project)
    if to == Stage.CREATED:
        _require_outcome(project)
    return move


def _require_go(project: Project) -> None:
    latest = (
        SteeringDecision.objects.filter(project=project, subject__in=HANDOVER_SUBJECTS)
        .order_by("-decided_on", "-pk")
        .first()
    )
    if latest is None:
        raise TransitionError(
            _(
                "Pour passer à la transmission à un porteur, enregistrez d'abord la décision « go » du comité de "
                "pilotage (objet « transmettre à un porteur » ou « go / no-go »)."
            )
        )
    if latest.choice != DecisionChoice.GO:
        raise TransitionError(
            _(
                "La dernière décision du comité de pilotage sur la transmission (%(date)s) est « %(choice)s » : "
                "la transmission demande une décision « go »."
            )
            % {"date": f"{latest.decided_on:%d/%m/%Y}", "choice": latest.get_choice_display()}
        )


def _require_outcome(project: Project) -> None:
    outcome = Outcome.objects.filter(project=project).first()
    if outcome is None or not outcome.created_on or not outcome.legal_form:
        raise TransitionError(
            _("Pour passer à « activité créée », renseignez d'abord le résultat : date de création et forme juridique.")
        )
    if outcome.created_on < project.detected_on:
        raise TransitionError(
            _(
                "La date de création (%(created)s) précède la date de détection du projet (%(detected)s) : "
                "corrigez le résultat."
            )
            % {"created": f"{outcome.created_on:%d/%m/%Y}", "detected": f"{project.detected_on:%d/%m/%Y}"}
        )


def change_stage(project: Project, to: str, *, by, note: str = "", expected_version: int | None = None) -> Project:
    """Move `project` to stage `to`, as `by`; refused with a TransitionError (French reason), a VersionConflict
    when the project changed since `expected_version` was read, or PermissionDenied."""
    if not project_abilities(by, project)["move"]:
        raise PermissionDenied(_("Seuls les membres de la structure font avancer ses projets."))
    note = (note or "").strip()
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        if expected_version is not None and locked.version != expected_version:
            raise VersionConflict(
                _(
                    "Ce projet a été modifié ou déplacé par quelqu'un d'autre depuis que vous l'avez ouvert "
                    "(il est maintenant à l'étape « %s »). Vérifiez, puis refaites votre changement."
                )
                % _label(locked.stage)
            )
        move = check_move(locked, to, note)
        previous = locked.stage
        if move.kind == STOP:
            if previous not in (Stage.PAUSED, Stage.ABANDONED):
                locked.stopped_at = previous
            locked.stop_reason = note
        elif move.kind == RESUME:
            locked.stopped_at = ""
            locked.stop_reason = ""
        locked.stage = to
        locked.stage_changed_at = timezone.now()
        locked.version += 1
        author = by if getattr(by, "is_authenticated", False) else None
        if author is not None:
            locked._history_user = author
        locked._change_reason = f"{_label(previous)} → {_label(to)}"
        locked.save(update_fields=["stage", "stopped_at", "stop_reason", "stage_changed_at", "version", "updated_at"])
        ProjectStageLog.objects.create(project=locked, from_stage=previous, to_stage=to, changed_by=author, note=note)
    return locked
