import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fabrique.core.exceptions import VersionConflict
from fabrique.network import services
from fabrique.network.enums import PartnerKind, StructureStatus
from fabrique.network.models import Collective, Structure
from tests.factories import CollectiveFactory, PartnerFactory, PartnershipFactory


def test_a_member_cannot_create_a_structure(member):
    with pytest.raises(PermissionDenied, match="Seule la coordination du réseau crée une structure"):
        services.create_structure(by=member, data={"name": "X", "slug": "x"}, departements=[])
    assert not Structure.objects.filter(slug="x").exists()


def test_creating_a_structure_with_a_taken_slug_names_the_field(coordinator, structure):
    with pytest.raises(ValidationError, match="Cet identifiant est déjà utilisé") as error:
        services.create_structure(by=coordinator, data={"name": "Autre", "slug": "tag-test"}, departements=[])
    assert error.value.message_dict == {"slug": ["Cet identifiant est déjà utilisé."]}


def test_a_created_structure_is_a_candidate_with_its_log(coordinator):
    created = services.create_structure(
        by=coordinator, data={"name": "Fabrique Y", "slug": "fabrique-y", "city": "Vannes"}, departements=["56"]
    )
    assert created.status == StructureStatus.CANDIDATE and created.city == "Vannes"
    assert created.status_log.get().changed_by == coordinator


def test_partner_overview_groups_current_partnerships_by_kind_and_sets_ended_ones_apart(structure):
    today = datetime.date(2025, 6, 1)
    PartnershipFactory(structure=structure, partner__kind=PartnerKind.FUNDER)
    PartnershipFactory(structure=structure, partner__kind=PartnerKind.FUNDER, until=datetime.date(2025, 6, 1))
    PartnershipFactory(structure=structure, partner__kind=PartnerKind.STATE)
    ended = PartnershipFactory(structure=structure, partner__kind=PartnerKind.COMPANY, until=datetime.date(2025, 5, 31))
    overview = services.partner_overview(structure.partnerships.select_related("partner"), today=today)
    assert [(kind, len(items)) for kind, label, items in overview.groups] == [("state", 1), ("funder", 2)]
    assert overview.ended == [ended]
    assert (overview.kinds_count, overview.kinds_total) == (2, 7)


def test_a_partner_is_corrected_only_with_the_current_version(member, structure):
    partner = PartnershipFactory(structure=structure).partner
    services.update_partner(partner, by=member, data={"kind": PartnerKind.FUNDER}, expected_version=1)
    with pytest.raises(VersionConflict, match=r"modifiée par quelqu'un d'autre"):
        services.update_partner(partner, by=member, data={"kind": PartnerKind.OTHER}, expected_version=1)
    partner.refresh_from_db()
    assert partner.kind == PartnerKind.FUNDER and partner.history.first().history_user == member


def test_a_partner_not_linked_to_ones_structure_cannot_be_corrected(other_member):
    partner = PartnerFactory()
    with pytest.raises(PermissionDenied, match="Vous ne pouvez pas modifier cette organisation partenaire"):
        services.update_partner(partner, by=other_member, data={"name": "X"}, expected_version=1)


def test_collectives_are_created_and_edited_by_the_coordinator_only(coordinator, member, structure):
    with pytest.raises(PermissionDenied, match="Seule la coordination du réseau crée un collectif"):
        services.create_collective(by=member, data={"name": "C", "slug": "c"}, structures=[])
    collective = services.create_collective(by=coordinator, data={"name": "C", "slug": "c"}, structures=[structure])
    with pytest.raises(PermissionDenied, match="Seule la coordination du réseau modifie un collectif"):
        services.update_collective(collective, by=member, data={"name": "D"}, structures=None, expected_version=1)
    services.update_collective(collective, by=coordinator, data={"name": "D"}, structures=[], expected_version=1)
    collective = Collective.objects.get(slug="c")
    assert collective.name == "D" and collective.version == 2 and not collective.structures.exists()


def test_a_stale_collective_edit_changes_nothing(coordinator, structure):
    collective = CollectiveFactory()
    collective.structures.add(structure)
    with pytest.raises(VersionConflict, match=r"modifiée par quelqu'un d'autre"):
        services.update_collective(collective, by=coordinator, data={"name": "Z"}, structures=[], expected_version=9)
    collective.refresh_from_db()
    assert collective.name != "Z" and collective.structures.count() == 1
