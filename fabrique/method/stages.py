"""The rules of a project's stage: the method's transition table (STAGE_TABLE), its guards and its refusals.

Rules (docs/method.md):
- forward one stage at a time along detection → opportunity → transmission → feasibility → launch → created;
- backward to any earlier stage, with a reason;
- `abandoned` or `paused` from any stage of the path but `created`, with a reason; the stage it stopped at is kept;
  a paused project may then be abandoned;
- a paused project resumes at the stage where it stopped; an abandoned one may be reopened there, with a reason;
- entering `transmission` requires that the latest steering decision on the hand-over is a "go";
- entering `created` requires the outcome's creation date (not before the detection date) and legal form.
The verbs that apply a transition and write its ProjectStageLog row live in `services.py`; this module writes
nothing. `Project.stage` always equals the `to_status` of the project's last log row.
"""

from dataclasses import dataclass
from functools import cache

from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fabrique.core.exceptions import TransitionError
from fabrique.core.transitions import Transition, TransitionTable

from .enums import HANDOVER_SUBJECTS, STAGE_ORDER, STOPPED_STAGES, DecisionChoice, Stage
from .models import Outcome, Project, SteeringDecision

FORWARD, BACKWARD, STOP, RESUME = "forward", "backward", "stop", "resume"
# The path's stages a project may pause or be abandoned from (`created` may not).
_RUNNING = STAGE_ORDER[:-1]


def stage_label(stage: str) -> str:
    return str(Stage(stage).label) if stage in Stage.values else stage


# --- guards: they read the locked project -----------------------------------------------------------------


def require_go(project: Project) -> None:
    """Entering `transmission`: the latest steering decision on the hand-over is a "go"."""
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


def require_outcome(project: Project) -> None:
    """Entering `created`: the outcome has its creation date (not before the detection) and legal form."""
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


# --- the table --------------------------------------------------------------------------------------------

# The refusal of a transition when none of the general rules below (_refuse) says more.
_BEYOND = gettext_lazy("Ce changement est impossible depuis l'étape « %(status)s ».")


# Labels and notes naming a stage: translated when read, not when the module is imported.
_forward_label = lazy(lambda target: _("Passer à « %s »") % stage_label(target), str)
_backward_label = lazy(lambda target: _("Revenir à « %s »") % stage_label(target), str)
_backward_note = lazy(lambda target: _("Indiquez le motif du retour à l'étape « %s ».") % stage_label(target), str)


def _forward(name: str, source: str, target: str, guards=()) -> Transition:
    return Transition(name, (source,), target, _forward_label(target), _BEYOND, guards=guards)


def _backward(target: str) -> Transition:
    later = STAGE_ORDER[STAGE_ORDER.index(target) + 1 :]
    return Transition(f"back_to_{target}", later, target, _backward_label(target), _BEYOND, _backward_note(target))


