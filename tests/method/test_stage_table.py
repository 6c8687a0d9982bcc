"""The method's transition table is the truth: every (stage, transition) pair is allowed or refused with its exact
French message, through the service verbs; the bulk path refuses what the table refuses; rows carry their
transition and their way."""

import datetime
import importlib
import re
from functools import partial

import pytest

from fabrique.core.exceptions import TransitionError
from fabrique.method import services
from fabrique.method.enums import STAGE_ORDER
from fabrique.method.enums import Stage as S
from fabrique.method.models import Project, ProjectStageLog
from fabrique.method.stages import STAGE_TABLE, allowed_moves, chain

from .factories import OutcomeFactory, ProjectFactory, SteeringDecisionFactory

LABELS = {
    S.DETECTION: "détection",
    S.OPPORTUNITY: "étude d'opportunité",
    S.TRANSMISSION: "transmission à un porteur",
    S.FEASIBILITY: "étude de faisabilité",
    S.LAUNCH: "accompagnement au lancement",
    S.CREATED: "activité créée",
    S.ABANDONED: "abandonné",
    S.PAUSED: "en pause",
}
ALLOWED = None
OPENED = "Le projet est déjà ouvert."
NOT_PAUSED = "Seul un projet en pause reprend là où il s'était arrêté."
NOT_ABANDONED = "Seul un projet abandonné se rouvre, là où il s'était arrêté."
# the stopped projects of the matrix stopped at the opportunity study
PAUSED_RESUMES = (
    "Un projet en pause reprend à l'étape où il s'était arrêté (« étude d'opportunité »), ou est abandonné."
)
ABANDONED_REOPENS = (
    "Un projet abandonné ne peut que reprendre à l'étape où il s'était arrêté (« étude d'opportunité »), avec un motif."
)
CREATED_STAYS = (
    "L'activité est créée : elle ne s'abandonne ni ne se met en pause ; "
    "son devenir se note dans les suivis à 1 et 3 ans."
)


def ALREADY(stage):  # noqa: N802 - reads as the message it builds
    return f"Le projet est déjà à l'étape « {LABELS[stage]} »."


def ONE_AT_A_TIME(current, following):  # noqa: N802
    return f"On avance d'une étape à la fois : après « {LABELS[current]} » vient « {LABELS[following]} »."


def PASSED(to, current):  # noqa: N802
    return (
        f"Le projet a dépassé « {LABELS[to]} » (il est à l'étape « {LABELS[current]} ») : on y revient avec un motif."
    )


