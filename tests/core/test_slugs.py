"""One slug helper for every app (core/slugs.py): free in its table, never a word of the app's addresses."""

from fabrique.community.models import WorkingGroup
from fabrique.community.services.events import RESERVED_SLUGS
from fabrique.core.slugs import unique_slug
from fabrique.library.models import Resource
from fabrique.library.services import RESERVED_SLUGS as LIBRARY_RESERVED
from tests.community.factories import WorkingGroupFactory


def test_a_title_that_is_a_word_of_the_addresses_gets_the_fallback_after_it(db):
    assert unique_slug(WorkingGroup, "Nouveau", "groupe", RESERVED_SLUGS) == "nouveau-groupe"
    assert unique_slug(Resource, "Nouvelle", "ressource", LIBRARY_RESERVED) == "nouvelle-ressource"


def test_a_title_without_letters_gets_the_fallback(db):
    assert unique_slug(WorkingGroup, "!!!", "groupe") == "groupe"


def test_a_taken_slug_gets_the_first_free_number(db):
    WorkingGroupFactory(slug="mobilite")
    WorkingGroupFactory(slug="mobilite-2")
    WorkingGroupFactory(slug="mobilite-solidaire")
    assert unique_slug(WorkingGroup, "Mobilité", "groupe") == "mobilite-3"
