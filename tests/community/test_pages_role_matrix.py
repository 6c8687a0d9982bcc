"""Every page and action of network life by persona (coordinator, member of the structure, member of another
structure, anonymous visitor), and lists that cost the same for 3 rows or 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.community import registrations
from fabrique.community import urls as community_urls
from fabrique.community.enums import GroupRole
from fabrique.search.visibility import Visibility
from tests import factories
from tests.conftest import ROLES

from .factories import EventFactory, GroupMembershipFactory, NewsPostFactory, WorkingGroupFactory


def expect(coordinator, member, other_member, anonymous=302) -> dict[str, int]:
    """The status for each persona; anonymous visitors are sent to the login page unless told otherwise."""
    return dict(zip(ROLES, (coordinator, member, other_member, anonymous), strict=True))


EVERYONE = expect(200, 200, 200, 200)
NETWORK = expect(200, 200, 200)
ORGANISERS = expect(200, 200, 403)  # the organising structure, or the group's lead, and the coordination
COORDINATION = expect(200, 403, 403)
REDIRECTED = expect(302, 302, 302)  # a POST that answers with a message on the next page, whoever is in

NEWS_FORM = {
    "title": "Rencontre nationale",
    "summary": "",
    "body": "**Inscriptions** ouvertes.",
    "visibility": "public",
}

# Every route of the community app, by URL name (":something" names another case of the same route).
# The world: a network event organised by the member's structure, a network working group led by the member
# with one plain member from another structure, a published public news post. A POST case gives its data.
ROUTES = {
    "event_list": (lambda w: "/evenements/", None, EVERYONE),
    "event_calendar": (lambda w: "/evenements/calendrier/", None, EVERYONE),
    "events_feed": (lambda w: "/evenements/agenda.ics", None, EVERYONE),
    "event_create": (lambda w: "/evenements/nouveau/", None, NETWORK),
    "participation": (lambda w: f"/evenements/participation/{w['structure'].slug}/", None, NETWORK),
    "event_detail": (lambda w: f"/evenements/{w['event'].slug}/", None, NETWORK),
    # A calendar application has no session: a network event is not found rather than sent to the login page.
    "event_ics": (lambda w: f"/evenements/{w['event'].slug}.ics", None, expect(200, 200, 200, 404)),
    "event_edit": (lambda w: f"/evenements/{w['event'].slug}/modifier/", None, ORGANISERS),
    "event_register": (lambda w: f"/evenements/{w['event'].slug}/inscription/", {}, REDIRECTED),
    "event_cancel": (lambda w: f"/evenements/{w['event'].slug}/desinscription/", {}, REDIRECTED),
    "event_attendance": (lambda w: f"/evenements/{w['event'].slug}/presences/", None, ORGANISERS),
    "event_cancellation": (lambda w: f"/evenements/{w['event'].slug}/annuler/", None, ORGANISERS),
    "group_list": (lambda w: "/groupes-de-travail/", None, EVERYONE),
    "group_create": (lambda w: "/groupes-de-travail/nouveau/", None, COORDINATION),
    "group_detail": (lambda w: f"/groupes-de-travail/{w['group'].slug}/", None, NETWORK),
    "group_edit": (lambda w: f"/groupes-de-travail/{w['group'].slug}/modifier/", None, COORDINATION),
    "group_members": (lambda w: f"/groupes-de-travail/{w['group'].slug}/membres/", None, ORGANISERS),
    "group_member_role": (
        lambda w: f"/groupes-de-travail/{w['group'].slug}/membres/{w['joined'].pk}/role/",
        {"role": GroupRole.LEAD, "version": 1},
        expect(302, 302, 403),
    ),
    "group_member_remove": (
        lambda w: f"/groupes-de-travail/{w['group'].slug}/membres/{w['joined'].pk}/retirer/",
        {},
        expect(302, 302, 403),
    ),
    "group_join": (lambda w: f"/groupes-de-travail/{w['group'].slug}/rejoindre/", {}, REDIRECTED),
    "group_leave": (lambda w: f"/groupes-de-travail/{w['group'].slug}/quitter/", {}, REDIRECTED),
    "news_list": (lambda w: "/actualites/", None, EVERYONE),
    "news_feed": (lambda w: "/actualites/atom.xml", None, EVERYONE),
    "news_create": (lambda w: "/actualites/nouvelle/", None, COORDINATION),
    "news_create:preview": (lambda w: "/actualites/nouvelle/", NEWS_FORM | {"preview": "1"}, COORDINATION),
    "news_detail": (lambda w: f"/actualites/{w['post'].slug}/", None, EVERYONE),
    "news_edit": (lambda w: f"/actualites/{w['post'].slug}/modifier/", None, COORDINATION),
    "news_edit:preview": (
        lambda w: f"/actualites/{w['post'].slug}/modifier/",
        NEWS_FORM | {"preview": "1", "version": 1},
        COORDINATION,
    ),
    "news_unpublish": (lambda w: f"/actualites/{w['post'].slug}/retirer/", None, COORDINATION),
    "testimonial_list": (lambda w: "/temoignages/", None, EVERYONE),
}


@pytest.fixture
def world(structure, member, colleague):
    group = WorkingGroupFactory(name="Alimentation", slug="alimentation")
    GroupMembershipFactory(group=group, user=member, role=GroupRole.LEAD)
    return {
        "structure": structure,
        "event": EventFactory(organiser=structure, slug="rencontre", capacity=2),
        "group": group,
        "joined": GroupMembershipFactory(group=group, user=colleague),
        "post": NewsPostFactory(slug="rencontre-nationale"),
    }


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("case", list(ROUTES))
def test_every_page_and_action_follows_the_role_matrix(case, persona, world, client_for):
    name, user = persona
    url_of, data, expected = ROUTES[case]
    client = client_for(user)
    url = url_of(world)
    response = client.get(url) if data is None else client.post(url, data)
    assert response.status_code == expected[name], (case, name)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:login")) == (name == "anonymous"), (case, name)


def test_every_community_url_is_in_the_role_matrix():
    names = {pattern.name for pattern in community_urls.urlpatterns}
    assert {case.partition(":")[0] for case in ROUTES} == names


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
