"""Draft → submitted (read-only) → decided, or withdrawn; every change of state logged with its author."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fabrique.appellation import services
from fabrique.appellation.enums import RequestStatus
from fabrique.appellation.exceptions import RequestLocked
from fabrique.core.exceptions import TransitionError, VersionConflict
from fabrique.network.enums import MembershipRole
from tests.factories import MembershipFactory, StructureFactory

from .conftest import NARRATIVES


def test_an_admin_of_an_experimenting_structure_opens_a_draft_and_the_log_says_who(applicant, member):
    request = services.create_request(applicant, by=member, data=NARRATIVES)
    assert request.status == RequestStatus.DRAFT
    entry = request.log.get()
    assert (entry.from_status, entry.to_status, entry.changed_by) == ("", "draft", member)
    assert request.history.first().history_user == member


def test_a_staff_member_or_a_labelled_structure_cannot_ask_for_the_appellation(applicant, staff_member, voters):
    with pytest.raises(
        PermissionDenied, match="Seule une personne administratrice d'une structure en expérimentation peut demander"
    ):
        services.create_request(applicant, by=staff_member)
    with pytest.raises(
        PermissionDenied, match="Seule une personne administratrice d'une structure en expérimentation peut demander"
    ):
        services.create_request(voters[0].memberships.get().structure, by=voters[0])


def test_a_structure_has_one_request_in_progress_at_a_time(draft, applicant, member):
    with pytest.raises(TransitionError, match="déjà une demande"):
        services.create_request(applicant, by=member)


def test_submitting_freezes_the_evidence_and_logs_the_author(draft, member):
    services.submit_request(draft, by=member)
    draft.refresh_from_db()
    assert draft.status == RequestStatus.SUBMITTED and draft.submitted_at
    assert draft.evidence["partners"]["current"] == 1
    assert draft.evidence["experimenting_since"] == "2023-01-15"
    assert list(draft.log.values_list("to_status", "changed_by")) == [("draft", member.pk), ("submitted", member.pk)]


def test_an_incomplete_draft_cannot_be_submitted_and_the_message_names_the_criterion(applicant, member):
    request = services.create_request(applicant, by=member, data={"usefulness": "Oui."})
    with pytest.raises(ValidationError, match="Ce critère doit être argumenté avant le dépôt") as error:
        services.submit_request(request, by=member)
    assert set(error.value.message_dict) == {"partnerships", "know_how"}
    request.refresh_from_db()
    assert request.status == RequestStatus.DRAFT


def test_nothing_in_a_submitted_request_can_be_changed_through_the_services(submitted, member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = (submitted.usefulness, submitted.version)
    with pytest.raises(RequestLocked, match="elle ne peut plus être modifiée"):
        services.update_request(submitted, by=member, data={"usefulness": "Autre"}, expected_version=submitted.version)
    with pytest.raises(RequestLocked, match="elle ne peut plus être modifiée"):
        services.add_attachment(
            submitted, by=member, title="Bilan", upload=SimpleUploadedFile("b.pdf", b"%PDF-1.4 bilan")
        )
    with pytest.raises(RequestLocked, match="La demande a déjà été déposée"):
        services.submit_request(submitted, by=member)
    submitted.refresh_from_db()
    assert (submitted.usefulness, submitted.version) == before
    assert not submitted.attachments.exists()


def test_a_stale_edit_of_the_draft_is_refused_and_changes_nothing(draft, member):
    services.update_request(draft, by=member, data={"usefulness": "Version A"}, expected_version=draft.version)
    with pytest.raises(VersionConflict, match=r"modifiée par quelqu'un d'autre"):
        services.update_request(draft, by=member, data={"usefulness": "Version B"}, expected_version=1)
    draft.refresh_from_db()
    assert draft.usefulness == "Version A"


def test_another_admin_of_the_structure_may_edit_but_a_staff_member_may_not(draft, applicant, staff_member):
    colleague = MembershipFactory(structure=applicant, role=MembershipRole.ADMIN).user
    services.update_request(draft, by=colleague, data={"know_how": "Mis à jour"}, expected_version=draft.version)
    with pytest.raises(PermissionDenied, match="Seule une personne administratrice de la structure modifie la demande"):
        services.update_request(draft, by=staff_member, data={"know_how": "Non"}, expected_version=None)


def test_the_applicant_withdraws_its_request_before_the_session_closes(session, submitted, member):
    services.withdraw_request(submitted, by=member, reason="Nous attendons une année de plus.")
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.WITHDRAWN
    entry = submitted.log.last()
    assert (entry.to_status, entry.changed_by, entry.note) == ("withdrawn", member, "Nous attendons une année de plus.")


def test_a_decided_request_can_no_longer_be_withdrawn(session, submitted, member, coordinator, voters):
    for user in voters:
        services.cast_vote(submitted, by=user, choice="for")
    services.close_session(session, by=coordinator)
    with pytest.raises(TransitionError, match="elle ne peut plus être retirée"):
        services.withdraw_request(submitted, by=member)


def test_another_structure_cannot_withdraw_the_request(submitted, other_member, coordinator):
    for user in (other_member, coordinator):
        with pytest.raises(
            PermissionDenied, match="Seule une personne administratrice de la structure retire la demande"
        ):
            services.withdraw_request(submitted, by=user)


def test_after_a_refusal_the_structure_may_ask_again(session, submitted, member, coordinator, voters, applicant):
    for user in voters:
        services.cast_vote(submitted, by=user, choice="against")
    services.close_session(session, by=coordinator)
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.REFUSED
    again = services.create_request(applicant, by=member)
    assert again.status == RequestStatus.DRAFT


def test_a_candidate_structure_cannot_ask(member):
    candidate = StructureFactory(candidate=True)
    MembershipFactory(structure=candidate, user=member)
    with pytest.raises(
        PermissionDenied, match="Seule une personne administratrice d'une structure en expérimentation peut demander"
    ):
        services.create_request(candidate, by=member)
