"""A small network built by hand, whose 2025 figures are computed by hand in the tests.

Structure A (Finistère, 29, région 53) and structure B (Côte-d'Or, 21, région 27). Stage changes happen at
noon UTC so that day counts are whole numbers of days.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import LegalForm, NeedSource, NeedStatus, Stage
from fabrique.method.models import Outcome, Project, ProjectStageLog
from fabrique.network.enums import PartnerKind
from fabrique.territories.models import Departement
from tests.factories import PartnerFactory, PartnershipFactory
from tests.method.factories import CreativitySessionFactory, NeedFactory

D = datetime.date


def noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 12, tzinfo=datetime.UTC)


@dataclass
class Network:
    a: object
    b: object
    projects: dict


def make_project(structure, title: str, detected_on, moves, departements=("29",), outcome=None, **fields) -> Project:
    """A project whose log is `moves` = [(stage, date), …] from its opening; its stage is the last one."""
    stage = moves[-1][0]
    stopped = ""
    if stage in (Stage.ABANDONED, Stage.PAUSED):
        stopped = moves[-2][0]
    project = Project.objects.create(
        structure=structure,
        title=title,
        slug=title.lower().replace(" ", "-"),
        theme=fields.pop("theme", Theme.MOBILITY),
        detected_on=detected_on,
        stage=stage,
        stopped_at=stopped,
        stop_reason="Plus de porteur" if stopped else "",
        stage_changed_at=noon(moves[-1][1]),
        **fields,
    )
    project.departements.set(Departement.objects.filter(code__in=departements))
    previous = ""
    for to, day in moves:
        ProjectStageLog.objects.create(project=project, from_status=previous, to_status=to, changed_at=noon(day))
        previous = to
    if outcome:
        Outcome.objects.create(project=project, **outcome)
    return project


PATH = [Stage.DETECTION, Stage.OPPORTUNITY, Stage.TRANSMISSION, Stage.FEASIBILITY, Stage.LAUNCH, Stage.CREATED]


def build(structure_a, structure_b) -> Network:
    a, b = structure_a, structure_b
    # Needs: three count in 2025 for the network (n3 is merged into n2, n4 is from 2024).
    n2 = NeedFactory(structure=a, detected_on=D(2025, 5, 1), source=NeedSource.ELECTED, theme=Theme.FOOD)
    NeedFactory(structure=a, detected_on=D(2025, 2, 10), source=NeedSource.INHABITANT, theme=Theme.MOBILITY)
    NeedFactory(
        structure=a,
        detected_on=D(2025, 6, 1),
        source=NeedSource.INHABITANT,
        theme=Theme.FOOD,
        status=NeedStatus.MERGED,
        merged_into=n2,
    )
    NeedFactory(structure=a, detected_on=D(2024, 12, 31), source=NeedSource.INHABITANT, theme=Theme.MOBILITY)
    NeedFactory(
        structure=b,
        detected_on=D(2025, 3, 3),
        source=NeedSource.COMPANY,
        theme=Theme.HEALTH,
        departement=Departement.objects.get(code="21"),
    )
    # Creativity sessions: A holds two in 2025 (25 + 40 people) and one in 2024; B one in 2025 (12 people).
    CreativitySessionFactory(structure=a, held_on=D(2025, 1, 20), participants_count=25)
    CreativitySessionFactory(structure=a, held_on=D(2025, 9, 15), participants_count=40)
    CreativitySessionFactory(structure=a, held_on=D(2024, 11, 11), participants_count=30)
    CreativitySessionFactory(
        structure=b, held_on=D(2025, 4, 4), participants_count=12, departement=Departement.objects.get(code="21")
    )
    p1_dates = [D(2024, 10, 1), D(2025, 1, 10), D(2025, 4, 10), D(2025, 6, 9), D(2025, 8, 8), D(2025, 10, 7)]
    projects = {
        "p1": make_project(
            a,
            "Garage solidaire",
            D(2024, 10, 1),
            list(zip(PATH, p1_dates, strict=True)),
            outcome={"created_on": D(2025, 10, 7), "legal_form": LegalForm.SCIC, "jobs_fte": Decimal("2.5")},
            is_public=True,
        ),
        "p2": make_project(
            a,
            "Epicerie itinerante",
            D(2025, 2, 1),
            [(Stage.DETECTION, D(2025, 2, 1)), (Stage.OPPORTUNITY, D(2025, 3, 3)), (Stage.ABANDONED, D(2025, 5, 2))],
        ),
        "p3": make_project(
            a,
            "Tiers-lieu rural",
            D(2025, 3, 1),
            [(Stage.DETECTION, D(2025, 3, 1)), (Stage.OPPORTUNITY, D(2025, 4, 30))],
            departements=("29", "21"),
        ),
        "p4": make_project(
            b,
            "Recyclerie",
            D(2022, 1, 15),
            list(
                zip(
                    PATH,
                    [D(2022, 1, 15), D(2022, 3, 1), D(2022, 6, 1), D(2022, 9, 1), D(2023, 1, 1), D(2024, 5, 1)],
                    strict=True,
                )
            ),
            departements=("21",),
            outcome={
                "created_on": D(2024, 5, 1),
                "legal_form": LegalForm.ASSOCIATION,
                "jobs_fte": Decimal("3"),
                "followup_1y_active": True,
                "followup_1y_jobs_fte": Decimal("4"),
            },
        ),
        "p5": make_project(
            b,
            "Creche parentale",
            D(2021, 6, 1),
            list(
                zip(
                    PATH,
                    [D(2021, 6, 1), D(2021, 7, 1), D(2021, 9, 1), D(2021, 10, 1), D(2021, 11, 1), D(2022, 2, 1)],
                    strict=True,
                )
            ),
            departements=("21",),
            outcome={
                "created_on": D(2022, 2, 1),
                "legal_form": LegalForm.SCOP,
                "jobs_fte": Decimal("1.5"),
                "followup_1y_active": True,
                "followup_1y_jobs_fte": Decimal("1.5"),
                "followup_3y_active": True,
                "followup_3y_jobs_fte": Decimal("2"),
            },
            is_public=True,
        ),
        "p6": make_project(
            b,
            "Transport a la demande",
            D(2025, 1, 5),
            [
                (Stage.DETECTION, D(2025, 1, 5)),
                (Stage.OPPORTUNITY, D(2025, 2, 4)),
                (Stage.TRANSMISSION, D(2025, 7, 4)),
            ],
            departements=("21",),
        ),
    }
    # Partners: PA1 works with A since 2020 and with B since 2025; PA2 joins A in 2025; PA3 left A in 2024;
    # PB1 works with B (no start date).
    pa1 = PartnerFactory(name="Conseil départemental", kind=PartnerKind.LOCAL_AUTHORITY)
    PartnershipFactory(structure=a, partner=pa1, since=D(2020, 1, 1))
    PartnershipFactory(structure=b, partner=pa1, since=D(2025, 2, 1))
    PartnershipFactory(
        structure=a, partner__name="Fondation locale", partner__kind=PartnerKind.FUNDER, since=D(2025, 3, 1)
    )
    PartnershipFactory(
        structure=a,
        partner__name="Entreprise partie",
        partner__kind=PartnerKind.COMPANY,
        since=D(2019, 1, 1),
        until=D(2024, 6, 30),
    )
    PartnershipFactory(structure=b, partner__name="Association amie", partner__kind=PartnerKind.ASSOCIATION, since=None)
    return Network(a=a, b=b, projects=projects)
