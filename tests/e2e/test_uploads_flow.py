"""A member publishes a resource with its file in the library; an executable renamed as a PDF is refused beside the
field with a French message, and nothing is created."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from fabrique.library.models import Resource, ResourceFile
from tests.factories import MembershipFactory, StructureFactory
from tests.library.files import EXECUTABLE, PDF

from .browser import assert_accessible, flash

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Guide du garage solidaire"


@pytest.fixture
def member(territories):
    structure = StructureFactory(name="Fabrique du Trégor", slug="fabrique-du-tregor", departements=["22"])
    return MembershipFactory(structure=structure, user__email="tregor@example.org").user


def fill_resource(page, filename: str, content: bytes) -> None:
    page.get_by_label(re.compile("^Titre")).fill(TITLE)
    page.get_by_label(re.compile("^Type")).select_option(label="guide")
    page.get_by_label(re.compile("^Résumé")).fill("Monter un garage solidaire en douze étapes.")
    page.get_by_label(re.compile("^Fichier")).set_input_files(
        {"name": filename, "mimeType": "application/pdf", "buffer": content}
    )


def test_a_member_is_refused_a_renamed_executable_then_publishes_a_resource_with_its_file(
    member, live_server, signed_in, settings
):
    page = signed_in("tregor@example.org")
    page.goto(f"{live_server.url}/bibliotheque/nouvelle/")
    assert_accessible(page)

    # An executable named like a PDF: refused from its content, the form shown again, nothing written.
    fill_resource(page, "guide.pdf", EXECUTABLE)
    page.get_by_role("button", name="Publier").click()
    refusal = "Le contenu du fichier « guide.pdf » n'est pas d'un type accepté"
    expect(page.get_by_role("alert")).to_contain_text(refusal)
    expect(page.get_by_text("quelle que soit son extension").first).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publier une ressource")
    assert_accessible(page)
    assert not Resource.objects.exists() and not ResourceFile.objects.exists()
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]

    # The real PDF goes through: the resource is published with its file.
    page.get_by_label(re.compile("^Fichier")).set_input_files(
        {"name": "guide.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Publier").click()
    expect(flash(page)).to_contain_text("La ressource est publiée.")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    download = page.get_by_role("link", name="Télécharger guide.pdf")
    expect(download).to_be_visible()
    assert_accessible(page)
    response = page.request.get(live_server.url + download.get_attribute("href"))
    assert response.status == 200 and response.body() == PDF

    resource = Resource.objects.get()
    assert (resource.title, resource.files.count(), resource.author_structure.slug) == (TITLE, 1, "fabrique-du-tregor")
