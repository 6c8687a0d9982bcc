"""Pages and messages about a structure whose name starts with a vowel say "d'Initiatives Alsace"."""

import html

import pytest
from django.urls import reverse

from fabrique.network.enums import MembershipRole
from tests.factories import MembershipFactory, StructureFactory


@pytest.fixture
def alsace(db):
    return StructureFactory(name="Initiatives Alsace", slug="initiatives-alsace")


@pytest.fixture
def alsace_admin(alsace):
    return MembershipFactory(structure=alsace, user__email="admin@alsace.example.org", role=MembershipRole.ADMIN).user


def _text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/structures/initiatives-alsace/partenaires/", "Partenaires d'Initiatives Alsace"),
        ("/structures/initiatives-alsace/historique/", "Historique d'Initiatives Alsace"),
        ("/structures/initiatives-alsace/modifier/", "Modifier la présentation d'Initiatives Alsace"),
        ("/coordination/structures/initiatives-alsace/", "Statut d'Initiatives Alsace"),
    ],
)
def test_structure_pages_elide_de_before_the_name(url, heading, client_for, coordinator, alsace):
    page = _text(client_for(coordinator).get(url))
    assert f"<h1>{heading}</h1>" in page
    assert "de Initiatives" not in page


def test_the_partners_page_shows_the_elided_apostrophe_escaped_in_the_html(client_for, coordinator, alsace):
    response = client_for(coordinator).get("/structures/initiatives-alsace/partenaires/")
    content = response.content.decode()
    assert "<title>Partenaires d&#x27;Initiatives Alsace · " in content
    assert "<h1>Partenaires d&#x27;Initiatives Alsace</h1>" in content


def test_a_name_with_markup_is_escaped_on_the_partners_page(client_for, coordinator):
    StructureFactory(name="Oasis <script>alert('x')</script>", slug="oasis")
    content = client_for(coordinator).get("/structures/oasis/partenaires/").content.decode()
    assert "<h1>Partenaires d&#x27;Oasis &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</h1>" in content
    assert "<script>alert" not in content


def test_the_members_page_and_the_dashboard_elide_de(client_for, alsace, alsace_admin):
    client = client_for(alsace_admin)
    assert "<h1>Membres d'Initiatives Alsace</h1>" in _text(client.get(reverse("network:members", args=[alsace.slug])))
    dashboard = _text(client.get(reverse("dashboard")))
    assert '<span class="visually-hidden"> d\'Initiatives Alsace</span>' in dashboard


def test_removing_a_member_says_they_no_longer_belong_to_d_initiatives_alsace(client_for, alsace, alsace_admin):
    leaving = MembershipFactory(structure=alsace, user__first_name="Anne", user__last_name="Roux")
    url = reverse("network:member_remove", args=[alsace.slug, leaving.pk])
    page = _text(client_for(alsace_admin).post(url, follow=True))
    assert "Anne Roux ne fait plus partie d'Initiatives Alsace." in page
