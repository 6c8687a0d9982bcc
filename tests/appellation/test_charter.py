"""The charter: its text edited by the coordinator with history; the commitment recorded with who and when."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from fabrique.appellation import services
from fabrique.appellation.public import charter_acceptance_for, public_appellation
from fabrique.core.exceptions import TransitionError, VersionConflict


def test_the_charter_has_a_default_text_naming_the_network(db, settings):
    settings.NETWORK_NAME = "Fabrique à initiatives"
    charter = services.current_charter()
    assert charter.title == "Charte de la Fabrique à initiatives" and "faire vivre" in charter.text


def test_the_coordinator_edits_the_charter_with_history_and_version_check(coordinator, member):
    charter = services.current_charter()
    services.update_charter(charter, by=coordinator, title="Charte", text="Nouveau texte", expected_version=1)
    assert charter.version == 2 and charter.history.first().history_user == coordinator
    with pytest.raises(VersionConflict, match=r"modifiée par quelqu'un d'autre"):
        services.update_charter(charter, by=coordinator, title="Charte", text="Autre", expected_version=1)
    with pytest.raises(PermissionDenied, match="Seule la coordination modifie la charte"):
        services.update_charter(charter, by=member, title="Charte", text="Pirate", expected_version=2)


def test_the_admin_of_the_granted_structure_accepts_the_charter_once_per_version(
    session, submitted, voters, coordinator, member, applicant
):
    with pytest.raises(PermissionDenied, match="engage sa structure sur la charte"):
        services.accept_charter(applicant, by=member)  # not labelled yet
    for user in voters:
        services.cast_vote(submitted, by=user, choice="for")
    services.close_session(session, by=coordinator)
    applicant.refresh_from_db()
    acceptance = services.accept_charter(applicant, by=member)
    assert (acceptance.accepted_by, acceptance.charter_version) == (member, 1)
    with pytest.raises(TransitionError, match="a déjà accepté cette version de la charte"):
        services.accept_charter(applicant, by=member)
    assert charter_acceptance_for(applicant) == acceptance
    shown = public_appellation(applicant)
    assert shown.labelled and shown.labelled_on == applicant.labelled_on
    assert shown.charter_accepted_on == acceptance.accepted_at.date()


def test_the_accepted_text_is_kept_when_the_charter_changes_later(voter, voter_structures, coordinator):
    acceptance = services.accept_charter(voter_structures[0], by=voter)
    charter = services.current_charter()
    services.update_charter(
        charter, by=coordinator, title="Charte v2", text="Texte 2", expected_version=charter.version
    )
    acceptance.refresh_from_db()
    assert acceptance.text != "Texte 2" and acceptance.charter_version == 1
    again = services.accept_charter(voter_structures[0], by=voter)
    assert again.charter_version == 2 and charter_acceptance_for(voter_structures[0]) == again


def test_the_public_part_renders_status_and_date_only(voter_structures):
    from django.template import Context, Template

    html = Template("{% load appellation_tags %}{% appellation_public structure %}").render(
        Context({"structure": voter_structures[0]})
    )
    assert "Appellation « Fabrique à initiatives »" in html and "1 juin 2025" in html


def test_the_admin_of_one_labelled_structure_accepts_the_charter_with_the_form_as_rendered(
    voter, voter_structures, client_for
):
    """The structure is not chosen when there is only one: the hidden field must carry it."""
    client = client_for(voter)
    html = client.get(reverse("appellation:charter")).content.decode()
    hidden = re.search(r'<input type="hidden" name="structure" value="(\d+)"', html)
    assert hidden is not None, "the form names no structure"
    response = client.post(reverse("appellation:charter_accept"), {"structure": hidden.group(1), "confirm": "on"})
    assert response.status_code == 302
    assert charter_acceptance_for(voter_structures[0]).accepted_by == voter
