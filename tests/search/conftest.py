import pytest

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import Stage
from tests.method.factories import ProjectFactory


@pytest.fixture
def confidential_project(structure):
    return ProjectFactory(
        structure=structure,
        title="Conciergerie confidentielle des Capucins",
        summary="Une conciergerie solidaire en cours d'étude.",
        theme=Theme.LOCAL_SERVICES,
        stage=Stage.OPPORTUNITY,
    )


@pytest.fixture
def public_activity(structure):
    return ProjectFactory(
        structure=structure,
        title="Garage solidaire de Morlaix",
        summary="Un garage associatif pour réparer à petit prix.",
        theme=Theme.MOBILITY,
        stage=Stage.CREATED,
        is_public=True,
    )
