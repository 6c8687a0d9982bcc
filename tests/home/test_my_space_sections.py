"""« Mon espace » shows each person what needs them now, each section only when it has content, counted."""

import datetime

from django.urls import reverse
from django.utils import timezone

from fabrique.appellation import services as appellation
from fabrique.community.enums import RegistrationStatus
from fabrique.method.enums import Stage
from fabrique.method.models import ProjectNote
from fabrique.network.enums import MembershipRole
from fabrique.territories.models import Departement
from tests.accounts.helpers import text
from tests.factories import CollectiveFactory, MembershipFactory, StructureFactory, UserFactory
from tests.method.factories import SteeringDecisionFactory

from .world import (
    created_activity,
    labelled_with_admin,
    open_session,
    quiet_project,
    registration,
    submitted_request,
)

DASHBOARD = reverse("dashboard")
SECTIONS = {
    "ballots": 'id="ballots-title"',
    "requests": 'id="requests-title"',
    "quiet": 'id="quiet-title"',
    "followups": 'id="followups-title"',
    "events": 'id="events-title"',
    "awaiting": 'id="awaiting-title"',
    "sessions": 'id="sessions-title"',
}


def page_of(client_for, user) -> str:
    response = client_for(user).get(DASHBOARD)
    assert response.status_code == 200
    return text(response)


# --- votes to cast -------------------------------------------------------------------------------------------


def test_a_voter_sees_the_votes_to_cast_with_their_deadline_until_cast(client_for, structure):
    voter_structure, voter = labelled_with_admin("Fabrique du Cantal")
    appellation_request = submitted_request(structure)
    session = open_session([appellation_request])
    item = session.items.get()
    page = page_of(client_for, voter)
    assert "1 vote à exprimer" in page
    assert f"{reverse('appellation:ballot')}#demande-{item.pk}" in page
    assert "Demande d'appellation de TAg Test" in page
    assert f'<time datetime="{timezone.localtime(session.deadline).isoformat()}' in page

    appellation.cast_vote(appellation_request, by=voter, choice="for")
    assert SECTIONS["ballots"] not in page_of(client_for, voter)


def test_a_staff_member_of_a_voter_structure_has_no_vote_to_cast(client_for, structure):
    voter_structure, _ = labelled_with_admin("Fabrique du Cantal")
    staff = MembershipFactory(structure=voter_structure, role=MembershipRole.STAFF).user
    open_session([submitted_request(structure)])
    assert SECTIONS["ballots"] not in page_of(client_for, staff)


def test_a_voter_in_conflict_has_no_vote_to_cast(client_for, structure):
    voter_structure, voter = labelled_with_admin("Fabrique du Cantal")
    CollectiveFactory().structures.set([structure, voter_structure])
    open_session([submitted_request(structure)])
    assert SECTIONS["ballots"] not in page_of(client_for, voter)


# --- my structure's request ----------------------------------------------------------------------------------


def test_the_applicant_sees_where_the_request_stands_and_how_many_voted_never_who(client_for, structure, member):
    voters = [labelled_with_admin(f"Fabrique votante {letter}") for letter in "ABC"]
    appellation_request = submitted_request(structure)
    session = open_session([appellation_request])
    appellation.cast_vote(appellation_request, by=voters[0][1], choice="against", comment="Trop tôt")
    staff = MembershipFactory(structure=structure, role=MembershipRole.STAFF).user
    for person in (member, staff):
        page = page_of(client_for, person)
        assert "1 demande d'appellation en cours" in page
        assert f"À l'ordre du jour de la séance du {session.held_on.day} " in page
        assert "1 structure votante sur 3 a voté." in page
        assert "Fabrique votante" not in page and "Trop tôt" not in page and "défavorable" not in page


def test_a_submitted_request_waits_for_a_session_and_a_draft_is_not_yet_submitted(client_for, structure, member):
    appellation_request = appellation.create_request(structure, by=member)
    assert "Pas encore déposée." in page_of(client_for, member)
    appellation_request.status = "submitted"
    appellation_request.save(update_fields=["status"])
    assert "En attente de la prochaine séance du comité de pairs." in page_of(client_for, member)


def test_no_one_sees_the_request_of_another_structure(client_for, structure, other_member):
    open_session([submitted_request(structure)])
    page = page_of(client_for, other_member)
    assert SECTIONS["requests"] not in page and SECTIONS["awaiting"] not in page
    assert "TAg Test" not in page


# --- quiet projects ------------------------------------------------------------------------------------------


def test_members_see_their_projects_without_movement(client_for, structure, member, staff_member, settings):
    settings.PROJECT_QUIET_DAYS = 30
    quiet = quiet_project(structure, title="Recyclerie de Morlaix")
    noted = quiet_project(structure, title="Garage solidaire")
    ProjectNote.objects.create(project=noted, text="Rencontre avec la mairie")
    decided = quiet_project(structure, title="Épicerie itinérante")
    SteeringDecisionFactory(project=decided, decided_on=timezone.localdate() - datetime.timedelta(days=3))
    quiet_project(structure, stage=Stage.PAUSED, title="Projet en pause")
    quiet_project(structure, stage=Stage.ABANDONED, title="Projet abandonné")
    for person in (member, staff_member):
        page = page_of(client_for, person)
        assert "1 projet sans mouvement depuis plus de 30 jours" in page
        assert quiet.get_absolute_url() in page
        for title in ("Garage solidaire", "Épicerie itinérante", "Projet en pause", "Projet abandonné"):
            assert title not in page


