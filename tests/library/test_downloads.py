"""Files are served through a view that checks the reader's rights; replaced files stay available."""

import pytest

from fabrique.library import services
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES

from . import files
from .factories import ResourceFactory

EXPECTED = {
    # visibility: coordinator, member of the author structure, member of another structure, anonymous
    Visibility.PUBLIC: {"coordinator": 200, "member": 200, "other_member": 200, "anonymous": 200},
    Visibility.NETWORK: {"coordinator": 200, "member": 200, "other_member": 200, "anonymous": 302},
    Visibility.STRUCTURE: {"coordinator": 200, "member": 404, "other_member": 404, "anonymous": 302},
}


@pytest.fixture
def resource_with_file(structure, member):
    def make(visibility):
        resource = ResourceFactory(author_structure=structure, visibility=visibility)
        stored = services.add_file(resource, member, files.upload("guide.pdf", files.PDF))
        return resource, stored

    return make


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("visibility", list(EXPECTED))
def test_a_file_is_downloadable_only_by_those_who_may_read_the_resource(
    persona, visibility, resource_with_file, client_for, structure
):
    name, user = persona
    resource, stored = resource_with_file(visibility)
    expected = EXPECTED[visibility][name]
    if visibility == Visibility.STRUCTURE and name == "member":
        expected = 200  # the author structure's own member
    response = client_for(user).get(f"/bibliotheque/{resource.slug}/fichiers/{stored.pk}/")
    assert response.status_code == expected
    if expected == 200:
        assert b"".join(response.streaming_content) == files.PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
    elif expected == 302:
        assert response["Location"].startswith("/comptes/")


def test_a_partner_user_outside_the_network_cannot_download_a_network_file(resource_with_file, client_for):
    from tests.factories import UserFactory

    resource, stored = resource_with_file(Visibility.NETWORK)
    response = client_for(UserFactory()).get(f"/bibliotheque/{resource.slug}/fichiers/{stored.pk}/")
    assert response.status_code == 404


def test_a_file_of_another_resource_is_not_served_under_this_one(resource_with_file, client_for, coordinator):
    first, stored = resource_with_file(Visibility.PUBLIC)
    second, _ = resource_with_file(Visibility.PUBLIC)
    response = client_for(coordinator).get(f"/bibliotheque/{second.slug}/fichiers/{stored.pk}/")
    assert response.status_code == 404


def test_an_office_document_is_downloaded_as_an_attachment(structure, member, client_for):
    resource = ResourceFactory(author_structure=structure, visibility=Visibility.PUBLIC)
    stored = services.add_file(resource, member, files.upload("tableau.xlsx", files.XLSX))
    response = client_for(None).get(f"/bibliotheque/{resource.slug}/fichiers/{stored.pk}/")
    assert b"".join(response.streaming_content) == files.XLSX  # consuming the stream closes the file
    assert response["Content-Disposition"].startswith('attachment; filename="tableau.xlsx"')


def test_replacing_the_file_keeps_the_earlier_versions_downloadable(structure, member, client_for):
    resource = ResourceFactory(author_structure=structure, visibility=Visibility.NETWORK)
    first = services.add_file(resource, member, files.upload("guide.pdf", files.PDF))
    second = services.add_file(resource, member, files.upload("guide.odt", files.ODT), note="Mise à jour 2025")
    assert (first.number, second.number) == (1, 2)
    client = client_for(member)
    page = client.get(f"/bibliotheque/{resource.slug}/").content.decode()
    assert "Télécharger guide.odt" in page
    assert "Versions précédentes du fichier" in page and "guide.pdf" in page
    old = client.get(f"/bibliotheque/{resource.slug}/fichiers/{first.pk}/")
    assert b"".join(old.streaming_content) == files.PDF
    assert resource.history.first().history_user == member


def test_a_member_of_another_structure_cannot_add_a_file_version(structure, other_member):
    from django.core.exceptions import PermissionDenied

    resource = ResourceFactory(author_structure=structure, visibility=Visibility.NETWORK)
    with pytest.raises(PermissionDenied, match="Vous ne pouvez pas déposer de fichier pour cette ressource"):
        services.add_file(resource, other_member, files.upload("guide.pdf", files.PDF))
    assert not resource.files.exists()
