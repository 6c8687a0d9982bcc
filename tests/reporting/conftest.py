import pytest

from .handbuilt import build


@pytest.fixture
def network(structure, other_structure):
    """The hand-built network of handbuilt.py: structure A is `structure` (29), B is `other_structure` (21)."""
    return build(structure, other_structure)
