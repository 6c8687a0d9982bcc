"""`save_with_version`: the optimistic lock every edit goes through (fabrique/core/versioning.py)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from fabrique.core.exceptions import VersionConflict
from fabrique.core.versioning import save_with_version
from fabrique.network.models import Collective, Structure
from tests.factories import CollectiveFactory, StructureFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_edit_of_the_version_it_read_saves_its_fields_and_bumps_the_version_by_one():
    structure, neighbour = StructureFactory(city="Brest"), StructureFactory(city="Lyon")
    structure.city = "Quimper"
    with transaction.atomic():
        save_with_version(structure, 1, ["city"])
    assert structure.version == 2
    assert Structure.objects.values_list("city", "version").get(pk=structure.pk) == ("Quimper", 2)
    assert Structure.objects.get(pk=neighbour.pk).version == 1


def test_an_edit_of_a_stale_version_is_refused_and_writes_nothing():
    structure, neighbour = StructureFactory(city="Brest"), StructureFactory(city="Lyon")
    Structure.objects.filter(pk=structure.pk).update(version=2)  # someone saved since it was read
    structure.city = "Quimper"
    with pytest.raises(VersionConflict, match="modifiée par quelqu'un d'autre"), transaction.atomic():
        save_with_version(structure, 1, ["city"])
    assert Structure.objects.values_list("city", "version").get(pk=structure.pk) == ("Brest", 2)
    assert Structure.objects.get(pk=neighbour.pk).version == 1


def test_an_edit_of_the_version_it_read_leaves_the_same_version_of_other_rows_alone():
    structure, neighbour = StructureFactory(), StructureFactory()  # both at version 1
    Structure.objects.filter(pk=structure.pk).update(version=3)
    structure.refresh_from_db()
    with transaction.atomic():
        save_with_version(structure, 3, ["city"])
    assert Structure.objects.values_list("version", flat=True).get(pk=structure.pk) == 4
    assert Structure.objects.get(pk=neighbour.pk).version == 1


def test_an_edit_without_a_version_to_check_bumps_the_stored_one_by_one():
    structure = StructureFactory(city="Brest")
    Structure.objects.filter(pk=structure.pk).update(version=5)
    structure.refresh_from_db()
    structure.city = "Quimper"
    with transaction.atomic():
        save_with_version(structure, None, ["city"])
    assert structure.version == 6
    assert Structure.objects.values_list("city", "version").get(pk=structure.pk) == ("Quimper", 6)


def test_only_the_named_fields_are_written():
    structure = StructureFactory(city="Brest", name="Avant")
    structure.city, structure.name = "Quimper", "Pas enregistré"
    with transaction.atomic():
        save_with_version(structure, 1, ["city"])
    assert Structure.objects.values_list("city", "name").get(pk=structure.pk) == ("Quimper", "Avant")


def test_the_modification_date_moves_with_the_edit():
    structure = StructureFactory()
    long_ago = timezone.now() - timedelta(days=30)
    Structure.objects.filter(pk=structure.pk).update(updated_at=long_ago)
    structure.refresh_from_db()
    with transaction.atomic():
        save_with_version(structure, 1, ["city"])
    assert Structure.objects.get(pk=structure.pk).updated_at > long_ago


def test_a_model_without_a_modification_date_is_saved_too():
    collective = CollectiveFactory(name="Avant")
    collective.name = "Après"
    with transaction.atomic():
        save_with_version(collective, 1, ["name"])
    assert Collective.objects.values_list("name", "version").get(pk=collective.pk) == ("Après", 2)


def test_the_author_of_the_edit_is_the_author_of_its_history_row():
    structure, author = StructureFactory(), UserFactory()
    with transaction.atomic():
        save_with_version(structure, 1, ["city"], by=author)
    assert structure.history.latest().history_user == author


@pytest.mark.parametrize("by", [AnonymousUser(), None], ids=["anonymous", "none"])
def test_an_anonymous_or_missing_author_leaves_the_history_row_without_author(by):
    structure = StructureFactory()
    with transaction.atomic():
        save_with_version(structure, 1, ["city"], by=by)
    assert structure.history.latest().history_user is None
