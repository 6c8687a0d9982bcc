import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.network.enums import PartnerKind, StructureStatus
from fabrique.network.models import Structure
from tests import factories
from tests.conftest import ROLES
from tests.factories import CollectiveFactory, PartnershipFactory

URL = "/structures/tag-test/"
PRIVILEGED = {"coordinator", "member"}


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_everyone_reads_the_page_of_a_structure_in_the_network(persona, client_for):
    name, user = persona
    response = client_for(user).get(URL)
    assert response.status_code == 200
    assert "<h1>TAg Test</h1>" in response.content.decode()


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_a_candidate_is_shown_only_to_the_coordinator_and_its_members(persona, client_for):
    name, user = persona
    Structure.objects.filter(slug="tag-test").update(status=StructureStatus.CANDIDATE)
    expected = 200 if name in PRIVILEGED else 404
    assert client_for(user).get(URL).status_code == expected


def test_an_unknown_structure_is_not_found(client, db):
    assert client.get("/structures/nexiste-pas/").status_code == 404


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_edit_links_and_status_log_appear_only_for_those_allowed(persona, client_for):
    name, user = persona
    html = client_for(user).get(URL).content.decode()
    allowed = name in PRIVILEGED
    assert ('href="/structures/tag-test/modifier/"' in html) is allowed
    assert ('href="/structures/tag-test/partenaires/"' in html) is allowed
    assert ('href="/structures/tag-test/historique/"' in html) is allowed
    assert ("Journal des statuts" in html) is allowed
    assert ('href="/coordination/structures/tag-test/"' in html) is (name == "coordinator")


def test_page_shows_territory_status_dates_collectives_and_sanitised_description(client, structure):
    Structure.objects.filter(pk=structure.pk).update(
        area_label="Pays de Cornouaille",
        description="Une **Fabrique** bretonne.<script>alert('x')</script>",
        status=StructureStatus.LABELLED,
        labelled_on=datetime.date(2025, 6, 1),
    )
    CollectiveFactory(name="Le Générateur breton").structures.add(structure)
    html = client.get(URL).content.decode()
    assert "Pays de Cornouaille" in html and "Finistère (29)" in html and "Bretagne" in html
    assert "<strong>Fabrique</strong>" in html and "alert(" not in html
    assert "15 janvier 2023" in html and "1 juin 2025" in html
    assert "Le Générateur breton" in html


def test_partners_are_grouped_by_kind_with_the_count_of_distinct_kinds(client, member, client_for, structure):
    kinds = [PartnerKind.LOCAL_AUTHORITY, PartnerKind.STATE, PartnerKind.FUNDER, PartnerKind.ESS_NETWORK]
    for kind in [*kinds, PartnerKind.COMPANY, PartnerKind.LOCAL_AUTHORITY]:
        PartnershipFactory(structure=structure, partner__kind=kind)
    PartnershipFactory(
        structure=structure,
        partner__name="Ancienne association",
        partner__kind=PartnerKind.ASSOCIATION,
        until=datetime.date(2024, 1, 31),
    )
    public = client.get(URL).content.decode()
    assert "Diversité des partenaires : 5 types sur 7" in public
    assert "Collectivité territoriale" in public and "Réseau de l&#x27;ESS" in public
    assert "Ancienne association" not in public  # ended partnerships: for members only
    private = client_for(member).get(URL).content.decode()
    assert "Partenariats terminés" in private and "Ancienne association" in private


def test_private_testimonials_are_shown_only_to_members(client, client_for, member, structure):
    factories.TestimonialFactory(structure=structure, quote="Citation publique", person="Marie")
    factories.TestimonialFactory(structure=structure, quote="Citation interne", person="Paul", is_public=False)
    public = client.get(URL).content.decode()
    assert "Citation publique" in public and "Citation interne" not in public
    assert "Citation interne" in client_for(member).get(URL).content.decode()


def _queries(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_structure_page_costs_the_same_number_of_queries_for_3_and_30_partners(persona, client_for, structure):
    name, user = persona
    client = client_for(user)
    kinds = list(PartnerKind)

    def add(count, start):
        for i in range(start, start + count):
            until = datetime.date(2024, 1, 1) if i % 5 == 0 else None
            PartnershipFactory(structure=structure, partner__kind=kinds[i % len(kinds)], until=until)
            factories.TestimonialFactory(structure=structure)

    add(3, 0)
    client.get(URL)
    with_3 = _queries(client)
    add(27, 3)
    assert _queries(client) == with_3
