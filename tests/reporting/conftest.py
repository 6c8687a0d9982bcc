import pytest
from django.core.cache import cache

from .handbuilt import build


@pytest.fixture(autouse=True)
def empty_cache():
    """Computed figures are cached (reporting/cache.py): each test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def network(structure, other_structure):
    """The hand-built network of handbuilt.py: structure A is `structure` (29), B is `other_structure` (21)."""
    return build(structure, other_structure)
