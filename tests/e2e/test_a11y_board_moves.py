"""After « Passer à … » on the board (htmx swaps the page's <main>), the keyboard user lands on the moved card's
message, in the card, inside the window: a success is a status, a refusal an alert. Without JavaScript the same
message is focused on the page the form leads back to (issue 17, RGAA 7.1, 7.5 and 12.8)."""

import pytest
from playwright.sync_api import expect

from fabrique.method.enums import Stage
from tests.factories import MembershipFactory, StructureFactory
from tests.method.factories import ProjectFactory

from .browser import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

MOVED = "Épicerie itinérante du Trégor"
REFUSED = "Garage solidaire du pays de Morlaix"
BOARD = "/methode/structures/fabrique-du-tregor/tableau/"
# the focused element, described in one call: which card holds it, its role and text, whether it is in the window
FOCUSED = """() => {
  const element = document.activeElement;
  const box = element.getBoundingClientRect();
  return {
    card: element.closest(".board-card")?.id ?? null,
    column: element.closest(".board-column")?.className ?? "",
    role: element.getAttribute("role"),
    text: element.textContent.trim(),
    inWindow: box.top >= 0 && box.bottom <= window.innerHeight,
  };
}"""


@pytest.fixture
def projects(territories):
    structure = StructureFactory(name="Fabrique du Trégor", slug="fabrique-du-tregor", departements=["29"])
    MembershipFactory(structure=structure, user__email="tregor@example.org")
    # a dozen cards ahead of them, so that the page scrolls at 375 px and a message at the top would be out of sight
    for n in range(12):
        ProjectFactory(structure=structure, title=f"Idée {n}", stage=Stage.DETECTION)
    moved = ProjectFactory(structure=structure, title=MOVED, stage=Stage.DETECTION)
    refused = ProjectFactory(structure=structure, title=REFUSED, stage=Stage.OPPORTUNITY)
    return moved, refused


@pytest.fixture
def small_window(signed_in):
    page = signed_in("tregor@example.org")
    page.set_viewport_size({"width": 375, "height": 600})
    return page


def focused_after(page, button: str, message: str) -> dict:
    """Click the board's button, wait for the swapped board to show `message` and for htmx to settle."""
    page.get_by_role("button", name=button).click()
    expect(page.locator("#contenu")).to_contain_text(message)
    page.wait_for_function("!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')")
    return page.evaluate(FOCUSED)


def test_after_a_move_the_focus_is_on_the_status_message_in_the_moved_card(projects, live_server, small_window):
    moved, _refused = projects
    page = small_window
    page.goto(live_server.url + BOARD)
    focused = focused_after(page, f"Passer à « étude d'opportunité » : {MOVED}", "est maintenant à l'étape")
    assert focused == {
        "card": f"carte-{moved.pk}",
        "column": "board-column stage-col-opportunity",
        "role": "status",
        "text": f"« {MOVED} » est maintenant à l'étape « étude d'opportunité ».",
        "inWindow": True,
    }
    assert page.locator("[role=status]:not(.visually-hidden)").count() == 1  # not also at the top of the page
    assert_accessible(page)


def test_after_a_refused_move_the_focus_is_on_the_alert_in_the_card(projects, live_server, small_window):
    _moved, refused = projects
    page = small_window
    page.goto(live_server.url + BOARD)
    focused = focused_after(page, f"Passer à « transmission à un porteur » : {REFUSED}", "n'a pas changé d'étape")
    assert focused["card"] == f"carte-{refused.pk}" and focused["role"] == "alert" and focused["inWindow"]
    assert focused["text"].startswith(f"« {REFUSED} » n'a pas changé d'étape : Pour passer à la transmission")
    assert page.title().startswith("Erreur\u00a0: ")
    assert_accessible(page)


def test_without_javascript_the_page_the_form_leads_to_focuses_the_message_in_the_card(projects, live_server, browser):
    from django.test import Client

    moved, _refused = projects
    client = Client()
    client.force_login(moved.structure.memberships.get().user)
    context = browser.new_context(locale="fr-FR", java_script_enabled=False, viewport={"width": 375, "height": 600})
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    try:
        page.goto(live_server.url + BOARD)
        page.get_by_role("button", name=f"Passer à « étude d'opportunité » : {MOVED}").click()
        message = page.locator(f"#carte-{moved.pk} [role=status]")
        expect(message).to_have_text(f"« {MOVED} » est maintenant à l'étape « étude d'opportunité ».")
        expect(message).to_be_focused()
        expect(message).to_be_in_viewport()
    finally:
        context.close()
