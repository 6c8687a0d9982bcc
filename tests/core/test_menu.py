"""The main menu lists each section once, on every kind of page, in its groups."""

import re

import pytest
from django.urls import reverse

from tests.method.factories import ProjectFactory


def _menu_links(html: str) -> list[str]:
    menu = html[html.index('id="menu"') : html.index("</nav>", html.index('id="menu"'))]
    return re.findall(r'<a class="nav-link[^"]*" href="([^"]+)"', menu)


@pytest.mark.parametrize(
    "page",
    ["home", "board", "project", "project_list", "activities", "library", "events", "news", "search", "map"],
)
def test_no_section_twice_in_the_menu(page, client_for, member, structure):
    project = ProjectFactory(structure=structure)
    url = {
        "home": "/",
        "board": reverse("method:board", args=[structure.slug]),
        "project": reverse("method:project_detail", args=[project.pk]),
        "project_list": reverse("method:project_list"),
        "activities": reverse("method:activity_list"),
        "library": reverse("library:resource_list"),
        "events": reverse("community:event_list"),
        "news": reverse("community:news_list"),
        "search": reverse("search:results") + "?q=projet",
        "map": reverse("network:map"),
    }[page]
    response = client_for(member).get(url)
    assert response.status_code == 200
    links = _menu_links(response.content.decode())
    assert reverse("method:home") in links and reverse("method:activity_list") in links
    assert len(links) == len(set(links)), links


def test_the_menu_groups_its_sections_and_the_account(client_for, member):
    html = client_for(member).get("/").content.decode()
    menu = html[html.index('id="menu"') : html.index("</nav>", html.index('id="menu"'))]
    groups = re.findall(r'<summary class="nav-link[^"]*">([^<]+)', menu)
    assert groups == ["Le réseau", "La méthode", "Vie du réseau", "Compte"]
    assert 'placeholder="Rechercher…"' in menu


def test_the_login_link_never_sends_back_to_the_login_page(client, db):
    login = reverse("accounts:login")
    html = client.get(login + "?next=/structures/").content.decode()
    assert f'href="{login}?next=' not in html
    assert f'href="{login}?next=/carte/"' in client.get(reverse("network:map")).content.decode()


def test_every_page_names_the_site_s_icon(client, db):
    from django.contrib.staticfiles import finders

    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert finders.find("img/favicon.svg")
