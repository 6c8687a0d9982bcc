"""factory_boy factories for the method, with traits for the stages."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import DecisionChoice, DecisionSubject, LegalForm, NeedSource, Stage
from fabrique.method.models import (
    CreativitySession,
    EconomicModel,
    Need,
    Outcome,
    Project,
    ProjectStageLog,
    SteeringDecision,
)
from fabrique.territories.models import Departement
from tests.factories import StructureFactory


class NeedFactory(DjangoModelFactory):
    class Meta:
        model = Need

    structure = factory.SubFactory(StructureFactory)
    title = factory.Sequence(lambda n: f"Besoin {n}")
    theme = Theme.MOBILITY
    departement = factory.LazyFunction(lambda: Departement.objects.get(code="29"))
    commune = "Morlaix"
    source = NeedSource.INHABITANT
    detected_on = datetime.date(2024, 3, 1)


class CreativitySessionFactory(DjangoModelFactory):
    class Meta:
        model = CreativitySession

    structure = factory.SubFactory(StructureFactory)
    title = factory.Sequence(lambda n: f"Séance {n}")
    held_on = datetime.date(2024, 2, 1)
    place = "Morlaix, salle des fêtes"
    departement = factory.LazyFunction(lambda: Departement.objects.get(code="29"))
    participants_count = 25


class ProjectFactory(DjangoModelFactory):
    """A project with its first log row, as the service opens it."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    structure = factory.SubFactory(StructureFactory)
    title = factory.Sequence(lambda n: f"Projet {n}")
    slug = factory.Sequence(lambda n: f"projet-{n}")
    theme = Theme.MOBILITY
    detected_on = datetime.date(2024, 3, 1)
    stage = Stage.DETECTION

    @factory.post_generation
    def departements(obj, create, extracted, **kwargs):
        if create:
            obj.departements.set(Departement.objects.filter(code__in=extracted or ["29"]))

    @factory.post_generation
    def log(obj, create, extracted, **kwargs):
        if create and extracted is not False:  # log=False: a test writes the log itself
            ProjectStageLog.objects.create(project=obj, from_status="", to_status=obj.stage)


class SteeringDecisionFactory(DjangoModelFactory):
    class Meta:
        model = SteeringDecision

    project = factory.SubFactory(ProjectFactory)
    decided_on = datetime.date(2024, 6, 1)
    subject = DecisionSubject.HANDOVER
    choice = DecisionChoice.GO


class EconomicModelFactory(DjangoModelFactory):
    class Meta:
        model = EconomicModel

    project = factory.SubFactory(ProjectFactory)
    total_budget = Decimal("120000")
    share_sales = Decimal("60")
    share_public_subsidies = Decimal("30")
    share_private_funding = Decimal("10")
    share_other = Decimal("0")
    jobs_planned_fte = Decimal("2.5")


class OutcomeFactory(DjangoModelFactory):
    class Meta:
        model = Outcome

    project = factory.SubFactory(ProjectFactory)
    created_on = datetime.date(2025, 1, 15)
    legal_form = LegalForm.SCIC
    jobs_fte = Decimal("2")
