import pytest

from fabrique.workspace.enums import ProjectRole
from tests.method.factories import ProjectFactory

from .factories import ProjectMemberFactory


@pytest.fixture
def project(structure):
    return ProjectFactory(structure=structure, title="Épicerie solidaire de Morlaix")


@pytest.fixture
def other_project(structure):
    return ProjectFactory(structure=structure, title="Garage solidaire de Landivisiau")


@pytest.fixture
def carrier(project):
    return ProjectMemberFactory(project=project, role=ProjectRole.CARRIER).user


@pytest.fixture
def expert(project):
    return ProjectMemberFactory(project=project, role=ProjectRole.EXPERT).user


@pytest.fixture
def observer(project):
    return ProjectMemberFactory(project=project, role=ProjectRole.EXPERT, observer=True).user
