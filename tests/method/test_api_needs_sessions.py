import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.method.models import CreativitySession, Need
from tests.conftest import ROLES
from tests.snapshots import assert_unchanged

from .factories import CreativitySessionFactory, NeedFactory

NEED = {
    "structure": "tag-test",
    "title": "Pas de transport le dimanche",
    "theme": "mobility",
    "departement": "29",
    "source": "elected",
    "brought_by_name": "Maire de Plouyé",
}


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("path", ["/api/v1/needs", "/api/v1/creativity-sessions"])
def test_needs_and_sessions_are_listed_for_the_structure_and_the_coordinator_only(
    persona, path, client_for, need, session
):
    role, user = persona
    response = client_for(user).get(path)
    if role == "anonymous":
        assert response.status_code == 401 and response.json()["detail"] == "Authentification requise."
        return
    results = response.json()["results"]
    assert response.status_code == 200
    assert len(results) == (0 if role == "other_member" else 1)
    if results:
        assert results[0]["abilities"] == {"view": True, "change": role == "member", **results[0]["abilities"]}


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_a_member_records_a_need_through_the_api(persona, client_for, structure):
    role, user = persona
    expected = {"coordinator": 403, "member": 201, "other_member": 403, "anonymous": 401}[role]
    with assert_unchanged(Need, unless=expected == 201):
        response = client_for(user).post("/api/v1/needs", NEED, content_type="application/json")
    assert response.status_code == expected
    assert Need.objects.count() == (1 if role == "member" else 0)


def test_a_recorded_need_answers_with_its_person_for_the_members(client_for, member, structure):
    body = client_for(member).post("/api/v1/needs", NEED, content_type="application/json").json()
    assert body["brought_by"]["name"] == "Maire de Plouyé" and body["status"] == "new"
    assert body["abilities"]["change"] is True and body["version"] == 1


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"theme": "astrologie"}, "theme", "Valeur non reconnue"),
        ({"departement": "99"}, "departement", "Département(s) inconnu(s) : 99"),
        ({"structure": "inconnue"}, "structure", "Structure inconnue"),
        ({"brought_by_contact": "06 00 00 00 00"}, "brought_by_contact", "consentement"),
        ({"colour": "bleu"}, "colour", "Champ inconnu"),
    ],
)
def test_bad_need_input_is_a_422_naming_the_field_and_saves_nothing(
    client_for, member, structure, change, field, message
):
    with assert_unchanged(Need):
        response = client_for(member).post("/api/v1/needs", {**NEED, **change}, content_type="application/json")
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(e["loc"][-1] == field and message in e["msg"] for e in errors), errors


def test_the_need_list_filters_by_theme_departement_year_and_status(client_for, coordinator, structure):
    NeedFactory(structure=structure, theme="food")
    NeedFactory(structure=structure, theme="mobility")
    client = client_for(coordinator)
    assert client.get("/api/v1/needs?theme=food&year=2024&status=new&departement=29").json()["count"] == 1
    assert client.get("/api/v1/needs?year=2023").json()["count"] == 0
    assert client.get("/api/v1/needs?departement=00").status_code == 422


def test_a_member_records_a_session_with_its_partners(client_for, member, structure, partner):
    body = {
        "structure": "tag-test",
        "title": "Séance",
        "held_on": "2024-03-02",
        "place": "Brest",
        "departement": "29",
        "participants_count": 20,
        "partners": [partner.pk],
    }
    response = client_for(member).post("/api/v1/creativity-sessions", body, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["partners"] == [{"id": partner.pk, "name": partner.name}]


def test_a_session_with_a_partner_of_another_structure_is_refused(client_for, member, structure):
    from tests.factories import PartnerFactory

    stranger = PartnerFactory()
    body = {
        "structure": "tag-test",
        "title": "Séance",
        "held_on": "2024-03-02",
        "place": "Brest",
        "departement": "29",
        "participants_count": 20,
        "partners": [stranger.pk],
    }
    with assert_unchanged(CreativitySession):  # its partners too: the link table comes with it
        response = client_for(member).post("/api/v1/creativity-sessions", body, content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "partners"]


@pytest.mark.parametrize("path", ["/api/v1/needs", "/api/v1/creativity-sessions"])
def test_need_and_session_lists_cost_the_same_queries_for_3_and_30_rows(path, client_for, member, structure, partner):
    def add(count):
        for _ in range(count):
            session = CreativitySessionFactory(structure=structure)
            session.partners.add(partner)
            NeedFactory(structure=structure, session=session)

    client = client_for(member)

    def queries():
        client.get(path)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path + "?page_size=100").status_code == 200
        return len(ctx.captured_queries)

    add(3)
    few = queries()
    add(27)
    assert queries() == few
