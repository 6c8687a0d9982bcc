"""Who sees what: the coordinator sees the votes with names; the applicant sees the decision, the tally and
the comments without names; the other voters see the tally after closing; the public sees the status."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fabrique.appellation import services

from .test_attachments import PDF_BYTES

COMMENTS = ["Un ancrage territorial remarquable.", "Partenariats encore fragiles.", "Bonne dynamique."]


@pytest.fixture
def decided(session, submitted, voters, voter_structures, coordinator):
    for user, choice, comment in zip(voters, ["for", "against", "for"], COMMENTS, strict=True):
        services.cast_vote(submitted, by=user, choice=choice, comment=comment)
    services.close_session(session, by=coordinator)
    return submitted


def voter_names(voters, voter_structures):
    return [s.name for s in voter_structures] + [u.email for u in voters] + [u.get_full_name() for u in voters]


def test_the_coordinator_sees_each_vote_with_the_structure_and_the_comment(
    decided, coordinator, voters, voter_structures, client_for
):
    html = client_for(coordinator).get(decided.get_absolute_url()).content.decode()
    assert len(voter_structures) == len(COMMENTS) == 3
    for structure, comment in zip(voter_structures, COMMENTS, strict=True):
        assert structure.name in html and comment in html


def test_the_applicant_sees_decision_tally_and_comments_but_no_voter_name(
    decided, member, voters, voter_structures, client_for
):
    client = client_for(member)
    html = client.get(decided.get_absolute_url()).content.decode()
    assert "appellation accordée" in html and "Favorables" in html
    assert all(comment in html for comment in COMMENTS)
    for page in [
        decided.get_absolute_url(),
        reverse("appellation:home"),
        reverse("appellation:request_list"),
        reverse("appellation:notifications"),
        reverse("appellation:results"),
    ]:
        content = client.get(page).content.decode()
        for name in voter_names(voters, voter_structures):
            assert name not in content, (page, name)


def test_the_applicant_api_answer_carries_no_voter_name(decided, member, voters, voter_structures, client_for):
    content = client_for(member).get(f"/api/v1/appellation/requests/{decided.pk}").content.decode()
    assert "Favorables" not in content  # JSON, not the page
    for name in voter_names(voters, voter_structures):
        assert name not in content


def test_during_the_session_voters_do_not_see_the_tally_nor_the_others_votes(session, submitted, voters, client_for):
    services.cast_vote(submitted, by=voters[0], choice="against", comment="Réservé")
    html = client_for(voters[1]).get(submitted.get_absolute_url()).content.decode()
    assert "Réservé" not in html and "Défavorables" not in html
    session_html = client_for(voters[1]).get(session.get_absolute_url()).content.decode()
    assert "Réservé" not in session_html and "Défavorables" not in session_html


def test_after_closing_other_voters_see_the_tally_but_neither_comments_nor_votes_of_others(
    decided, session, voters, voter_structures, client_for
):
    html = client_for(voters[1]).get(session.get_absolute_url()).content.decode()
    assert "Favorables" in html and "appellation accordée" in html
    assert not any(comment in html for comment in COMMENTS)
    assert "Par</th>" not in html


def test_the_applicant_does_not_see_the_tally_before_closing(session, submitted, voters, member, client_for):
    services.cast_vote(submitted, by=voters[0], choice="for", comment="Très bien")
    html = client_for(member).get(submitted.get_absolute_url()).content.decode()
    assert "Très bien" not in html and "Favorables" not in html


def test_a_submitted_request_cannot_be_changed_through_the_pages(submitted, member, client_for):
    client = client_for(member)
    before = (submitted.usefulness, submitted.version, submitted.status)
    edit = client.post(
        reverse("appellation:request_edit", args=[submitted.pk]),
        {"usefulness": "Réécrit", "partnerships": "x", "know_how": "y", "version": submitted.version},
    )
    add = client.post(
        reverse("appellation:attachment_add", args=[submitted.pk]),
        {"title": "Annexe", "file": SimpleUploadedFile("a.pdf", PDF_BYTES)},
    )
    resubmit = client.post(reverse("appellation:request_submit", args=[submitted.pk]))
    assert {edit.status_code, add.status_code, resubmit.status_code} == {302}
    submitted.refresh_from_db()
    assert (submitted.usefulness, submitted.version, submitted.status) == before
    assert not submitted.attachments.exists()
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert "lecture seule" in page and reverse("appellation:request_edit", args=[submitted.pk]) not in page


def test_the_request_page_leads_a_voter_admin_to_the_ballot_but_not_the_applicant(
    session, submitted, voter, member, client_for
):
    assert "Voter sur cette demande" in client_for(voter).get(submitted.get_absolute_url()).content.decode()
    assert "Voter sur cette demande" not in client_for(member).get(submitted.get_absolute_url()).content.decode()
