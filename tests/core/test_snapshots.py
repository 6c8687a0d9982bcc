"""assert_unchanged fails on any row added, removed or changed (history and many-to-many links included)."""

import pytest

from fabrique.network.models import Partnership, Structure
from fabrique.territories.models import Departement
from tests.factories import PartnershipFactory, StructureFactory
from tests.snapshots import assert_unchanged, every_model, models_of, rows_of

pytestmark = pytest.mark.django_db


def test_a_block_that_writes_nothing_passes(structure):
    with assert_unchanged(Structure, Partnership) as before:
        Structure.objects.get(pk=structure.pk).save(update_fields=[])  # an empty update writes nothing
    assert before["network.Structure"][structure.pk]["slug"] == "tag-test"


def test_a_changed_field_is_named_with_both_values(structure):
    with pytest.raises(AssertionError, match=r"network\.Structure:\n  ~ \d+: city: 'Dijon' → 'Brest'"):
        with assert_unchanged(Structure):
            Structure.objects.filter(pk=structure.pk).update(city="Brest")


def test_an_added_and_a_removed_row_are_listed(structure):
    with pytest.raises(AssertionError, match=r"network\.Structure:\n  \+ \d+: .*'slug': 'nouvelle'"):
        with assert_unchanged(Structure):
            StructureFactory(slug="nouvelle")
    partnership = PartnershipFactory(structure=structure)
    with pytest.raises(AssertionError, match=rf"network\.Partnership:\n  - {partnership.pk}: "):
        with assert_unchanged(Partnership):
            Partnership.objects.filter(pk=partnership.pk).delete()


def test_a_history_row_alone_is_a_change(structure):
    with pytest.raises(AssertionError, match=r"network\.HistoricalStructure:\n  \+ "):
        with assert_unchanged(Structure):
            structure.save()  # same values, but simple-history writes a row


def test_a_many_to_many_link_alone_is_a_change(structure):
    with pytest.raises(AssertionError, match=r"network\.Structure_departements:\n  \+ "):
        with assert_unchanged(Structure):
            Structure.departements.through.objects.create(
                structure=structure, departement=Departement.objects.get(code="22")
            )


@pytest.mark.parametrize("allowed", [True, False])
def test_unless_turns_the_check_off_for_an_allowed_change(structure, allowed):
    def change():
        with assert_unchanged(Structure, unless=allowed):
            Structure.objects.filter(pk=structure.pk).update(city="Brest")

    if allowed:
        change()
    else:
        with pytest.raises(AssertionError, match="city: 'Dijon' → 'Brest'"):
            change()
    structure.refresh_from_db()
    assert structure.city == "Brest"


def test_every_model_covers_each_app_but_not_the_history_copies():
    labels = {model._meta.label for model in every_model()}
    assert {"network.Structure", "accounts.User", "method.Project", "appellation.Vote", "library.Resource"} <= labels
    assert not any(".Historical" in label for label in labels)
    assert "network.HistoricalStructure" in rows_of(*every_model())


def test_models_of_an_app_are_its_own_managed_models():
    labels = {model._meta.label for model in models_of("method")}
    assert {"method.Need", "method.Project", "method.ProjectStageLog", "method.Outcome"} <= labels
    assert all(label.startswith("method.") for label in labels)


def test_an_empty_snapshot_is_refused():
    with pytest.raises(ValueError, match="at least one model"):
        rows_of()
