"""Every focusable element of six key pages shows a focus indicator of at least 2 px and 3:1 against the colours
it touches, measured from the rendered style while tabbing through the page (RGAA 10.7; axe-core does not check it).
Bootstrap's own focus (a pale halo, 1.4 to 2.1:1) on the menu, buttons and fields is what this catches."""

import pytest

from .a11y import focus_problems
from .browser import login

pytestmark = pytest.mark.django_db(transaction=True)

MEMBER = "tag29@example.org"  # administrator of TAg29, voter on the open peer committee of the demo


@pytest.fixture
def demo_data(settings):
    from fabrique.demo import seed

    settings.DEMO_MODE = True
    seed.load_all()


def check(page, url: str) -> list[str]:
    response = page.goto(url)
    assert response.status == 200, url
    count, problems = focus_problems(page)
    assert count > 10, f"{url}: only {count} focusable elements reached by Tab"
    return [f"{url} — {problem}" for problem in problems]


def test_every_focusable_element_of_the_public_pages_shows_its_focus(demo_data, live_server, page):
    problems = []
    for url in ("/", "/structures/", "/comptes/connexion/"):
        problems += check(page, live_server.url + url)
    assert problems == [], "\n".join(problems)


def test_every_focusable_element_of_a_member_s_pages_shows_its_focus(demo_data, live_server, page):
    from fabrique.demo.seed import DEMO_PASSWORD
    from fabrique.method.models import Project

    project = Project.objects.filter(structure__slug="tag29").order_by("pk").first()
    login(page, live_server.url, MEMBER, DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/**")
    problems = []
    for url in (
        project.get_absolute_url(),
        "/appellation/votes/",
        "/methode/structures/tag29/tableau/",
        "/indicateurs/",
    ):
        problems += check(page, live_server.url + url)
    assert problems == [], "\n".join(problems)
