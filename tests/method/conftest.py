import datetime
from decimal import Decimal

import pytest

from fabrique.method.enums import CarrierKind, LegalForm, Stage
from fabrique.method.models import ProjectStageLog
from tests.factories import PartnershipFactory

from .factories import CreativitySessionFactory, NeedFactory, OutcomeFactory, ProjectFactory


@pytest.fixture
def need(structure):
    return NeedFactory(
        structure=structure,
        title="Pas de garde d'enfants en horaires décalés",
        brought_by_name="Josiane Le Goff",
        brought_by_contact="josiane@example.org",
        brought_by_consent=True,
    )


@pytest.fixture
def session(structure):
    return CreativitySessionFactory(structure=structure, title="Séance mobilité du pays de Morlaix")


@pytest.fixture
def project(structure, need):
    project = ProjectFactory(
        structure=structure,
        title="Garage solidaire du pays de Morlaix",
        carrier_name="Yann Kerouac",
        carrier_kind=CarrierKind.NEW_ENTREPRENEUR,
        carrier_contact="06 11 22 33 44",
    )
    project.needs.add(need)
    return project


@pytest.fixture
def partner(structure):
    return PartnershipFactory(structure=structure, partner__name="Conseil départemental du Finistère").partner


@pytest.fixture
def public_activity(structure):
    """A created activity flagged public, with personal data that must never be published."""
    project = ProjectFactory(
        structure=structure,
        title="Épicerie solidaire de Landerneau",
        slug="epicerie-solidaire-de-landerneau",
        stage=Stage.CREATED,
        is_public=True,
        carrier_name="Maëlle Tanguy",
        carrier_kind=CarrierKind.NEW_ENTREPRENEUR,
        carrier_contact="maelle.tanguy@example.org",
        summary="Une épicerie solidaire en centre-bourg.",
    )
    ProjectStageLog.objects.filter(project=project).update(note="Appel de Maëlle le 3 mars")
    project.needs.add(
        NeedFactory(
            structure=structure, brought_by_name="Bernard Caradec", brought_by_contact="", title="Plus d'épicerie"
        )
    )
    OutcomeFactory(
        project=project,
        created_on=datetime.date(2025, 1, 15),
        legal_form=LegalForm.SOLE_TRADER,
        siret="73282932000074",
        jobs_fte=Decimal("1.5"),
    )
    return project