MATRIX = {
    # from detection
    (S.DETECTION, "open"): OPENED,
    (S.DETECTION, "study_opportunity"): ALLOWED,
    (S.DETECTION, "transmit"): ONE_AT_A_TIME(S.DETECTION, S.OPPORTUNITY),
    (S.DETECTION, "study_feasibility"): ONE_AT_A_TIME(S.DETECTION, S.OPPORTUNITY),
    (S.DETECTION, "launch"): ONE_AT_A_TIME(S.DETECTION, S.OPPORTUNITY),
    (S.DETECTION, "create_activity"): ONE_AT_A_TIME(S.DETECTION, S.OPPORTUNITY),
    (S.DETECTION, "back_to_launch"): ONE_AT_A_TIME(S.DETECTION, S.OPPORTUNITY),
    (S.DETECTION, "back_to_feasibility"): ONE_AT_A_TIME(S.DETECTION, S.OPPORTUNITY),
    (S.DETECTION, "back_to_transmission"): ONE_AT_A_TIME(S.DETECTION, S.OPPORTUNITY),
    (S.DETECTION, "back_to_opportunity"): ONE_AT_A_TIME(S.DETECTION, S.OPPORTUNITY),
    (S.DETECTION, "back_to_detection"): ALREADY(S.DETECTION),
    (S.DETECTION, "resume"): NOT_PAUSED,
    (S.DETECTION, "pause"): ALLOWED,
    (S.DETECTION, "abandon"): ALLOWED,
    (S.DETECTION, "reopen"): NOT_ABANDONED,
    # from opportunity
    (S.OPPORTUNITY, "open"): OPENED,
    (S.OPPORTUNITY, "study_opportunity"): ALREADY(S.OPPORTUNITY),
    (S.OPPORTUNITY, "transmit"): ALLOWED,
    (S.OPPORTUNITY, "study_feasibility"): ONE_AT_A_TIME(S.OPPORTUNITY, S.TRANSMISSION),
    (S.OPPORTUNITY, "launch"): ONE_AT_A_TIME(S.OPPORTUNITY, S.TRANSMISSION),
    (S.OPPORTUNITY, "create_activity"): ONE_AT_A_TIME(S.OPPORTUNITY, S.TRANSMISSION),
    (S.OPPORTUNITY, "back_to_launch"): ONE_AT_A_TIME(S.OPPORTUNITY, S.TRANSMISSION),
    (S.OPPORTUNITY, "back_to_feasibility"): ONE_AT_A_TIME(S.OPPORTUNITY, S.TRANSMISSION),
    (S.OPPORTUNITY, "back_to_transmission"): ONE_AT_A_TIME(S.OPPORTUNITY, S.TRANSMISSION),
    (S.OPPORTUNITY, "back_to_opportunity"): ALREADY(S.OPPORTUNITY),
    (S.OPPORTUNITY, "back_to_detection"): ALLOWED,
    (S.OPPORTUNITY, "resume"): NOT_PAUSED,
    (S.OPPORTUNITY, "pause"): ALLOWED,
    (S.OPPORTUNITY, "abandon"): ALLOWED,
    (S.OPPORTUNITY, "reopen"): NOT_ABANDONED,
    # from transmission
    (S.TRANSMISSION, "open"): OPENED,
    (S.TRANSMISSION, "study_opportunity"): PASSED(S.OPPORTUNITY, S.TRANSMISSION),
    (S.TRANSMISSION, "transmit"): ALREADY(S.TRANSMISSION),
    (S.TRANSMISSION, "study_feasibility"): ALLOWED,
    (S.TRANSMISSION, "launch"): ONE_AT_A_TIME(S.TRANSMISSION, S.FEASIBILITY),
    (S.TRANSMISSION, "create_activity"): ONE_AT_A_TIME(S.TRANSMISSION, S.FEASIBILITY),
    (S.TRANSMISSION, "back_to_launch"): ONE_AT_A_TIME(S.TRANSMISSION, S.FEASIBILITY),
    (S.TRANSMISSION, "back_to_feasibility"): ONE_AT_A_TIME(S.TRANSMISSION, S.FEASIBILITY),
    (S.TRANSMISSION, "back_to_transmission"): ALREADY(S.TRANSMISSION),
    (S.TRANSMISSION, "back_to_opportunity"): ALLOWED,
    (S.TRANSMISSION, "back_to_detection"): ALLOWED,
    (S.TRANSMISSION, "resume"): NOT_PAUSED,
    (S.TRANSMISSION, "pause"): ALLOWED,
    (S.TRANSMISSION, "abandon"): ALLOWED,
    (S.TRANSMISSION, "reopen"): NOT_ABANDONED,
    # from feasibility
    (S.FEASIBILITY, "open"): OPENED,
    (S.FEASIBILITY, "study_opportunity"): PASSED(S.OPPORTUNITY, S.FEASIBILITY),
    (S.FEASIBILITY, "transmit"): PASSED(S.TRANSMISSION, S.FEASIBILITY),
    (S.FEASIBILITY, "study_feasibility"): ALREADY(S.FEASIBILITY),
    (S.FEASIBILITY, "launch"): ALLOWED,
    (S.FEASIBILITY, "create_activity"): ONE_AT_A_TIME(S.FEASIBILITY, S.LAUNCH),
    (S.FEASIBILITY, "back_to_launch"): ONE_AT_A_TIME(S.FEASIBILITY, S.LAUNCH),
    (S.FEASIBILITY, "back_to_feasibility"): ALREADY(S.FEASIBILITY),
    (S.FEASIBILITY, "back_to_transmission"): ALLOWED,
    (S.FEASIBILITY, "back_to_opportunity"): ALLOWED,
    (S.FEASIBILITY, "back_to_detection"): ALLOWED,
    (S.FEASIBILITY, "resume"): NOT_PAUSED,
    (S.FEASIBILITY, "pause"): ALLOWED,
    (S.FEASIBILITY, "abandon"): ALLOWED,
    (S.FEASIBILITY, "reopen"): NOT_ABANDONED,
    # from launch
    (S.LAUNCH, "open"): OPENED,
    (S.LAUNCH, "study_opportunity"): PASSED(S.OPPORTUNITY, S.LAUNCH),
    (S.LAUNCH, "transmit"): PASSED(S.TRANSMISSION, S.LAUNCH),
    (S.LAUNCH, "study_feasibility"): PASSED(S.FEASIBILITY, S.LAUNCH),
    (S.LAUNCH, "launch"): ALREADY(S.LAUNCH),
    (S.LAUNCH, "create_activity"): ALLOWED,
    (S.LAUNCH, "back_to_launch"): ALREADY(S.LAUNCH),
    (S.LAUNCH, "back_to_feasibility"): ALLOWED,
    (S.LAUNCH, "back_to_transmission"): ALLOWED,
    (S.LAUNCH, "back_to_opportunity"): ALLOWED,
    (S.LAUNCH, "back_to_detection"): ALLOWED,
    (S.LAUNCH, "resume"): NOT_PAUSED,
    (S.LAUNCH, "pause"): ALLOWED,
    (S.LAUNCH, "abandon"): ALLOWED,
    (S.LAUNCH, "reopen"): NOT_ABANDONED,
    # from created
    (S.CREATED, "open"): OPENED,
    (S.CREATED, "study_opportunity"): PASSED(S.OPPORTUNITY, S.CREATED),
    (S.CREATED, "transmit"): PASSED(S.TRANSMISSION, S.CREATED),
    (S.CREATED, "study_feasibility"): PASSED(S.FEASIBILITY, S.CREATED),
    (S.CREATED, "launch"): PASSED(S.LAUNCH, S.CREATED),
    (S.CREATED, "create_activity"): ALREADY(S.CREATED),
    (S.CREATED, "back_to_launch"): ALLOWED,
    (S.CREATED, "back_to_feasibility"): ALLOWED,
    (S.CREATED, "back_to_transmission"): ALLOWED,
    (S.CREATED, "back_to_opportunity"): ALLOWED,
    (S.CREATED, "back_to_detection"): ALLOWED,
    (S.CREATED, "resume"): NOT_PAUSED,
    (S.CREATED, "pause"): CREATED_STAYS,
    (S.CREATED, "abandon"): CREATED_STAYS,
    (S.CREATED, "reopen"): NOT_ABANDONED,
    # from abandoned
    (S.ABANDONED, "open"): OPENED,
    (S.ABANDONED, "study_opportunity"): ABANDONED_REOPENS,
    (S.ABANDONED, "transmit"): ABANDONED_REOPENS,
    (S.ABANDONED, "study_feasibility"): ABANDONED_REOPENS,
    (S.ABANDONED, "launch"): ABANDONED_REOPENS,
    (S.ABANDONED, "create_activity"): ABANDONED_REOPENS,
    (S.ABANDONED, "back_to_launch"): ABANDONED_REOPENS,
    (S.ABANDONED, "back_to_feasibility"): ABANDONED_REOPENS,
    (S.ABANDONED, "back_to_transmission"): ABANDONED_REOPENS,
    (S.ABANDONED, "back_to_opportunity"): ABANDONED_REOPENS,
    (S.ABANDONED, "back_to_detection"): ABANDONED_REOPENS,
    (S.ABANDONED, "resume"): ABANDONED_REOPENS,
    (S.ABANDONED, "pause"): ABANDONED_REOPENS,
    (S.ABANDONED, "abandon"): ALREADY(S.ABANDONED),
    (S.ABANDONED, "reopen"): ALLOWED,
    # from paused
    (S.PAUSED, "open"): OPENED,
    (S.PAUSED, "study_opportunity"): PAUSED_RESUMES,
    (S.PAUSED, "transmit"): PAUSED_RESUMES,
    (S.PAUSED, "study_feasibility"): PAUSED_RESUMES,
    (S.PAUSED, "launch"): PAUSED_RESUMES,
    (S.PAUSED, "create_activity"): PAUSED_RESUMES,
    (S.PAUSED, "back_to_launch"): PAUSED_RESUMES,
    (S.PAUSED, "back_to_feasibility"): PAUSED_RESUMES,
    (S.PAUSED, "back_to_transmission"): PAUSED_RESUMES,
    (S.PAUSED, "back_to_opportunity"): PAUSED_RESUMES,
    (S.PAUSED, "back_to_detection"): PAUSED_RESUMES,
    (S.PAUSED, "resume"): ALLOWED,
    (S.PAUSED, "pause"): ALREADY(S.PAUSED),
    (S.PAUSED, "abandon"): ALLOWED,
    (S.PAUSED, "reopen"): PAUSED_RESUMES,
}

