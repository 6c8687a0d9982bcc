import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api_errors import messages, names_field
from tests.conftest import ROLES
from tests.factories import CollectiveFactory, MembershipFactory, StructureFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/structures"


def slugs(response):
    return [item["slug"] for item in response.json()["results"]]


@pytest.fixture
def candidate(structure):
    """A candidate whose only member is the `member` persona's colleague, to test visibility."""
    return StructureFactory(name="Candidate du Jura", slug="candidate-jura", candidate=True, departements=["39"])


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_everyone_reads_public_structures_but_candidates_only_by_coordinator_and_members(
    persona, client_for, structure, other_structure, candidate
):
    name, user = persona
    if name == "member":
        MembershipFactory(user=user, structure=candidate)
    response = client_for(user).get(URL)
    assert response.status_code == 200
    expected = {"tag-test", "autre-fabrique"}
    if name in {"coordinator", "member"}:
        expected.add("candidate-jura")
    assert set(slugs(response)) == expected


def test_an_item_carries_the_registry_fields_in_glossary_code_names(client, structure):
    collective = CollectiveFactory(slug="le-generateur")
    collective.structures.add(structure)
    structure.area_label = "Pays de Morlaix"
    structure.save()
    item = client.get(URL).json()["results"][0]
    assert item["slug"] == "tag-test"
    assert item["status"] == "experimenting"
    assert item["status_label"] == "en expérimentation"
    assert item["departements"] == ["29"]
    assert item["area_label"] == "Pays de Morlaix"
    assert item["collectives"] == ["le-generateur"]
    assert item["joined_on"] == "2023-01-15"
    assert item["experimenting_since"] == "2023-01-15"
    assert item["labelled_on"] is None
    assert item["url"] == "http://testserver/structures/tag-test/"
    assert set(item) >= {"name", "city", "website", "abilities"}


@pytest.mark.parametrize(
    ("persona", "change", "change_status"),
    [("coordinator", True, True), ("member", True, False), ("other_member", False, False), ("anonymous", False, False)],
    indirect=["persona"],
)
def test_abilities_say_what_the_caller_may_do(persona, change, change_status, client_for, structure):
    _, user = persona
    item = next(i for i in client_for(user).get(URL).json()["results"] if i["slug"] == "tag-test")
    assert item["abilities"]["view"] is True
    assert item["abilities"]["change"] is change
    assert item["abilities"]["manage_partners"] is change
    assert item["abilities"]["change_status"] is change_status


def test_a_bearer_token_reads_as_its_user(bearer_client, member, structure, candidate):
    MembershipFactory(user=member, structure=candidate)
    response = bearer_client(member).get(URL)
    assert response.status_code == 200
    assert "candidate-jura" in slugs(response)
    item = next(i for i in response.json()["results"] if i["slug"] == "tag-test")
    assert item["abilities"]["change"] is True


def test_filter_by_status(client, structure):
    StructureFactory(slug="labellisee", labelled=True)
    assert slugs(client.get(URL, {"status": "labelled"})) == ["labellisee"]
    assert slugs(client.get(URL, {"status": "experimenting"})) == ["tag-test"]


def test_filter_by_region_and_departement_with_insee_codes(client, structure, other_structure):
    StructureFactory(slug="franche-comte", departements=["25", "39", "70", "90"])
    assert set(slugs(client.get(URL, {"region": "27"}))) == {"autre-fabrique", "franche-comte"}
    assert slugs(client.get(URL, {"region": "53"})) == ["tag-test"]
    assert slugs(client.get(URL, {"departement": "39"})) == ["franche-comte"]
    assert slugs(client.get(URL, {"departement": "2A"})) == []


def test_a_corsican_departement_code_is_read_without_case(client):
    StructureFactory(slug="corse", departements=["2A"])
    assert slugs(client.get(URL, {"departement": "2a"})) == ["corse"]


