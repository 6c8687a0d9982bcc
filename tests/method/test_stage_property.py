"""Whatever sequence of allowed and refused operations, the stage equals the last log row and no row is lost."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fabrique.core.exceptions import TransitionError, VersionConflict
from fabrique.method.enums import DecisionChoice, DecisionSubject, LegalForm, Stage
from fabrique.method.models import Outcome, Project, SteeringDecision
from fabrique.method.services import change_stage

from .factories import ProjectFactory

stage_moves = st.tuples(
    st.just("move"),
    st.sampled_from([*Stage.values, "unknown"]),
    st.sampled_from(["", "Motif consigné"]),
    st.booleans(),  # use a stale version
)
decisions = st.tuples(
    st.just("decide"), st.sampled_from(DecisionSubject.values), st.sampled_from(DecisionChoice.values), st.just(False)
)
outcomes = st.tuples(st.just("outcome"), st.booleans(), st.just(""), st.just(False))
operations = st.lists(st.one_of(stage_moves, stage_moves, decisions, outcomes), min_size=1, max_size=25)


def apply(project: Project, operation, member, day: int) -> bool:
    """Apply one operation; True when a stage change was accepted."""
    kind, a, b, stale = operation
    if kind == "decide":
        SteeringDecision.objects.create(
            project=project, decided_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=day), subject=a, choice=b
        )
        return False
    if kind == "outcome":
        created_on = datetime.date(2025, 1, 1) if a else datetime.date(2020, 1, 1)  # before detection when False
        Outcome.objects.update_or_create(
            project=project, defaults={"created_on": created_on, "legal_form": LegalForm.SCOP}
        )
        return False
    current = Project.objects.get(pk=project.pk)
    version = current.version - 1 if stale else current.version
    try:
        change_stage(current, a, by=member, note=b, expected_version=version)
    except (TransitionError, VersionConflict):
        return False
    return True


@settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=operations)
def test_any_sequence_keeps_the_stage_equal_to_the_last_log_row_and_loses_no_row(structure, member, sequence):
    project = ProjectFactory(structure=structure, detected_on=datetime.date(2024, 3, 1))
    accepted = 0
    for day, operation in enumerate(sequence):
        accepted += apply(project, operation, member, day)
        project.refresh_from_db()
        log = list(project.stage_log.order_by("pk").values_list("from_status", "to_status"))
        assert len(log) == 1 + accepted
        assert log[-1][1] == project.stage
        assert all(after[0] == before[1] for before, after in zip(log, log[1:], strict=False))
        assert project.version == 1 + accepted
        if project.stage in (Stage.PAUSED, Stage.ABANDONED):
            assert project.stopped_at in Stage.values and project.stopped_at not in (Stage.PAUSED, Stage.ABANDONED)
        else:
            assert project.stopped_at == ""
    # only a stage move writes a log row: decisions and outcomes never count as accepted moves
    assert accepted <= sum(operation[0] == "move" for operation in sequence)