VERBS = {
    "study_opportunity": services.study_opportunity,
    "transmit": services.transmit,
    "study_feasibility": services.study_feasibility,
    "launch": services.launch,
    "create_activity": services.create_activity,
    **{f"back_to_{stage}": partial(services.go_back, to=stage) for stage in STAGE_ORDER[:-1]},
    "pause": services.pause,
    "abandon": services.abandon,
    "resume": services.resume,
    "reopen": services.reopen,
}
TARGETS = {
    "study_opportunity": S.OPPORTUNITY,
    "transmit": S.TRANSMISSION,
    "study_feasibility": S.FEASIBILITY,
    "launch": S.LAUNCH,
    "create_activity": S.CREATED,
    "pause": S.PAUSED,
    "abandon": S.ABANDONED,
    "resume": S.OPPORTUNITY,
    "reopen": S.OPPORTUNITY,
}


def test_the_matrix_covers_every_stage_and_every_transition_of_the_table():
    assert set(MATRIX) == {(stage, t.name) for stage in S.values for t in STAGE_TABLE}
    assert {t.name for t in STAGE_TABLE} == {"open", *VERBS}


@pytest.fixture
def ready_project(structure):
    """A project whose guards pass: a "go" on the hand-over and a dated outcome."""

    def make(stage):
        stopped = stage in (S.PAUSED, S.ABANDONED)
        project = ProjectFactory(structure=structure, stage=stage, stopped_at=S.OPPORTUNITY if stopped else "")
        SteeringDecisionFactory(project=project)
        OutcomeFactory(project=project)
        return project

    return make


