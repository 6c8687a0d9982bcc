import pytest
from django.core.exceptions import PermissionDenied

from fabrique.core.exceptions import TransitionError, VersionConflict
from fabrique.network import services
from fabrique.network.enums import StructureStatus
from tests.factories import StructureFactory


def test_coordinator_admits_a_candidate_and_the_log_says_who(coordinator):
    candidate = StructureFactory(candidate=True)
    services.admit(candidate, by=coordinator, reason="Dossier complet")
    candidate.refresh_from_db()
    assert candidate.status == StructureStatus.EXPERIMENTING
    assert candidate.joined_on is not None and candidate.experimenting_since == candidate.joined_on
    log = candidate.status_log.get()
    assert (log.from_status, log.to_status, log.changed_by, log.note) == (
        "candidate",
        "experimenting",
        coordinator,
        "Dossier complet",
    )
    assert candidate.history.first().history_change_reason == "Dossier complet"


def test_member_cannot_change_the_status_of_its_own_structure(structure, member):
    with pytest.raises(PermissionDenied, match="Seule la coordination du réseau change le statut"):
        services.withdraw(structure, by=member, reason="On arrête")
    structure.refresh_from_db()
    assert structure.status == StructureStatus.EXPERIMENTING
    assert not structure.status_log.exists()


def test_admitting_a_structure_that_is_not_a_candidate_is_refused_in_french(structure, coordinator):
    with pytest.raises(TransitionError, match="admettre"):
        services.admit(structure, by=coordinator)


def test_withdrawal_requires_a_reason(structure, coordinator):
    with pytest.raises(TransitionError, match="motif"):
        services.withdraw(structure, by=coordinator, reason=" ")


def test_labelling_outside_the_committee_requires_a_reason_and_is_logged_as_admin(structure, coordinator):
    with pytest.raises(TransitionError, match="un motif est obligatoire"):
        services.grant_appellation(structure, by=coordinator, via="admin")
    services.grant_appellation(structure, by=coordinator, via="admin", reason="Décision du comité de mars 2024")
    structure.refresh_from_db()
    assert structure.status == StructureStatus.LABELLED and structure.labelled_on
    assert structure.status_log.get().via == "admin"


def test_a_stale_edit_is_refused_and_changes_nothing(structure, member):
    version = structure.version
    services.update_structure(structure, by=member, data={"city": "Brest"}, expected_version=version)
    stale = type(structure).objects.get(pk=structure.pk)
    stale.version = version
    with pytest.raises(VersionConflict, match=r"modifiée par quelqu'un d'autre"):
        services.update_structure(stale, by=member, data={"city": "Quimper"}, expected_version=version)
    structure.refresh_from_db()
    assert structure.city == "Brest"
    assert structure.history.first().history_user == member
