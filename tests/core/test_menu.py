"""The main menu lists each section once, on every kind of page."""

import re

import pytest
from django.urls import reverse

from tests.method.factories import ProjectFactory


def _menu_links(html: str) -> list[str]:
    menu = html[html.index('id="menu"') : html.index("</ul>", html.index('id="menu"'))]
    return re.findall(r'<a class="nav-link" href="([^"]+)"', menu)


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
