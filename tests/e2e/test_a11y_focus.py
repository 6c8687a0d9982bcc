"""Every focusable element of six key pages shows a focus indicator of at least 2 px and 3:1 against the colours
it touches, measured from the rendered style while tabbing through the page (RGAA 10.7; axe-core does not check it),
and every field, radio and checkbox there has a border at 3:1 on the page (RGAA 3.3). Bootstrap's own focus (a
pale halo, 1.4 to 2.1:1) and its field borders (1.30:1) are what this catches."""

import pytest

from .a11y import control_edge_problems, focus_problems
from .browser import login

pytestmark = pytest.mark.django_db(transaction=True)

MEMBER = "tag29@example.org"  # administrator of TAg29, voter on the open peer committee of the demo


@pytest.fixture
def demo_data(settings):
    from fabrique.demo import seed

    settings.DEMO_MODE = True
    seed.load_all()


def check(page, base_url: str, urls) -> tuple[list[str], int]:
    """The focus and border problems of the pages at `urls`, and how many fields, radios and checkboxes they show."""
    problems, controls = [], 0
    for url in urls:
        response = page.goto(base_url + url)
        assert response.status == 200, url
        count, focus = focus_problems(page)
        assert count > 10, f"{url}: only {count} focusable elements reached by Tab"
        shown, edges = control_edge_problems(page)
        controls += shown
        problems += [f"{url} — {problem}" for problem in focus + edges]
    return problems, controls


def test_every_focusable_element_of_the_public_pages_shows_its_focus_and_fields_their_edges(
    demo_data, live_server, page
):
    problems, controls = check(page, live_server.url, ("/", "/structures/", "/comptes/connexion/"))
    assert problems == [], "\n".join(problems)
    assert controls > 5, "the pages have fields, radios or checkboxes to measure"


def test_every_focusable_element_of_a_member_s_pages_shows_its_focus_and_fields_their_edges(
    demo_data, live_server, page
):
    from fabrique.core.demo_support import DEMO_PASSWORD
    from fabrique.method.models import Project

    project = Project.objects.filter(structure__slug="tag29").order_by("pk").first()
    login(page, live_server.url, MEMBER, DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/**")
    urls = (project.get_absolute_url(), "/appellation/votes/", "/methode/structures/tag29/tableau/", "/indicateurs/")
    problems, controls = check(page, live_server.url, urls)
    assert problems == [], "\n".join(problems)
    assert controls > 5, "the pages have fields, radios or checkboxes to measure"
