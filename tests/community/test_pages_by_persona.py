"""Network life by persona beyond the status of each route (tests/role_matrix/ has it): who sees whose names,
who may join a group, and lists that cost the same for 3 rows or 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.community.services import registrations
from fabrique.search.visibility import Visibility
from tests import factories
from tests.conftest import ROLES

from .factories import EventFactory, GroupMembershipFactory, NewsPostFactory, WorkingGroupFactory


def test_the_participation_page_names_people_only_for_the_structure_and_the_coordinator(
    structure, member, other_member, coordinator, client_for
):
    event = EventFactory(organiser=structure, past=True, title="Formation passée")
    from fabrique.community.models import Registration

    Registration.objects.create(event=event, user=member, structure=structure, status="confirmed", attended=True)
    url = f"/evenements/participation/{structure.slug}/"
    assert "Formation passée" in client_for(other_member).get(url).content.decode()
    assert str(member) not in client_for(other_member).get(url).content.decode()
    assert str(member) in client_for(coordinator).get(url).content.decode()


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_joining_a_group_needs_to_be_in_the_network(persona, client_for):
    name, user = persona
    group = WorkingGroupFactory(visibility=Visibility.PUBLIC)
    response = client_for(user).post(f"/groupes-de-travail/{group.slug}/rejoindre/")
    assert response.status_code == 302
    assert group.memberships.exists() == (name != "anonymous")


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _fill(structure, users, number):
    for _ in range(number):
        NewsPostFactory()
        group = WorkingGroupFactory()
        for user in users:
            GroupMembershipFactory(group=group, user=user)
        factories.TestimonialFactory(structure=structure)
        event = EventFactory(organiser=structure)
        registrations.register(event, users[0])


@pytest.mark.parametrize(
    "url",
    [
        "/actualites/",
        "/groupes-de-travail/",
        "/temoignages/",
        "/evenements/calendrier/",
        "/api/v1/news",
        "/api/v1/working-groups",
        "/api/v1/testimonials",
    ],
)
def test_lists_cost_the_same_number_of_queries_for_3_and_30_rows(url, structure, member, other_member, client_for):
    client = client_for(member)
    _fill(structure, [member, other_member], 3)
    three = _count(client, url)
    _fill(structure, [member, other_member], 27)
    assert _count(client, url) == three