def test_search_by_name_or_city_ignores_case(client, structure, other_structure):
    assert slugs(client.get(URL, {"q": "tag"})) == ["tag-test"]
    StructureFactory(slug="brestoise", city="Brest")
    assert slugs(client.get(URL, {"q": "brest"})) == ["brestoise"]


def test_a_structure_in_several_departements_of_a_region_is_listed_once(client):
    StructureFactory(slug="franche-comte", departements=["25", "39"])
    response = client.get(URL, {"region": "27"})
    assert slugs(response) == ["franche-comte"]
    assert response.json()["count"] == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "active"}, "status"),
        ({"region": "99"}, "region"),
        ({"departement": "20"}, "departement"),
        ({"departement": "toolongvalue"}, "departement"),
    ],
)
def test_an_unknown_filter_value_is_a_422_naming_the_parameter(client, params, field):
    response = client.get(URL, params)
    assert response.status_code == 422
    assert names_field(response, field)
    assert response.json()["detail"][0]["loc"] == ["query", field]


def test_unknown_status_lists_the_accepted_values_in_french(client):
    response = client.get(URL, {"status": "active"})
    assert "valeurs possibles" in messages(response)
    assert "labelled" in messages(response)


def test_pages_have_50_items_by_default_and_say_where_the_next_one_is(client):
    StructureFactory.create_batch(55)
    body = client.get(URL).json()
    assert (body["count"], body["page"], body["page_size"], len(body["results"])) == (55, 1, 50, 50)
    assert body["next"] == "http://testserver/api/v1/structures?page=2"
    assert body["previous"] is None
    second = client.get(URL, {"page": 2}).json()
    assert len(second["results"]) == 5
    assert second["next"] is None
    assert set(slugs_of(body)).isdisjoint(slugs_of(second))


def slugs_of(body):
    return [item["slug"] for item in body["results"]]


def test_next_page_keeps_the_filters(client):
    StructureFactory.create_batch(3, labelled=True)
    body = client.get(URL, {"status": "labelled", "page_size": 2}).json()
    assert body["next"] == "http://testserver/api/v1/structures?status=labelled&page_size=2&page=2"


def test_page_size_up_to_200_is_accepted(client):
    StructureFactory.create_batch(3)
    response = client.get(URL, {"page_size": 200})
    assert response.status_code == 200
    assert response.json()["page_size"] == 200


@pytest.mark.parametrize(("params", "field"), [({"page_size": 201}, "page_size"), ({"page_size": 0}, "page_size")])
def test_a_page_size_out_of_bounds_is_a_422_in_french(client, params, field):
    response = client.get(URL, params)
    assert response.status_code == 422
    assert names_field(response, field)
    assert "200" in messages(response) or "1" in messages(response)
    assert "Doit être" in messages(response)


@pytest.mark.parametrize("page", ["0", "-1", "deux"])
def test_an_invalid_page_number_is_a_422(client, page):
    response = client.get(URL, {"page": page})
    assert response.status_code == 422
    assert names_field(response, "page")


def test_a_page_past_the_end_is_empty_not_an_error(client, structure):
    body = client.get(URL, {"page": 9}).json()
    assert body["results"] == [] and body["count"] == 1


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


def make_structures(n):
    collective = CollectiveFactory()
    for structure in StructureFactory.create_batch(n, departements=["29", "22"]):
        collective.structures.add(structure)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_list_costs_the_same_queries_for_3_and_30_structures(persona, client_for):
    _, user = persona
    client = client_for(user)
    make_structures(3)
    client.get(URL)  # warm the session and the roles
    few = count_queries(client, URL, {"region": "53"})
    make_structures(27)
    many = count_queries(client, URL, {"region": "53"})
    assert few == many


def test_the_list_through_a_token_costs_the_same_queries_for_3_and_30_structures(bearer_client, member):
    client = bearer_client(member)
    make_structures(3)
    client.get(URL)  # the token's first use is recorded (a write at most once a minute)
    few = count_queries(client, URL)
    make_structures(27)
    assert count_queries(client, URL) == few
