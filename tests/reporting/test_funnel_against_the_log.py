"""The funnel counted in one pass over the log agrees with its definition, checked project by project: of the
projects detected in the year, those with a log row entering the stage or a later one of the method."""

import datetime
import random

from django.utils import timezone

from fabrique.method.enums import STAGE_ORDER, STOPPED_STAGES, Stage
from fabrique.method.models import ProjectStageLog
from fabrique.reporting.flow import funnel
from fabrique.reporting.scope import Scope, network_scope
from tests.method.factories import ProjectFactory


def _by_definition(projects, year: int) -> list[tuple[str, int]]:
    steps = []
    for index, stage in enumerate(STAGE_ORDER):
        later = set(STAGE_ORDER[index:])
        reached = [
            p
            for p in projects
            if p.detected_on.year == year and any(row.to_status in later for row in p.stage_log.all())
        ]
        steps.append((stage, len(reached)))
    return steps


def test_the_funnel_is_the_count_of_projects_that_reached_each_stage(structure, other_structure):
    rng = random.Random(7)
    moves = [*STAGE_ORDER, *STOPPED_STAGES]
    projects = []
    for n in range(40):
        project = ProjectFactory(
            structure=rng.choice([structure, other_structure]),
            detected_on=datetime.date(rng.choice([2024, 2025]), rng.randint(1, 12), 1),
        )
        if n % 10 == 0:
            project.stage_log.all().delete()  # a project whose log was lost reaches nothing
        for step in range(rng.randint(0, 6)):
            ProjectStageLog.objects.create(
                project=project,
                to_status=rng.choice(moves),
                changed_at=timezone.make_aware(datetime.datetime(2025, 1, 1) + datetime.timedelta(days=step)),
            )
        projects.append(project)
    for year in (2024, 2025):
        expected = _by_definition(projects, year)
        assert [(step.stage, step.reached) for step in funnel(year, network_scope())] == expected
        mine = [p for p in projects if p.structure_id == structure.pk]
        assert [(s.stage, s.reached) for s in funnel(year, Scope(structure_id=structure.pk))] == _by_definition(
            mine, year
        )
    assert expected[0][1] > expected[-1][1] > 0  # the data does exercise the counting
    assert Stage.CREATED == STAGE_ORDER[-1]
