import datetime

import pytest
from django.core.exceptions import PermissionDenied

from fabrique.core.exceptions import TransitionError, VersionConflict
from fabrique.method.enums import DecisionChoice, DecisionSubject, Stage
from fabrique.method.services import change_stage
from fabrique.method.stages import allowed_moves

from .factories import OutcomeFactory, ProjectFactory, SteeringDecisionFactory


@pytest.fixture
def project(structure):
    return ProjectFactory(structure=structure)


def walk(project, member, *stages):
    for stage in stages:
        project = change_stage(project, stage, by=member)
    return project


def assert_log_matches(project):
    project.refresh_from_db()
    log = list(project.stage_log.order_by("pk"))
    assert log[-1].to_status == project.stage
    for before, after in zip(log, log[1:], strict=False):
        assert after.from_status == before.to_status


def test_a_member_moves_a_project_forward_and_the_log_says_who_when_and_why(project, member):
    change_stage(project, Stage.OPPORTUNITY, by=member, note="Besoin confirmé par trois communes")
    project.refresh_from_db()
    assert project.stage == Stage.OPPORTUNITY
    row = project.stage_log.last()
    assert (row.from_status, row.to_status, row.changed_by, row.note) == (
        Stage.DETECTION,
        Stage.OPPORTUNITY,
        member,
        "Besoin confirmé par trois communes",
    )
    assert project.history.first().history_user == member
    assert project.version == 2


def test_skipping_a_stage_is_refused_with_the_next_stage_named(project, member):
    with pytest.raises(TransitionError, match="une étape à la fois.*étude d'opportunité"):
        change_stage(project, Stage.FEASIBILITY, by=member)
    project.refresh_from_db()
    assert project.stage == Stage.DETECTION and project.stage_log.count() == 1


def test_entering_transmission_requires_a_go_of_the_steering_committee(project, member):
    walk(project, member, Stage.OPPORTUNITY)
    with pytest.raises(TransitionError, match="décision « go »"):
        change_stage(project, Stage.TRANSMISSION, by=member)
    SteeringDecisionFactory(project=project, subject=DecisionSubject.LAUNCH_STUDY, choice=DecisionChoice.GO)
    with pytest.raises(TransitionError, match="décision « go »"):
        change_stage(project, Stage.TRANSMISSION, by=member)
    SteeringDecisionFactory(project=project, subject=DecisionSubject.HANDOVER, choice=DecisionChoice.GO)
    assert change_stage(project, Stage.TRANSMISSION, by=member).stage == Stage.TRANSMISSION


def test_a_later_no_go_closes_the_transmission_again(project, member):
    walk(project, member, Stage.OPPORTUNITY)
    SteeringDecisionFactory(project=project, decided_on=datetime.date(2024, 5, 1), choice=DecisionChoice.GO)
    SteeringDecisionFactory(
        project=project,
        decided_on=datetime.date(2024, 6, 1),
        subject=DecisionSubject.GO_NO_GO,
        choice=DecisionChoice.NO_GO,
    )
    with pytest.raises(TransitionError, match="01/06/2024.*no-go"):
        change_stage(project, Stage.TRANSMISSION, by=member)


def test_entering_created_requires_the_creation_date_and_legal_form(project, member):
    SteeringDecisionFactory(project=project)
    walk(project, member, Stage.OPPORTUNITY, Stage.TRANSMISSION, Stage.FEASIBILITY, Stage.LAUNCH)
    with pytest.raises(TransitionError, match="date de création et forme juridique"):
        change_stage(project, Stage.CREATED, by=member)
    OutcomeFactory(project=project)
    assert change_stage(project, Stage.CREATED, by=member).stage == Stage.CREATED
    assert_log_matches(project)


def test_entering_created_without_the_outcome_legal_form_is_refused_and_writes_nothing(project, member):
    SteeringDecisionFactory(project=project)
    walk(project, member, Stage.OPPORTUNITY, Stage.TRANSMISSION, Stage.FEASIBILITY, Stage.LAUNCH)
    OutcomeFactory(project=project, legal_form="")
    with pytest.raises(TransitionError, match="date de création et forme juridique"):
        change_stage(project, Stage.CREATED, by=member)
    project.refresh_from_db()
    assert project.stage == Stage.LAUNCH
    assert project.stage_log.order_by("-pk").first().to_status == Stage.LAUNCH


