"""The accessibility declaration at /accessibilite/: public, its rate computed from the grid, linked in the footer."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from fabrique.core import accessibility
from fabrique.core.accessibility import Status, percent, platform_audit, read_audit
from tests.core.test_settings import start_django

pytestmark = pytest.mark.django_db

RATE = re.compile(r'<strong class="fab-rate">([\d,]+)\xa0%</strong>')
SMALL_GRID = (
    "criterion,theme,title,home,form,note\n"
    "1.1,Images,Alternative,C,C,\n"
    "1.2,Images,Décoration,C,NA,\n"
    '3.1,Couleurs,Couleur,NA,NC,"Formulaire : les erreurs ne sont signalées qu\'en rouge."\n'
)
SMALL_AUDIT = (
    'date = 2026-11-30\nauditor = "une auditrice"\nreference = "4.1.2"\ntechnologies = ["HTML5"]\n'
    'tools = ["axe-core"]\nenvironment = ["Chromium"]\nexempt = []\nderogations = []\n'
    '[[pages]]\nslug = "home"\ntitle = "Accueil"\npath = "/"\npersona = "anonyme"\n'
    '[[pages]]\nslug = "form"\ntitle = "Formulaire"\npath = "/f/"\npersona = "membre"\n'
)


def shown_rate(html: str) -> str:
    return RATE.search(html).group(1)


def french(value) -> str:
    """98.4 → « 98,4 », 100 → « 100 »."""
    text = f"{value:f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text).replace(".", ",")


def test_the_french_figure_of_the_test_keeps_the_zeros_of_whole_numbers():
    assert [french(Decimal(v)) for v in ("100", "98.4", "50.0")] == ["100", "98,4", "50"]


def test_the_declaration_is_public_at_its_french_address(client):
    assert reverse("accessibility") == "/accessibilite/"
    response = client.get("/accessibilite/")
    assert response.status_code == 200
    assert response.templates[0].name == "core/accessibility.html"


def test_the_rate_shown_is_the_one_computed_from_the_shipped_grid(client):
    audit = platform_audit()
    html = client.get("/accessibilite/").content.decode()
    assert shown_rate(html) == french(percent(audit.rate))
    assert f"<strong>{audit.state.label}</strong>" in html
    for status, words in ((Status.CONFORMING, "conforme"), (Status.NON_CONFORMING, "non conforme")):
        count = len(audit.with_status(status))
        assert f"{count} critère {words}" in html if count == 1 else f"{count} critères {words}s" in html


def test_the_page_follows_the_grid_it_reads_not_a_number_written_by_hand(client, tmp_path, monkeypatch):
    (tmp_path / "audit.toml").write_text(SMALL_AUDIT, encoding="utf-8")
    (tmp_path / "grille.csv").write_text(SMALL_GRID, encoding="utf-8")
    monkeypatch.setattr(accessibility, "GRID_DIR", tmp_path)
    platform_audit.cache_clear()
    try:
        assert read_audit(tmp_path).rate * 3 == 2
        html = client.get("/accessibilite/").content.decode()
    finally:
        platform_audit.cache_clear()
    assert shown_rate(html) == "66,6"
    assert "<strong>partiellement conforme</strong>" in html
    assert "Critère 3.1 (Couleur)" in html and "les erreurs ne sont signalées qu&#x27;en rouge" in html
    assert "Pages concernées\xa0: Formulaire." in html
    assert "30 novembre 2026" in html and "une auditrice" in html


def test_the_declaration_has_the_sections_of_a_french_accessibility_statement(client):
    html = client.get("/accessibilite/").content.decode()
    headings = re.findall(r"<h2>([^<]+)</h2>", html)
    assert headings == [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d'information et contact",
        "Voies de recours",
    ]
    assert "Défenseur des droits" in html and "Libre réponse 71120" in html
    for page in platform_audit().pages:
        assert page.path in html


@override_settings(CONTACT_EMAIL="accessibilite@reseau.example.org", NETWORK_NAME="Réseau des Fabriques")
def test_the_contact_and_the_operator_come_from_the_settings(client):
    html = client.get("/accessibilite/").content.decode()
    assert '<a href="mailto:accessibilite@reseau.example.org">accessibilite@reseau.example.org</a>' in html
    assert "contacter l'équipe de Réseau des Fabriques" in html


@pytest.mark.parametrize("path", ["/", "/structures/", "/accessibilite/"])
def test_every_page_links_the_declaration_from_its_footer_with_the_computed_state(client, path):
    html = client.get(path).content.decode()
    footer = html[html.index("<footer") :]
    assert f'<a href="/accessibilite/">Accessibilité\xa0: {platform_audit().state.label}</a>' in footer


def test_a_contact_address_that_is_not_one_stops_the_start(tmp_path: Path):
    result = start_django(tmp_path, "", CONTACT_EMAIL="accessibilite chez nous")
    assert result.returncode != 0
    assert "CONTACT_EMAIL='accessibilite chez nous' n'est pas une adresse e-mail" in result.stderr


def test_a_grid_without_failure_reads_totally_conforming_at_100_percent(client, tmp_path, monkeypatch):
    (tmp_path / "audit.toml").write_text(SMALL_AUDIT, encoding="utf-8")
    (tmp_path / "grille.csv").write_text(SMALL_GRID.replace("NA,NC,", "NA,C,"), encoding="utf-8")
    monkeypatch.setattr(accessibility, "GRID_DIR", tmp_path)
    platform_audit.cache_clear()
    try:
        html = client.get("/accessibilite/").content.decode()
    finally:
        platform_audit.cache_clear()
    assert shown_rate(html) == "100"
    assert "<strong>totalement conforme</strong>" in html
    assert "Aucune non-conformité n'a été relevée." in html
    assert "Accessibilité\xa0: totalement conforme</a>" in html
