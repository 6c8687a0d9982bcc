"""The filters of /structures/ and /methode/projets/ with htmx: the result count lives in one persistent live region
outside the swapped results (announced each time, never wrapping the table), a select changed with the arrow keys
adds no history entry per option, and « Effacer les filtres » follows the filters without a reload (issue 17,
RGAA 7.5 and 10.11)."""

import pytest
from playwright.sync_api import expect

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import Stage
from tests.factories import MembershipFactory, StructureFactory, UserFactory
from tests.method.factories import ProjectFactory

pytestmark = pytest.mark.django_db(transaction=True)

LISTS = {
    # page, the select the test changes, the option it picks
    "structures": ("/structures/", "Statut", "toutes, y compris retirées"),
    "projects": ("/methode/projets/", "Étape", "étude d'opportunité"),
}
LIVE_REGION = "[aria-live=polite]"
MARK = f"document.querySelector('{LIVE_REGION}').fabriqueMark = 'avant le filtre'"
MARKED = f"document.querySelector('{LIVE_REGION}').fabriqueMark ?? null"


@pytest.fixture
def lists(territories):
    structure = StructureFactory(name="Fabrique du Trégor", slug="fabrique-du-tregor", departements=["29"])
    StructureFactory(name="Fabrique retirée", withdrawn=True, departements=["22"])
    UserFactory(email="coordination@example.org", coordinator=True)
    MembershipFactory(structure=structure, user__email="tregor@example.org")
    ProjectFactory(structure=structure, title="Épicerie itinérante", stage=Stage.DETECTION, theme=Theme.FOOD)
    ProjectFactory(structure=structure, title="Garage solidaire", stage=Stage.OPPORTUNITY)


def settled(page) -> None:
    page.wait_for_function("!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')")


@pytest.mark.parametrize("which", LISTS)
def test_the_count_is_announced_by_the_same_live_region_after_a_filter_change(which, lists, live_server, signed_in):
    url, label, option = LISTS[which]
    page = signed_in("coordination@example.org")
    page.goto(live_server.url + url)
    region = page.locator(LIVE_REGION)
    expect(region).to_have_count(1)
    assert region.locator("table").count() == 0  # the live region says the count, not the whole table
    before = region.inner_text()
    page.evaluate(MARK)
    page.get_by_label(label, exact=True).select_option(label=option)
    expect(region).not_to_have_text(before)
    settled(page)
    assert page.evaluate(MARKED) == "avant le filtre"  # the same element: assistive technologies announce it
    assert region.locator("table").count() == 0


@pytest.mark.parametrize("which", LISTS)
def test_arrowing_through_a_filter_select_adds_at_most_one_history_entry(which, lists, live_server, signed_in):
    url, label, _option = LISTS[which]
    page = signed_in("coordination@example.org")
    page.goto(live_server.url + url)
    entries = page.evaluate("history.length")
    select = page.get_by_label(label, exact=True)
    select.focus()
    for _press in range(3):
        select.press("ArrowDown")
        page.wait_for_timeout(700)  # slower than the filter's delay: each option is read before the next
    settled(page)
    assert select.evaluate("element => element.selectedIndex") == 3  # the arrows did change the filter
    assert page.evaluate("history.length") <= entries + 1


@pytest.mark.parametrize("which", LISTS)
def test_the_clear_filters_link_follows_an_htmx_filter_change(which, lists, live_server, signed_in):
    url, label, option = LISTS[which]
    page = signed_in("coordination@example.org")
    page.goto(live_server.url + url)
    clear = page.get_by_role("link", name="Effacer les filtres")
    expect(clear).to_have_count(0)
    page.get_by_label(label, exact=True).select_option(label=option)
    expect(clear).to_be_visible()
    page.get_by_label(label, exact=True).select_option(index=0)
    expect(clear).to_have_count(0)