def test_entering_created_with_a_creation_date_before_the_detection_is_refused(project, member):
    SteeringDecisionFactory(project=project)
    walk(project, member, Stage.OPPORTUNITY, Stage.TRANSMISSION, Stage.FEASIBILITY, Stage.LAUNCH)
    OutcomeFactory(project=project, created_on=datetime.date(2023, 1, 1))
    with pytest.raises(TransitionError, match="précède la date de détection"):
        change_stage(project, Stage.CREATED, by=member)


def test_going_back_requires_a_reason(project, member):
    walk(project, member, Stage.OPPORTUNITY)
    with pytest.raises(TransitionError, match="motif du retour"):
        change_stage(project, Stage.DETECTION, by=member, note="  ")
    change_stage(project, Stage.DETECTION, by=member, note="Le besoin est à reformuler")
    project.refresh_from_db()
    assert project.stage == Stage.DETECTION


def test_pausing_keeps_the_stage_and_resuming_returns_there(project, member):
    walk(project, member, Stage.OPPORTUNITY)
    with pytest.raises(TransitionError, match="motif de la mise en pause"):
        change_stage(project, Stage.PAUSED, by=member)
    change_stage(project, Stage.PAUSED, by=member, note="Élections municipales")
    project.refresh_from_db()
    assert (project.stage, project.stopped_at, project.stop_reason) == (
        Stage.PAUSED,
        Stage.OPPORTUNITY,
        "Élections municipales",
    )
    with pytest.raises(TransitionError, match="reprend à l'étape où il s'était arrêté"):
        change_stage(project, Stage.DETECTION, by=member, note="non")
    change_stage(project, Stage.OPPORTUNITY, by=member)
    project.refresh_from_db()
    assert (project.stage, project.stopped_at, project.stop_reason) == (Stage.OPPORTUNITY, "", "")


def test_a_paused_project_may_be_abandoned_and_keeps_where_it_stopped(project, member):
    walk(project, member, Stage.OPPORTUNITY)
    change_stage(project, Stage.PAUSED, by=member, note="Attente")
    change_stage(project, Stage.ABANDONED, by=member, note="Plus de porteur possible")
    project.refresh_from_db()
    assert (project.stage, project.stopped_at) == (Stage.ABANDONED, Stage.OPPORTUNITY)
    with pytest.raises(TransitionError, match="motif de la reprise"):
        change_stage(project, Stage.OPPORTUNITY, by=member)
    change_stage(project, Stage.OPPORTUNITY, by=member, note="Un porteur s'est manifesté")
    assert_log_matches(project)


def test_a_created_activity_is_neither_paused_nor_abandoned(project, member):
    SteeringDecisionFactory(project=project)
    OutcomeFactory(project=project)
    walk(project, member, Stage.OPPORTUNITY, Stage.TRANSMISSION, Stage.FEASIBILITY, Stage.LAUNCH, Stage.CREATED)
    with pytest.raises(TransitionError, match="suivis à 1 et 3 ans"):
        change_stage(project, Stage.ABANDONED, by=member, note="Fermeture")


def test_an_unknown_stage_is_refused_in_french(project, member):
    with pytest.raises(TransitionError, match="Étape inconnue"):
        change_stage(project, "finished", by=member)


def test_moving_to_the_current_stage_is_refused(project, member):
    with pytest.raises(TransitionError, match="déjà à l'étape « détection »"):
        change_stage(project, Stage.DETECTION, by=member)


def test_a_stale_version_is_refused_and_nothing_moves(project, member):
    read_version = project.version
    change_stage(project, Stage.OPPORTUNITY, by=member, expected_version=read_version)
    with pytest.raises(VersionConflict, match="étude d'opportunité"):
        change_stage(project, Stage.PAUSED, by=member, note="Pause", expected_version=read_version)
    project.refresh_from_db()
    assert project.stage == Stage.OPPORTUNITY and project.stage_log.count() == 2


@pytest.mark.parametrize("who", ["coordinator", "other_member"])
def test_only_members_of_the_structure_move_its_projects(project, who, request):
    with pytest.raises(PermissionDenied, match="Seuls les membres de la structure font avancer ses projets"):
        change_stage(project, Stage.OPPORTUNITY, by=request.getfixturevalue(who))
    project.refresh_from_db()
    assert project.stage == Stage.DETECTION


def test_allowed_moves_offer_forward_backward_and_stops(project, member):
    walk(project, member, Stage.OPPORTUNITY)
    project.refresh_from_db()
    moves = {(m.to, m.kind, m.needs_reason) for m in allowed_moves(project)}
    assert moves == {
        (Stage.TRANSMISSION, "forward", False),
        (Stage.DETECTION, "backward", True),
        (Stage.PAUSED, "stop", True),
        (Stage.ABANDONED, "stop", True),
    }
