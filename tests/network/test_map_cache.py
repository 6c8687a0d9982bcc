"""The map is computed once and cached, yet a new structure, a change of status or of départements shows at once,
and each reader gets the map of what they may see."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.network import services
from fabrique.network.map import build_map
from tests.factories import StructureFactory, UserFactory


@pytest.fixture
def map_cache(settings):
    settings.MAP_CACHE_SECONDS = 60


def _map_queries(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        build_map(user)
    return len(captured)


def test_the_map_is_read_from_the_cache_by_a_second_reader_who_sees_the_same_structures(db, map_cache):
    StructureFactory(slug="tag-a", departements=["29"])
    assert _map_queries(None) > 0
    assert _map_queries(None) == 0
    finistere = next(d for d in build_map(None).departements if d.code == "29")
    assert [s.slug for s in finistere.structures] == ["tag-a"]


def test_a_new_structure_shows_on_the_cached_map_at_once(db, map_cache):
    StructureFactory(slug="tag-a", departements=["29"])
    build_map(None)
    StructureFactory(slug="tag-b", departements=["22"])
    covered = {d.code for d in build_map(None).with_structures}
    assert covered == {"29", "22"}


def test_a_change_of_status_or_of_departements_shows_on_the_cached_map_at_once(db, map_cache, coordinator):
    structure = StructureFactory(slug="tag-a", departements=["29"])
    build_map(None)
    services.withdraw(structure, by=coordinator, reason="Fin des financements")
    assert [d.status for d in build_map(None).with_structures] == ["withdrawn"]
    structure.status = "labelled"
    structure.save()
    structure.departements.set(["35"])
    assert [d.code for d in build_map(None).with_structures] == ["35"]


def test_the_coordinator_and_a_member_do_not_read_the_map_of_the_public(db, map_cache, member, structure):
    candidate = StructureFactory(slug="candidate", candidate=True, departements=["2B"])
    member.memberships.create(structure=candidate)
    assert not [d for d in build_map(None).with_structures if d.code == "2B"]
    coordinator = UserFactory(coordinator=True)
    assert [d.code for d in build_map(coordinator).with_structures if d.code == "2B"] == ["2B"]
    assert [d.code for d in build_map(member).with_structures if d.code == "2B"] == ["2B"]


def test_the_map_page_shows_a_new_structure_although_its_rendering_is_cached(db, map_cache, client):
    StructureFactory(name="TAg Un", slug="tag-a", departements=["29"])
    assert "TAg Un" in client.get("/carte/").content.decode()
    StructureFactory(name="TAg Deux", slug="tag-b", departements=["22"])
    page = client.get("/carte/").content.decode()
    assert "TAg Un" in page and "TAg Deux" in page