@pytest.mark.parametrize(("stage", "name"), list(MATRIX), ids=lambda value: str(value))
def test_each_stage_and_transition_is_allowed_or_refused_with_its_french_message(ready_project, member, stage, name):
    project = ready_project(stage)
    expected = MATRIX[(stage, name)]
    if name == "open":  # opening is create_project's; a project exists already
        with pytest.raises(TransitionError, match=re.escape(expected)) as refusal:
            STAGE_TABLE.check(name, stage, subject=project)
        assert str(refusal.value) == expected
        return
    move = partial(VERBS[name], project, by=member, note="Motif consigné")
    if expected is ALLOWED:
        moved = move()
        row = moved.stage_log.last()
        target = TARGETS.get(name, name.removeprefix("back_to_"))
        assert (moved.stage, row.from_status, row.to_status, row.transition, row.via, row.note) == (
            target,
            stage,
            target,
            name,
            "service",
            "Motif consigné",
        )
        return
    with pytest.raises(TransitionError, match=re.escape(expected)) as refusal:
        move()
    assert str(refusal.value) == expected
    project.refresh_from_db()
    assert project.stage == stage and project.stage_log.count() == 1


@pytest.mark.parametrize(
    ("name", "stage", "message"),
    [
        ("back_to_detection", S.OPPORTUNITY, "Indiquez le motif du retour à l'étape « détection »."),
        ("back_to_transmission", S.CREATED, "Indiquez le motif du retour à l'étape « transmission à un porteur »."),
        ("pause", S.LAUNCH, "Indiquez le motif de la mise en pause."),
        ("abandon", S.PAUSED, "Indiquez le motif de l'abandon."),
        ("reopen", S.ABANDONED, "Indiquez le motif de la reprise d'un projet abandonné."),
    ],
)
def test_a_transition_needing_a_reason_refuses_an_empty_note(ready_project, member, name, stage, message):
    project = ready_project(stage)
    with pytest.raises(TransitionError, match=re.escape(message)) as refusal:
        VERBS[name](project, by=member, note="  ")
    assert str(refusal.value) == message
    assert project.stage_log.count() == 1


@pytest.mark.parametrize("stage", S.values)
def test_a_move_asks_for_a_reason_where_its_transition_requires_a_note(stage):
    # allowed_moves reads whether a note is required once per transition, not on each card of the board
    project = Project(stage=stage, stopped_at=S.OPPORTUNITY if stage in (S.PAUSED, S.ABANDONED) else "")
    moves = allowed_moves(project)
    assert [move.transition for move in moves] == [t.name for t in STAGE_TABLE.available(stage)]
    assert [move.needs_reason for move in moves] == [bool(STAGE_TABLE[m.transition].note_required) for m in moves]


def test_a_verb_records_its_way(ready_project, member):
    project = services.study_opportunity(ready_project(S.DETECTION), by=member, via="api")
    assert project.stage_log.values_list("transition", "via").last() == ("study_opportunity", "api")


def test_change_stage_names_the_transition_leading_to_the_stage(ready_project, member):
    project = ready_project(S.PAUSED)
    services.change_stage(project, S.OPPORTUNITY, by=member)
    row = project.stage_log.last()
    assert (row.from_status, row.to_status, row.transition, row.via) == (S.PAUSED, S.OPPORTUNITY, "resume", "service")