def test_the_quiet_delay_is_the_setting(client_for, structure, member, settings):
    quiet_project(structure, title="Recyclerie de Morlaix")
    settings.PROJECT_QUIET_DAYS = 500  # the project moved 400 days ago
    assert "Recyclerie de Morlaix" not in page_of(client_for, member)
    settings.PROJECT_QUIET_DAYS = 300
    assert "Recyclerie de Morlaix" in page_of(client_for, member)


def test_a_long_list_is_cut_and_counted_in_full(client_for, structure, member):
    for index in range(12):
        quiet_project(structure, title=f"Projet calme {index}")
    page = page_of(client_for, member)
    assert "12 projets sans mouvement" in page
    assert page.count("Projet calme") == 10
    assert "Et 2 autres projets" in page


def test_no_one_sees_another_structure_s_private_projects(client_for, structure, other_member, coordinator):
    quiet_project(structure, title="Recyclerie de Morlaix")
    created_activity(structure, title="Tiers-lieu de Carhaix")
    for person in (other_member, coordinator):
        page = page_of(client_for, person)
        assert "Recyclerie de Morlaix" not in page and "Tiers-lieu de Carhaix" not in page
        assert SECTIONS["quiet"] not in page and SECTIONS["followups"] not in page


# --- follow-ups ----------------------------------------------------------------------------------------------


def test_members_see_the_follow_ups_due_and_not_recorded(client_for, structure, member):
    due = created_activity(structure, days_ago=400, title="Tiers-lieu de Carhaix")
    created_activity(structure, days_ago=200, title="Activité trop récente")
    recorded = created_activity(structure, days_ago=400, title="Activité suivie")
    recorded.followup_1y_active = True
    recorded.save(update_fields=["followup_1y_active"])
    old = created_activity(structure, days_ago=365 * 3 + 10, title="Activité ancienne")
    old.followup_1y_active = True
    old.save(update_fields=["followup_1y_active"])
    page = page_of(client_for, member)
    assert "2 suivis d'activité à renseigner" in page
    assert "Suivi à 1 an de « Tiers-lieu de Carhaix »" in page
    assert "Suivi à 3 ans de « Activité ancienne »" in page
    assert reverse("method:outcome_edit", args=[due.project_id]) in page
    assert "Activité trop récente" not in page and "Activité suivie" not in page


# --- events --------------------------------------------------------------------------------------------------


def test_i_see_the_events_i_am_registered_to_not_those_over_or_left(client_for, member):
    registration(member, title="Rencontre nationale")
    registration(member, title="Webinaire complet", status=RegistrationStatus.WAITLISTED)
    registration(member, title="Formation passée", past=True)
    registration(member, title="Atelier quitté", status=RegistrationStatus.CANCELLED)
    page = page_of(client_for, member)
    assert "2 événements où je suis inscrit·e" in page
    assert "Rencontre nationale" in page and "Webinaire complet" in page and "en liste d'attente" in page
    assert "Formation passée" not in page and "Atelier quitté" not in page


# --- coordination --------------------------------------------------------------------------------------------


def test_the_coordination_sees_the_requests_awaiting_a_session_and_the_open_sessions(client_for, coordinator):
    labelled_with_admin("Fabrique du Cantal")
    waiting = submitted_request(StructureFactory(name="Fabrique de Lozère"))
    session = open_session([submitted_request(StructureFactory(name="Fabrique de l'Aveyron"))])
    page = page_of(client_for, coordinator)
    assert "1 demande d'appellation en attente d'une séance" in page
    assert waiting.get_absolute_url() in page
    assert reverse("appellation:session_new") in page
    assert "1 séance ouverte aux votes" in page
    assert session.get_absolute_url() in page and "1 demande," in page


def test_a_member_sees_no_network_wide_item(client_for, member):
    submitted_request(StructureFactory(name="Fabrique de Lozère"))
    page = page_of(client_for, member)
    assert SECTIONS["awaiting"] not in page and "Lozère" not in page


# --- structures, partner, empty state ------------------------------------------------------------------------


def test_my_structures_are_one_click_from_their_board_and_figures(client_for, structure, staff_member):
    page = page_of(client_for, staff_member)
    assert reverse("method:board", args=[structure.slug]) in page
    assert reverse("reporting:structure", args=[structure.slug]) in page
    assert reverse("network:members", args=[structure.slug]) in page


def test_a_partner_reaches_the_figures_of_the_departements_they_follow(client_for, db):
    partner = UserFactory()
    partner.partner_departements.set(Departement.objects.filter(code="29"))
    page = page_of(client_for, partner)
    assert reverse("reporting:territory") in page
    assert "Vous n'êtes membre d'aucune structure" in page


def test_a_person_with_nothing_gets_a_helpful_empty_state(client_for, db):
    page = page_of(client_for, UserFactory())
    assert "Rien ne vous attend pour l'instant" in page
    assert "demandez une invitation à l'administrateur·rice de votre structure" in page
    for name in ("community:event_list", "network:map", "library:resource_list"):
        assert reverse(name) in page
    assert not [section for section, heading in SECTIONS.items() if heading in page]


def test_a_person_with_something_to_do_gets_no_empty_state(client_for, member):
    registration(member, title="Rencontre nationale")
    assert "Rien ne vous attend" not in page_of(client_for, member)