OPEN = Transition(
    "open", ("",), Stage.DETECTION, gettext_lazy("Ouvrir le projet"), gettext_lazy("Le projet est déjà ouvert.")
)
STUDY_OPPORTUNITY = _forward("study_opportunity", Stage.DETECTION, Stage.OPPORTUNITY)
TRANSMIT = _forward("transmit", Stage.OPPORTUNITY, Stage.TRANSMISSION, (require_go,))
STUDY_FEASIBILITY = _forward("study_feasibility", Stage.TRANSMISSION, Stage.FEASIBILITY)
LAUNCH = _forward("launch", Stage.FEASIBILITY, Stage.LAUNCH)
CREATE_ACTIVITY = _forward("create_activity", Stage.LAUNCH, Stage.CREATED, (require_outcome,))
# Nearest first: the order the project's page offers them in.
BACKWARDS = tuple(_backward(stage) for stage in reversed(STAGE_ORDER[:-1]))
RESUME_PAUSED = Transition(
    "resume",
    (Stage.PAUSED,),
    None,
    gettext_lazy("Reprendre"),
    gettext_lazy("Seul un projet en pause reprend là où il s'était arrêté."),
)
PAUSE = Transition(
    "pause",
    _RUNNING,
    Stage.PAUSED,
    gettext_lazy("Mettre en pause"),
    _BEYOND,
    gettext_lazy("Indiquez le motif de la mise en pause."),
)
ABANDON = Transition(
    "abandon",
    (*_RUNNING, Stage.PAUSED),
    Stage.ABANDONED,
    gettext_lazy("Abandonner"),
    _BEYOND,
    gettext_lazy("Indiquez le motif de l'abandon."),
)
REOPEN = Transition(
    "reopen",
    (Stage.ABANDONED,),
    None,
    gettext_lazy("Rouvrir"),
    gettext_lazy("Seul un projet abandonné se rouvre, là où il s'était arrêté."),
    gettext_lazy("Indiquez le motif de la reprise d'un projet abandonné."),
)
_KINDS = {
    **{t.name: FORWARD for t in (OPEN, STUDY_OPPORTUNITY, TRANSMIT, STUDY_FEASIBILITY, LAUNCH, CREATE_ACTIVITY)},
    **{t.name: BACKWARD for t in BACKWARDS},
    PAUSE.name: STOP,
    ABANDON.name: STOP,
    RESUME_PAUSED.name: RESUME,
    REOPEN.name: RESUME,
}


def target_of(transition: Transition, project: Project | None) -> str:
    """Where a transition leads the project: its fixed target, or the stage it stopped at (resume, reopen)."""
    if transition.target is not None:
        return transition.target
    return project.stopped_at if project is not None else ""


def _refuse(transition: Transition, stage: str, project: Project | None) -> str:
    """The French refusal of `transition` from `stage`: the general rules of the method first (the message names
    what is possible), then the transition's own."""
    to = target_of(transition, project)
    stopped = stage_label(project.stopped_at) if project is not None else ""
    if transition is OPEN:
        return str(OPEN.refusal)
    if to == stage:
        return _("Le projet est déjà à l'étape « %s ».") % stage_label(stage)
    if stage == Stage.PAUSED:
        return _("Un projet en pause reprend à l'étape où il s'était arrêté (« %s »), ou est abandonné.") % stopped
    if stage == Stage.ABANDONED:
        return (
            _("Un projet abandonné ne peut que reprendre à l'étape où il s'était arrêté (« %s »), avec un motif.")
            % stopped
        )
    if stage == Stage.CREATED and transition in (PAUSE, ABANDON):
        return _(
            "L'activité est créée : elle ne s'abandonne ni ne se met en pause ; "
            "son devenir se note dans les suivis à 1 et 3 ans."
        )
    if to in STAGE_ORDER and stage in STAGE_ORDER and STAGE_ORDER.index(to) > STAGE_ORDER.index(stage):
        following = STAGE_ORDER[STAGE_ORDER.index(stage) + 1]
        return _("On avance d'une étape à la fois : après « %(current)s » vient « %(next)s ».") % {
            "current": stage_label(stage),
            "next": stage_label(following),
        }
    if to in STAGE_ORDER and stage in STAGE_ORDER:
        return _("Le projet a dépassé « %(to)s » (il est à l'étape « %(current)s ») : on y revient avec un motif.") % {
            "to": stage_label(to),
            "current": stage_label(stage),
        }
    return str(transition.refusal) % {"status": stage_label(stage)}


STAGE_TABLE = TransitionTable(
    (
        OPEN,
        STUDY_OPPORTUNITY,
        TRANSMIT,
        STUDY_FEASIBILITY,
        LAUNCH,
        CREATE_ACTIVITY,
        *BACKWARDS,
        RESUME_PAUSED,
        PAUSE,
        ABANDON,
        REOPEN,
    ),
    labels=lambda stage: stage_label(stage) if stage else _("aucune"),
    refuse=_refuse,
)


