"""A cache generation is bumped by any write to a table it watches, whichever path wrote it, and again once its
transaction commits."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction

from fabrique.core import generations
from fabrique.method.models import Need
from fabrique.network.map import MAP_GENERATION as MAP
from fabrique.network.models import Structure
from fabrique.reporting.cache import GENERATION as REPORTING
from fabrique.territories.models import Departement
from tests.factories import StructureFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_bumped_now_and_after_the_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        generations.bump("test:generation")
        assert cache.get("test:generation") == 2  # a value built now from the old data is stored under 2 …
    assert cache.get("test:generation") == 3  # … and left behind once the change is visible


def test_a_generation_starts_at_one_and_stays_there_while_nothing_is_written(db):
    assert MAP.current() == 1
    Structure.objects.count()
    assert MAP.current() == 1


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda s: Structure.objects.filter(pk=s.pk).update(name="Renommée"), id="queryset-update"),
        pytest.param(lambda s: s.departements.set(["29"]), id="many-to-many"),
        pytest.param(lambda s: Structure.objects.filter(pk=s.pk).delete(), id="queryset-delete"),
        pytest.param(
            lambda s: Departement.objects.filter(code="29").update(name="Finistère"), id="a-watched-reference"
        ),
    ],
)
def test_a_bulk_write_to_the_structures_changes_the_generation_of_the_map_and_of_the_figures(db, write):
    structure = StructureFactory()
    before = MAP.current(), REPORTING.current()
    write(structure)
    assert MAP.current() > before[0]
    assert REPORTING.current() > before[1]


def test_a_bulk_insert_changes_the_generation_of_the_figures_and_not_the_map(db):
    structure = StructureFactory()
    before = MAP.current(), REPORTING.current()
    Need.objects.bulk_create(
        [Need(structure=structure, title="Besoin", theme="food", departement_id="29", source="inhabitant")]
    )
    assert MAP.current() == before[0]
    assert REPORTING.current() > before[1]


def test_raw_sql_that_writes_a_watched_table_changes_the_generation(db):
    structure = StructureFactory()
    before = MAP.current()
    with connection.cursor() as cursor:
        table = Structure._meta.db_table
        cursor.execute(f'UPDATE "{table}" SET name = %s WHERE id = %s', ["Autre", structure.pk])  # noqa: S608
    assert MAP.current() > before


def test_a_write_to_a_table_nobody_watches_changes_no_generation(db, django_user_model):
    before = MAP.current(), REPORTING.current()
    django_user_model.objects.create_user(email="personne@example.org", password="x")  # noqa: S106
    assert (MAP.current(), REPORTING.current()) == before
