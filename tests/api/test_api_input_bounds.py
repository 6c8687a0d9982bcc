"""Input the database cannot hold never reaches it: an integer beyond 64 bits (an error on SQLite), a NUL
character (refused by PostgreSQL). Each case answers a 4xx JSON naming the field or parameter, on both databases.
"""

import pytest

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import DecisionChoice, DecisionSubject
from tests.api_errors import messages, names_field
from tests.factories import PartnershipFactory
from tests.method.factories import ProjectFactory

pytestmark = pytest.mark.django_db

BEYOND_64_BITS = 2**64


@pytest.fixture
def project(structure):
    return ProjectFactory(structure=structure)


def _bodies(structure, project) -> dict:
    """Valid bodies but for one identifier list: before the bounded types, the lookup reached the database."""
    return {
        "partners": (
            "/api/v1/creativity-sessions",
            {
                "structure": structure.slug,
                "title": "Séance mobilité",
                "held_on": "2026-03-12",
                "place": "Morlaix",
                "departement": "29",
                "participants_count": 12,
                "partners": [BEYOND_64_BITS],
            },
        ),
        "needs": (
            "/api/v1/projects",
            {
                "structure": structure.slug,
                "title": "Garage solidaire",
                "theme": Theme.values[0],
                "departements": ["29"],
                "needs": [BEYOND_64_BITS],
            },
        ),
        "attendee_partners": (
            f"/api/v1/projects/{project.pk}/decisions",
            {
                "decided_on": "2026-03-12",
                "subject": DecisionSubject.values[0],
                "choice": DecisionChoice.values[0],
                "attendee_partners": [BEYOND_64_BITS],
            },
        ),
    }


@pytest.mark.parametrize("field", ["partners", "needs", "attendee_partners"])
def test_an_identifier_beyond_64_bits_in_a_list_is_a_422_naming_the_field(
    field, client_for, member, structure, project
):
    url, body = _bodies(structure, project)[field]
    response = client_for(member).post(url, body, content_type="application/json")
    assert response.status_code == 422, response.content
    assert names_field(response, field)
    assert "inférieur ou égal" in messages(response)


@pytest.mark.parametrize(
    "url, parameter",
    [
        (f"/api/v1/needs/{BEYOND_64_BITS}", "need_id"),
        (f"/api/v1/projects/{BEYOND_64_BITS}", "project_id"),
        (f"/api/v1/partnerships/{BEYOND_64_BITS}", "partnership_id"),
        (f"/api/v1/appellation/requests/{BEYOND_64_BITS}", "pk"),
    ],
)
def test_an_identifier_beyond_64_bits_in_the_path_is_a_422_naming_it(url, parameter, client_for, coordinator):
    response = client_for(coordinator).get(url)
    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["loc"] == ["path", parameter]


def test_a_page_number_far_beyond_any_list_is_a_422(client):
    response = client.get("/api/v1/structures", {"page": BEYOND_64_BITS})
    assert response.status_code == 422
    assert names_field(response, "page")


@pytest.mark.parametrize(
    "url, query, parameter",
    [
        ("/api/v1/structures", {"q": "Bre\x00st"}, "q"),
        ("/api/v1/partners", {"q": "\x00"}, "q"),
        ("/api/v1/search", {"q": "garage\x00"}, "q"),
        ("/api/v1/structures", {"inconnu": "\x00"}, "inconnu"),
    ],
)
def test_a_nul_character_in_the_query_string_is_a_400_naming_the_parameter(
    url, query, parameter, client_for, coordinator
):
    response = client_for(coordinator).get(url, query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert f"«\u00a0{parameter}\u00a0»" in response.json()["detail"]


@pytest.mark.parametrize(
    "url", ["/api/v1/structures/tag%00test", "/api/v1/events/a%00b/registrations", "/api/v1/nulle%00part"]
)
def test_a_nul_character_in_the_path_is_a_400(url, client_for, coordinator):
    response = client_for(coordinator).get(url)
    assert response.status_code == 400
    assert "caractère nul" in response.json()["detail"]


def test_a_nul_character_in_a_json_string_is_a_422_naming_the_field_and_saves_nothing(client_for, member, structure):
    response = client_for(member).patch(
        "/api/v1/structures/tag-test", {"version": 1, "city": "Bre\x00st"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "city"],
            "msg": "Caractère interdit\u00a0: caractère nul (U+0000).",
            "type": "string_pattern_mismatch",
        }
    ]
    structure.refresh_from_db()
    assert structure.city != "Bre\x00st"


@pytest.mark.parametrize(
    "url, body, field",
    [
        ("/api/v1/creativity-sessions", {"title": "a\x00"}, "title"),
        ("/api/v1/needs", {"structure": "tag\x00test"}, "structure"),
        ("/api/v1/structures/tag-test/partnerships", {"partner": {"name": "x\x00", "kind": "funder"}}, "name"),
        ("/api/v1/accounts/invitations", {"email": "a\x00@example.org"}, "email"),
    ],
)
def test_a_nul_character_anywhere_in_a_body_is_named(url, body, field, client_for, member):
    response = client_for(member).post(url, body, content_type="application/json")
    assert response.status_code == 422
    assert names_field(response, field)


@pytest.mark.parametrize("resource", ["partnerships", "partners"])
def test_a_version_whose_successor_overflows_the_column_is_a_422(resource, client_for, member, structure):
    """The save writes version + 1: 2**31 - 1 passed the bound and PostgreSQL's integer column overflowed (500)."""
    partnership = PartnershipFactory(structure=structure)
    pk = partnership.pk if resource == "partnerships" else partnership.partner_id
    response = client_for(member).patch(
        f"/api/v1/{resource}/{pk}", {"version": 2**31 - 1}, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert names_field(response, "version")