def transition_to(project: Project, to: str) -> Transition:
    """The table's transition leading the project from its stage to `to`, or a TransitionError saying why there is
    none (the pages and the API ask for a stage, the table names the change)."""
    if to not in Stage.values:
        raise TransitionError(_("Étape inconnue : « %s ».") % to)
    for transition in STAGE_TABLE.available(project.stage):
        if target_of(transition, project) == to:
            return transition
    raise TransitionError(STAGE_TABLE.refusal(_towards(to).name, project.stage, project))


def _towards(stage: str) -> Transition:
    """A transition of the path leading to `stage`, to word the refusal of a way the table has not."""
    return next(t for t in STAGE_TABLE if t.target == stage and t is not OPEN)


def chain(start: str, start_stopped_at: str, stage: str, stopped_at: str = "") -> list[tuple[str, str]]:
    """The (from, to) steps, following the table, by which an import brings a project from `start` ("" for a
    new project) to `stage` (through `stopped_at` for a paused or abandoned one; a stopped project first resumes
    where it stopped), shortest path; TransitionError when the table has none. Notes and guards are not
    evaluated: the import brings a history, checked by the table in `services.stage_history`."""
    steps: list[tuple[str, str]] = []
    current = start
    if current == Stage.PAUSED and stage == Stage.ABANDONED and stopped_at in ("", start_stopped_at):
        return [(Stage.PAUSED, Stage.ABANDONED)]
    if current in STOPPED_STAGES and (stage, stopped_at) != (current, start_stopped_at):
        steps.append((current, start_stopped_at))  # resume or reopen where it stopped
        current = start_stopped_at
    if not current:
        steps.append(("", Stage.DETECTION))
        current = Stage.DETECTION
    goal = stopped_at if stage in STOPPED_STAGES else stage
    if goal != current:
        path = STAGE_TABLE.path(current, goal)
        if not path:
            raise TransitionError(STAGE_TABLE.refusal(_towards(goal).name, current))
        for transition in path:
            steps.append((current, transition.target))
            current = transition.target
    if stage in STOPPED_STAGES and stage != current:
        stop = PAUSE if stage == Stage.PAUSED else ABANDON
        if not STAGE_TABLE.allowed(stop.name, current):
            raise TransitionError(STAGE_TABLE.refusal(stop.name, current))
        steps.append((current, stage))
    return steps


def return_refusal(from_stage: str, to_stage: str, stopped_at: str) -> str:
    """Why a logged step leaving a pause or an abandonment is refused: it returns to the stage the project stopped
    at, or is the abandonment of a paused project ("" when it does; the table cannot say, it knows no project)."""
    if (
        from_stage in STOPPED_STAGES
        and to_stage != stopped_at
        and (from_stage, to_stage) != (Stage.PAUSED, Stage.ABANDONED)
    ):
        return _("Un projet arrêté reprend à l'étape où il s'était arrêté (« %(stopped)s »), pas à « %(to)s ».") % {
            "stopped": stage_label(stopped_at),
            "to": stage_label(to_stage),
        }
    return ""


# --- what the project's page offers -----------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """A transition as the project's page offers it: the stage it leads to, its kind, whether it needs a reason."""

    to: str
    kind: str
    needs_reason: bool
    transition: str = ""

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


@cache
def _needs_reason(name: str) -> bool:
    """Whether the transition asks for a reason, read once: its note is a lazy message, translated (the stage's
    label and all) each time it is read, and whether there is one depends on no language. The board asks for
    every card: reading the notes there made it 12 % slower than before the table (make bench, issue 12)."""
    return bool(STAGE_TABLE[name].note_required)


def allowed_moves(project: Project) -> list[Move]:
    """The changes the table allows from the project's current stage (before the notes and the guards)."""
    return [
        Move(target_of(t, project), _KINDS[t.name], _needs_reason(t.name), t.name)
        for t in STAGE_TABLE.available(project.stage)
    ]


def next_stage(project: Project) -> str | None:
    forward = [move for move in allowed_moves(project) if move.kind == FORWARD]
    return forward[0].to if forward else None
