"""Working groups, news and testimonials: pages and API with their visibility."""

import html

import pytest

from fabrique.community import services
from fabrique.community.enums import GroupRole
from fabrique.core.exceptions import DomainError
from fabrique.search.visibility import Visibility
from tests import factories
from tests.conftest import ROLES
from tests.library.factories import ResourceFactory

from .factories import EventFactory, GroupMembershipFactory, NewsPostFactory, WorkingGroupFactory


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_network_working_group_is_read_by_the_network(persona, client_for):
    name, user = persona
    group = WorkingGroupFactory(visibility=Visibility.NETWORK)
    expected = 302 if name == "anonymous" else 200
    assert client_for(user).get(f"/groupes-de-travail/{group.slug}/").status_code == expected
    listed = client_for(user).get("/api/v1/working-groups").json()["results"]
    assert [item["slug"] for item in listed] == ([] if name == "anonymous" else [group.slug])


def test_a_member_joins_and_leaves_a_group(member, client_for):
    group = WorkingGroupFactory()
    client = client_for(member)
    client.post(f"/groupes-de-travail/{group.slug}/rejoindre/")
    assert group.memberships.filter(user=member).exists()
    client.post(f"/groupes-de-travail/{group.slug}/quitter/")
    assert not group.memberships.exists()


def test_the_last_lead_cannot_leave_the_group(member):
    group = WorkingGroupFactory()
    GroupMembershipFactory(group=group, user=member, role=GroupRole.LEAD)
    with pytest.raises(DomainError, match="animez"):
        services.leave_group(group, member)


def test_the_group_page_shows_its_readable_resources_and_events(structure, other_structure, other_member, client_for):
    group = WorkingGroupFactory(visibility=Visibility.PUBLIC, name="Mobilité rurale")
    ResourceFactory(
        working_group=group, author_structure=structure, visibility=Visibility.NETWORK, title="Fiche partagée"
    )
    ResourceFactory(
        working_group=group, author_structure=structure, visibility=Visibility.STRUCTURE, title="Note interne"
    )
    EventFactory(working_group=group, organiser=structure, title="Atelier covoiturage")
    page = html.unescape(client_for(other_member).get(f"/groupes-de-travail/{group.slug}/").content.decode())
    assert "Fiche partagée" in page and "Atelier covoiturage" in page
    assert "Note interne" not in page
    anonymous = html.unescape(client_for(None).get(f"/groupes-de-travail/{group.slug}/").content.decode())
    assert "Fiche partagée" not in anonymous and "Atelier covoiturage" not in anonymous


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_news_drafts_are_for_the_coordinator_and_network_news_for_the_network(persona, client_for):
    name, user = persona
    NewsPostFactory(title="Publique", visibility=Visibility.PUBLIC)
    NewsPostFactory(title="Réseau", visibility=Visibility.NETWORK)
    draft = NewsPostFactory(title="Brouillon", published_on=None)
    titles = {item["title"] for item in client_for(user).get("/api/v1/news").json()["results"]}
    expected = {"Publique"} if name == "anonymous" else {"Publique", "Réseau"}
    if name == "coordinator":
        expected = expected | {"Brouillon"}
    assert titles == expected
    assert client_for(user).get(f"/actualites/{draft.slug}/").status_code == (200 if name == "coordinator" else 404)


def test_a_news_post_shows_the_testimonials_it_quotes(structure, client):
    quote = factories.TestimonialFactory(structure=structure, person="Sindy Quéré", quote="La méthodologie de la FAI…")
    post = NewsPostFactory(title="9 nouvelles structures")
    post.testimonials.add(quote)
    page = html.unescape(client.get(f"/actualites/{post.slug}/").content.decode())
    assert "Sindy Quéré" in page and "La méthodologie de la FAI…" in page
    assert client.get(f"/api/v1/news/{post.slug}").json()["testimonials"] == [quote.pk]


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_private_testimonial_is_read_by_its_structure_and_the_coordinator(persona, structure, client_for):
    name, user = persona
    factories.TestimonialFactory(structure=structure, person="Publique", is_public=True)
    private = factories.TestimonialFactory(structure=structure, person="Privée", is_public=False)
    people = {item["person"] for item in client_for(user).get("/api/v1/testimonials").json()["results"]}
    sees = name in {"coordinator", "member"}
    assert people == ({"Publique", "Privée"} if sees else {"Publique"})
    assert client_for(user).get(f"/api/v1/testimonials/{private.pk}").status_code == (200 if sees else 404)
