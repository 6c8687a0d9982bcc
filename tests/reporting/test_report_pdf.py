"""The annual report: a PDF whose text has the structure's name and its figures; page 1 as an image."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from tests import factories
from tests.conftest import ROLES

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def has_figure(text: str, value: str, label: str) -> bool:
    """A key figure is a value above its label: the extractor may glue them."""
    return re.search(rf"(?<![\d,]){re.escape(value)}\s*{re.escape(label)}", text) is not None


def test_the_structure_report_has_its_name_and_figures_in_its_text(network, tmp_path):
    factories.TestimonialFactory(
        structure=network.a, quote="Nous avons trouvé des partenaires.", person="Marie Le Bihan"
    )
    output = tmp_path / "rapport.pdf"
    call_command("report", "--year", "2025", "--structure", "tag-test", "-o", str(output), verbosity=0)
    content = output.read_bytes()
    assert content.startswith(b"%PDF")
    text = " ".join(text_of(content).split())
    assert "TAg Test" in text
    assert "Rapport annuel 2025" in text
    assert has_figure(text, "2", "besoins et idées détectés")
    assert has_figure(text, "3", "études d'opportunité lancées")
    assert has_figure(text, "65", "participant·es aux séances")
    assert has_figure(text, "2,5", "emplois créés (ETP)")
    assert "Garage solidaire" in text and "2,5" in text
    assert "Marie Le Bihan" in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        subprocess.run(  # noqa: S603 - fixed arguments
            [
                pdftoppm,
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(output),
                str(SCREENSHOTS / "report"),
            ],
            check=True,
        )
        assert (SCREENSHOTS / "report.png").stat().st_size > 10_000


def test_the_network_report_has_the_network_figures(network, tmp_path, settings):
    output = tmp_path / "reseau.pdf"
    call_command("report", "--year", "2025", "-o", str(output), verbosity=0)
    text = " ".join(text_of(output.read_bytes()).split())
    assert settings.NETWORK_NAME in text
    assert has_figure(text, "3", "besoins et idées détectés") and has_figure(text, "1", "activités créées")
    assert "Transport a la demande" not in text  # not created: counted, never listed


def test_the_report_command_refuses_an_unknown_structure(db, tmp_path):
    with pytest.raises(CommandError, match="Structure inconnue"):
        call_command("report", "--year", "2025", "--structure", "nulle-part", "-o", str(tmp_path / "x.pdf"))


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_structure_report_is_downloaded_by_its_members_and_the_coordinator(network, persona, client_for):
    name, user = persona
    response = client_for(user).get("/indicateurs/rapport.pdf?annee=2025&structure=tag-test")
    expected = {"coordinator": 200, "member": 200, "other_member": 403, "anonymous": 302}[name]
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"
        assert "TAg Test" in text_of(response.content)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_network_report_is_for_the_coordinator(network, persona, client_for):
    name, user = persona
    response = client_for(user).get("/indicateurs/rapport.pdf?annee=2025")
    assert response.status_code == {"coordinator": 200, "member": 403, "other_member": 403, "anonymous": 302}[name]


def test_the_report_is_a_tagged_pdf_in_french_with_a_title(network, tmp_path):
    """RGAA 13.3: the PDF offered on the dashboard is accessible (PDF/UA-1: tagged structure, language, title)."""
    output = tmp_path / "rapport.pdf"
    call_command("report", "--year", "2025", "--structure", "tag-test", "-o", str(output), verbosity=0)
    catalog = PdfReader(io.BytesIO(output.read_bytes())).trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    tags = catalog["/StructTreeRoot"].get_object()
    assert tags["/K"], "the structure tree is empty"
    assert str(catalog["/Lang"]) == "fr"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "Rapport annuel" in str(PdfReader(io.BytesIO(output.read_bytes())).metadata.title)
