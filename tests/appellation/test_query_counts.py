"""Lists cost the same number of queries for 3 rows and for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.appellation import services
from fabrique.appellation.enums import RequestStatus
from fabrique.appellation.models import AppellationRequest
from fabrique.appellation.notifications import notify
from tests.factories import StructureFactory

from .conftest import open_session_with


def make_session(n, coordinator, voters):
    requests = [
        AppellationRequest.objects.create(
            structure=StructureFactory(name=f"Demandeuse {n}-{i}", slug=f"demandeuse-{n}-{i}"),
            status=RequestStatus.SUBMITTED,
        )
        for i in range(n)
    ]
    session = open_session_with(coordinator, requests)
    for request in requests:
        services.cast_vote(request, by=voters[0], choice="for", comment="Oui")
        services.cast_vote(request, by=voters[1], choice="abstain")
    return session


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def costs(client_for, user, urls_of, n, coordinator, voters, close=False):
    session = make_session(n, coordinator, voters)
    if close:
        services.close_session(session, by=coordinator)
    client = client_for(user)
    client.get(reverse("appellation:home"))  # session and roles warmed the same way for both sizes
    return [count(client, url) for url in urls_of(session)]


PAGES = {
    "coordinator_open": (
        "coordinator",
        lambda s: [
            reverse("appellation:request_list"),
            reverse("appellation:session_list"),
            s.get_absolute_url(),
            reverse("appellation:session_close", args=[s.pk]),
            "/api/v1/appellation/requests",
            "/api/v1/appellation/sessions",
        ],
        False,
    ),
    "voter_open": (
        "voter",
        lambda s: [reverse("appellation:ballot"), reverse("appellation:request_list"), s.get_absolute_url()],
        False,
    ),
    "coordinator_closed": (
        "coordinator",
        lambda s: [reverse("appellation:results"), s.get_absolute_url(), f"/api/v1/appellation/sessions/{s.pk}"],
        True,
    ),
    "voter_closed": ("voter", lambda s: [reverse("appellation:results"), s.get_absolute_url()], True),
}


@pytest.mark.parametrize("case", sorted(PAGES))
def test_lists_cost_the_same_for_3_and_30_requests(case, coordinator, voters, client_for, django_db_blocker):
    who, urls_of, close = PAGES[case]
    user = coordinator if who == "coordinator" else voters[0]
    small = costs(client_for, user, urls_of, 3, coordinator, voters, close)
    AppellationRequest.objects.all().delete()
    large = costs(client_for, user, urls_of, 30, coordinator, voters, close)
    assert small == large


def test_the_notification_page_costs_the_same_for_3_and_30_notifications(member, client_for):
    client = client_for(member)
    notify([member] * 3, kind="decision", subject="Décision", body="Texte", url="/appellation/")
    small = count(client, reverse("appellation:notifications"))
    notify([member] * 27, kind="decision", subject="Décision", body="Texte", url="/appellation/")
    assert count(client, reverse("appellation:notifications")) == small
