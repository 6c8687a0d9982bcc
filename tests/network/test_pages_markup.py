"""Every registry page renders without inline script, style or event handler (a strict CSP is coming)."""

import pytest

from tests import factories
from tests.factories import CollectiveFactory, PartnershipFactory, StructureFactory
from tests.network.helpers import inline_code_in


@pytest.fixture
def pages(structure, member, coordinator):
    partnership = PartnershipFactory(structure=structure)
    PartnershipFactory(structure=structure, until="2024-01-01")
    factories.TestimonialFactory(structure=structure)
    CollectiveFactory(slug="generateur").structures.add(structure)
    StructureFactory(candidate=True, slug="candidate")
    return [
        "/structures/",
        "/structures/?q=tag&departement=29",
        "/structures/tag-test/",
        "/structures/tag-test/modifier/",
        "/structures/tag-test/historique/",
        "/structures/tag-test/partenaires/",
        "/structures/tag-test/partenaires/ajouter/?q=Partenaire",
        f"/structures/tag-test/partenaires/{partnership.pk}/modifier/",
        "/coordination/",
        "/coordination/structures/nouvelle/",
        "/coordination/structures/candidate/",
        "/coordination/collectifs/nouveau/",
        "/collectifs/",
        "/collectifs/generateur/",
        "/collectifs/generateur/modifier/",
    ]


def test_registry_pages_have_no_inline_script_style_or_event_handler(pages, client_for, coordinator):
    client = client_for(coordinator)
    assert len(pages) == 15
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert inline_code_in(response.content.decode()) == [], url


def test_forms_with_errors_have_no_inline_code_either(client_for, coordinator, structure):
    response = client_for(coordinator).post("/structures/tag-test/modifier/", {"public_email": "x", "version": 1})
    html = response.content.decode()
    assert "errorlist" in html and inline_code_in(html) == []


def test_every_registry_page_has_one_h1_and_labels_for_its_fields(pages, client_for, coordinator):
    client = client_for(coordinator)
    assert len(pages) == 15
    for url in pages:
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        for chunk in html.split("<input")[1:]:
            tag = chunk.split(">")[0]
            if 'type="hidden"' in tag or 'id="' not in tag:
                continue
            field_id = tag.split('id="')[1].split('"')[0]
            assert f'for="{field_id}"' in html, (url, field_id)
