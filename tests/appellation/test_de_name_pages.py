"""A request from a structure whose name starts with a vowel reads "la demande d'Initiatives Alsace" everywhere."""

import html

import pytest
from django.core import mail
from django.urls import reverse

from fabrique.appellation import services
from tests.factories import StructureFactory


@pytest.fixture
def structure(db):
    """The applicant of the conftest's procedure, renamed: `member` administers it."""
    return StructureFactory(name="Initiatives Alsace", slug="initiatives-alsace", departements=["67"])


def _text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_request_page_reads_d_initiatives_alsace(submitted, member, client_for):
    content = client_for(member).get(submitted.get_absolute_url()).content.decode()
    # The template's own apostrophe is text; the one the filter adds is escaped with the name.
    assert "<h1>Demande d'appellation d&#x27;Initiatives Alsace</h1>" in content
    assert "<title>Demande d'appellation d&#x27;Initiatives Alsace · " in content
    assert "de Initiatives" not in html.unescape(content)


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("request_edit", "Modifier la demande d'Initiatives Alsace"),
        ("request_submit", "Déposer la demande d'Initiatives Alsace"),
        ("request_withdraw", "Retirer la demande d'Initiatives Alsace"),
    ],
)
def test_the_applicant_s_pages_elide_de_before_the_name(name, heading, draft, member, client_for):
    page = _text(client_for(member).get(reverse(f"appellation:{name}", args=[draft.pk])))
    assert f"<h1>{heading}</h1>" in page


def test_the_ballot_and_the_session_pages_read_d_initiatives_alsace(session, submitted, voter, coordinator, client_for):
    ballot = _text(client_for(voter).get(reverse("appellation:ballot")))
    assert "Demande d'Initiatives Alsace</h2>" in ballot
    assert "Lire le dossier d'Initiatives Alsace</a>" in ballot
    assert "de Initiatives" not in ballot
    agenda = _text(client_for(coordinator).get(session.get_absolute_url()))
    assert "Demande d'Initiatives Alsace</a></h3>" in agenda


def test_a_voter_structure_named_with_a_vowel_votes_au_nom_d_it(session, voter, voter_structures, client_for):
    voter_structures[0].name = "Atelier des Deux Rives"
    voter_structures[0].save()
    ballot = _text(client_for(voter).get(reverse("appellation:ballot")))
    assert '<h3 class="h5">Au nom d\'Atelier des Deux Rives</h3>' in ballot
    assert 'aria-label="Vote d\'Atelier des Deux Rives"' in ballot


def test_the_vote_message_reads_d_initiatives_alsace(session, submitted, voter, voter_structures, client_for):
    url = reverse("appellation:vote", args=[submitted.pk])
    data = {"choice": "for", "comment": "", "structure": voter_structures[0].pk}
    page = _text(client_for(voter).post(url, data, follow=True))
    assert "Vote enregistré pour la demande d'Initiatives Alsace." in page


def test_the_recorded_conflict_e_mail_is_about_the_demande_d_initiatives_alsace(
    session, submitted, coordinator, voter_structures, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.record_conflict(submitted, by=coordinator, structure=voter_structures[0], reason="Salarié commun")
    assert [m.subject for m in mail.outbox] == ["Conflit d'intérêts enregistré : demande d'Initiatives Alsace"]


def test_the_request_is_named_d_initiatives_alsace(draft):
    assert str(draft) == "Demande d'appellation d'Initiatives Alsace"
