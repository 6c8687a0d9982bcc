"""A refused vote or conflict declaration shows the ballot page again with the refused form in its request's ballot:
its summary takes the focus and links to the field, which carries the service's message (issue 17, RGAA 11.10)."""

import re

import pytest
from django.urls import reverse

from fabrique.appellation.models import Conflict, Vote
from tests.snapshots import assert_unchanged

NBSP = "\u00a0"
SUMMARY = '<div class="alert alert-danger error-summary" role="alert" tabindex="-1" autofocus'


def ballot_of(html: str, item_pk: int) -> str:
    """The HTML of one request's ballot (its <article>, named by its agenda item)."""
    start = html.index(f'aria-labelledby="demande-{item_pk}"')
    return html[start : html.index("</article>", start)]


@pytest.mark.parametrize(
    ("url_name", "data", "field", "message"),
    [
        ("appellation:vote", {"choice": ""}, "choice", "Choisissez « favorable », « défavorable » ou « abstention »."),
        ("appellation:declare_conflict", {"reason": " "}, "reason", "Indiquez le motif du conflit d'intérêts."),
    ],
)
def test_a_refused_ballot_form_comes_back_in_its_request_with_its_summary_and_the_field_marked(
    client_for, session, submitted, voter, voter_structures, url_name, data, field, message
):
    structure = voter_structures[0]
    with assert_unchanged(Vote, Conflict):
        response = client_for(voter).post(reverse(url_name, args=[submitted.pk]), {"structure": structure.pk, **data})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r"<title>Erreur" + NBSP + ": ", html)
    assert html.count(SUMMARY) == 1
    item_pk = session.items.get().pk
    ballot = ballot_of(html, item_pk)
    assert SUMMARY in ballot  # in the request's ballot, not at the top of the page
    field_id = f"id_{'vote' if field == 'choice' else 'conflict'}_{item_pk}_{structure.pk}_{field}"
    assert f'<a href="#{field_id}' in ballot
    assert f'id="{field_id}_error"' in ballot and message.replace("'", "&#x27;") in ballot
    if field == "reason":
        assert '<details class="mt-3" open>' in ballot


def test_a_ballot_refused_by_a_rule_not_a_field_keeps_the_message_at_the_top(client_for, session, submitted, voter):
    # a structure this person does not administer: no seat shows its form, the refusal is the page's message
    with assert_unchanged(Vote):
        response = client_for(voter).post(
            reverse("appellation:vote", args=[submitted.pk]), {"structure": "999999", "choice": "favorable"}
        )
    assert response.status_code == 302
