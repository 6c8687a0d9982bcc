import pytest

from fabrique.search.visibility import Visibility
from tests.factories import MembershipFactory

from .factories import ResourceFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def partner_user(db):
    from tests.factories import UserFactory

    return UserFactory(email="partenaire@example.org")


@pytest.fixture
def network_resource(structure):
    return ResourceFactory(author_structure=structure, visibility=Visibility.NETWORK, title="Fiche réseau")


@pytest.fixture
def structure_resource(structure):
    return ResourceFactory(author_structure=structure, visibility=Visibility.STRUCTURE, title="Note interne")


@pytest.fixture
def public_resource(structure):
    return ResourceFactory(author_structure=structure, visibility=Visibility.PUBLIC, title="Guide public")


@pytest.fixture
def second_member(structure):
    return MembershipFactory(structure=structure, user__email="second@example.org").user
