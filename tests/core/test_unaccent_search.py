"""Name searches of the directory, the structures API and the partners are blind to case and accents."""

import pytest

from fabrique.network.models import Structure
from tests.factories import PartnerFactory, StructureFactory


@pytest.fixture
def structures(db):
    StructureFactory(name="France Active Franche-Comté", slug="fafc", city="Besançon")
    StructureFactory(name="Œuvre Épicerie 100% solidaire", slug="oeuvre", city="Évry")
    StructureFactory(name="TAg29", slug="tag29-test", city="Quimper")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("comte", ["fafc"]),
        ("COMTÉ", ["fafc"]),
        ("besancon", ["fafc"]),
        ("oeuvre epicerie", ["oeuvre"]),
        ("evry", ["oeuvre"]),
        ("100%", ["oeuvre"]),
        ("0% s", ["oeuvre"]),
        ("%", ["oeuvre"]),  # a literal percent sign, not "anything"
        ("_", []),
        ("tag2", ["tag29-test"]),
    ],
)
def test_a_typed_name_finds_its_structure_whatever_the_accents(structures, typed, expected):
    found = Structure.objects.filter(name__unaccent_icontains=typed) | Structure.objects.filter(
        city__unaccent_icontains=typed
    )
    assert sorted(found.values_list("slug", flat=True)) == expected


def test_the_directory_and_the_api_search_without_accents(structures, client):
    page = client.get("/structures/?q=comte").content.decode()
    assert "France Active Franche-Comté" in page and "TAg29" not in page
    body = client.get("/api/v1/structures?q=comte").json()
    assert [item["slug"] for item in body["results"]] == ["fafc"]


def test_partners_found_without_accents(db):
    from fabrique.network.models import Partner

    PartnerFactory(name="Région Île-de-France")
    PartnerFactory(name="Commune de Brest")
    assert list(Partner.objects.filter(name__unaccent_icontains="ile-de").values_list("name", flat=True)) == [
        "Région Île-de-France"
    ]
