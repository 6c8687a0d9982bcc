import pytest

from tests.factories import MembershipFactory

from .factories import EventFactory


@pytest.fixture
def event(structure):
    return EventFactory(organiser=structure, title="Échange de pratiques : la séance de créativité", capacity=2)


@pytest.fixture
def colleague(other_structure):
    return MembershipFactory(structure=other_structure, user__email="collegue@example.org").user


@pytest.fixture
def third_member(other_structure):
    return MembershipFactory(structure=other_structure, user__email="troisieme@example.org").user
