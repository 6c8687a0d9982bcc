"""The header on one row at 1280 px for every persona (issue: it wrapped over three to five rows), its groups
opening from the keyboard and closing on Escape, and folded behind its button on a 375 px phone."""

import pytest
from playwright.sync_api import expect

from fabrique.network.enums import MembershipRole
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification
from tests.factories import PASSWORD, MembershipFactory, StructureFactory, UserFactory

from .a11y import horizontal_overflow, widest_elements
from .browser import account_menu, assert_accessible, login, open_menu

pytestmark = pytest.mark.django_db(transaction=True)

PERSONAS = ("anonymous", "staff", "admin", "coordinator")


@pytest.fixture
def people():
    structure = StructureFactory(name="Fabrique du Léon", departements=["29"])
    admin = MembershipFactory(structure=structure, role=MembershipRole.ADMIN).user
    staff = MembershipFactory(structure=structure, role=MembershipRole.STAFF).user
    coordinator = UserFactory(coordinator=True)
    MembershipFactory(structure=StructureFactory(name="Fabrique du Trégor"), user=admin, role=MembershipRole.ADMIN)
    for user in (admin, staff, coordinator):  # the badge widens the account menu: 12 unread
        for n in range(12):
            Notification.objects.create(
                recipient=user, kind=NotificationKind.PROJECT_MOVED, subject=f"Projet {n}", body="Il a avancé."
            )
    return {"admin": admin, "staff": staff, "coordinator": coordinator}


def header_rows(page) -> int:
    """How many rows the header's items take: items whose tops differ by less than half an item are one row."""
    tops = page.eval_on_selector_all(
        "header .navbar-brand, header .fab-menus > li, header .fab-nav-search",
        "items => items.map(item => { const box = item.getBoundingClientRect(); return [box.top, box.height]; })",
    )
    rows = []
    for top, height in sorted(tops):
        if not rows or top - rows[-1] > height / 2:
            rows.append(top)
    return len(rows)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_header_takes_one_row_at_1280_px(persona, people, live_server, page, screenshot):
    if persona == "anonymous":
        page.goto(live_server.url + "/structures/")
    else:
        login(page, live_server.url, people[persona].email, PASSWORD)
        expect(account_menu(page)).to_be_visible()
    assert header_rows(page) == 1
    assert horizontal_overflow(page) == 0, widest_elements(page)
    assert page.locator("header.site-header").bounding_box()["height"] < 80
    assert_accessible(page)
    screenshot(f"header-{persona}")


def test_a_group_opens_from_the_keyboard_and_closes_on_escape(people, live_server, page):
    login(page, live_server.url, people["coordinator"].email, PASSWORD)
    expect(account_menu(page)).to_be_visible()
    network = page.locator("header summary", has_text="Le réseau")
    network.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Structures", exact=True)).to_be_visible()
    assert_accessible(page)
    open_menu(page, "Vie du réseau")  # one group open at a time
    expect(page.get_by_role("link", name="Structures", exact=True)).to_be_hidden()
    expect(page.get_by_role("link", name="Bibliothèque", exact=True)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("link", name="Bibliothèque", exact=True)).to_be_hidden()
    account_menu(page).click()
    expect(page.get_by_role("link", name="Coordination", exact=True)).to_be_visible()
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()


def test_on_a_375_px_phone_the_groups_fold_behind_the_menu_button(people, live_server, page, screenshot):
    login(page, live_server.url, people["admin"].email, PASSWORD)
    expect(account_menu(page)).to_be_visible()
    page.set_viewport_size({"width": 375, "height": 800})
    expect(account_menu(page)).to_be_hidden()
    page.get_by_role("button", name="Ouvrir le menu").click()
    open_menu(page, "La méthode")
    expect(page.get_by_role("link", name="Suivi des projets")).to_be_visible()
    screenshot("header-375-open")
    assert horizontal_overflow(page) == 0, widest_elements(page)
    assert_accessible(page)
