"""The coordinator opens the network dashboard, filters by year and région, downloads the indicators XLSX."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from .browser import assert_accessible, login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_network(settings):
    from fabrique.demo import seed

    settings.DEMO_MODE = True
    seed.load_all()


def test_the_coordinator_filters_the_network_dashboard_and_downloads_the_xlsx(
    demo_network, live_server, page, screenshot
):
    from fabrique.core.demo_support import COORDINATOR_EMAIL, DEMO_PASSWORD

    page.goto(live_server.url + "/indicateurs/")
    assert_accessible(page)
    login(page, live_server.url, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(live_server.url + "/indicateurs/reseau/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Tableau de bord du réseau")
    assert_accessible(page)

    page.get_by_label("Année", exact=True).select_option("2023")
    page.get_by_label("Région", exact=True).select_option(label="Bourgogne-Franche-Comté")
    page.get_by_role("button", name="Afficher").click()
    page.wait_for_url("**/indicateurs/reseau/?annee=2023&region=27")
    assert "2023" in page.get_by_role("heading", level=1).inner_text()
    expect(page.get_by_text("Périmètre : Bourgogne-Franche-Comté. Année 2023.")).to_be_visible()
    assert page.locator("svg[role=img]").count() >= 10
    assert_accessible(page)
    screenshot("network-dashboard")

    with page.expect_download() as info:
        page.get_by_role("link", name="Télécharger les indicateurs (XLSX)").click()
    download = info.value
    name = download.suggested_filename
    assert name.startswith("fabrique-indicateurs-2023-") and name.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Année", "Périmètre", "Code", "Indicateur")
    assert {(row[0], row[1]) for row in rows[1:]} == {(2023, "Bourgogne-Franche-Comté")}
    assert "needs_total" in {row[2] for row in rows[1:]}