def test_go_back_to_a_stage_outside_the_path_is_refused_in_french(ready_project, member):
    with pytest.raises(TransitionError, match="On ne revient qu'à une étape du parcours"):
        services.go_back(ready_project(S.LAUNCH), to=S.CREATED, by=member, note="Motif")


# --- the bulk path --------------------------------------------------------------------------------------------


def noon(day: int) -> datetime.datetime:
    return datetime.datetime(2024, 1, day, 12, tzinfo=datetime.UTC)


def rows(*steps, via="demo"):
    return [{"from_status": a, "to_status": b, "changed_at": noon(i + 1), "via": via} for i, (a, b) in enumerate(steps)]


def test_the_bulk_path_names_each_row_and_writes_them(structure):
    project = ProjectFactory(structure=structure, stage=S.OPPORTUNITY, log=False)
    history = services.stage_history(
        project.pk,
        rows(("", S.DETECTION), (S.DETECTION, S.OPPORTUNITY), (S.OPPORTUNITY, S.PAUSED), (S.PAUSED, S.OPPORTUNITY)),
        start="",
    )
    services.write_stage_history(history)
    assert list(project.stage_log.values_list("transition", "via")) == [
        ("open", "demo"),
        ("study_opportunity", "demo"),
        ("pause", "demo"),
        ("resume", "demo"),
    ]


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ([("", S.DETECTION), (S.DETECTION, S.FEASIBILITY)], "Changement impossible de « détection » à « étude de "),
        ([("", S.OPPORTUNITY)], "Changement impossible de « aucune » à « étude d'opportunité »."),
        ([("", S.DETECTION), (S.OPPORTUNITY, S.TRANSMISSION)], "Le journal ne se suit pas"),
        (
            [("", S.DETECTION), (S.DETECTION, S.OPPORTUNITY), (S.OPPORTUNITY, S.PAUSED), (S.PAUSED, S.DETECTION)],
            "Un projet arrêté reprend à l'étape où il s'était arrêté (« étude d'opportunité »), pas à « détection ».",
        ),
        ([("", S.DETECTION), (S.DETECTION, S.CREATED)], "Changement impossible"),
    ],
)
def test_the_bulk_path_refuses_a_chain_the_table_refuses_and_nothing_is_written(structure, steps, message):
    project = ProjectFactory(structure=structure, log=False)
    with pytest.raises(TransitionError, match=f"^{re.escape(message)}"):
        services.write_stage_history(services.stage_history(project.pk, rows(*steps), start=""))
    assert not ProjectStageLog.objects.filter(project=project).exists()


def test_a_created_activity_is_not_paused_where_it_stands_by_an_import():
    with pytest.raises(TransitionError, match="L'activité est créée"):
        chain(S.CREATED, "", S.PAUSED, S.CREATED)


@pytest.mark.parametrize(
    ("start", "stopped", "stage", "stopped_at", "steps"),
    [
        (
            "",
            "",
            S.TRANSMISSION,
            "",
            [("", "detection"), ("detection", "opportunity"), ("opportunity", "transmission")],
        ),
        ("", "", S.PAUSED, S.DETECTION, [("", "detection"), ("detection", "paused")]),
        (S.LAUNCH, "", S.OPPORTUNITY, "", [("launch", "opportunity")]),
        (S.CREATED, "", S.PAUSED, S.LAUNCH, [("created", "launch"), ("launch", "paused")]),
        (S.PAUSED, S.OPPORTUNITY, S.ABANDONED, S.OPPORTUNITY, [("paused", "abandoned")]),
        (S.ABANDONED, S.DETECTION, S.OPPORTUNITY, "", [("abandoned", "detection"), ("detection", "opportunity")]),
    ],
)
def test_an_import_goes_along_the_table_by_the_shortest_way(start, stopped, stage, stopped_at, steps):
    assert chain(start, stopped, stage, stopped_at) == steps


# --- the migration's frozen copy --------------------------------------------------------------------------------


def test_the_migration_names_every_pair_as_the_table_does_today():
    migration = importlib.import_module("fabrique.method.migrations.0006_stage_log_transitions")
    pairs = [(from_stage, to_stage) for from_stage in ["", *S.values] for to_stage in S.values]
    expected = {pair: STAGE_TABLE.name_for(*pair) for pair in pairs}
    expected[(S.ABANDONED, S.PAUSED)] = ""  # name_for names any return from a stop; the bulk path refuses this one
    assert {pair: migration.transition_name(*pair) for pair in pairs} == expected
    assert expected[(S.PAUSED, S.LAUNCH)] == "resume" and expected[(S.CREATED, S.DETECTION)] == "back_to_detection"
