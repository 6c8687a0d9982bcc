import pytest

from tests.api_errors import names_field

pytestmark = pytest.mark.django_db


def test_the_101_departements_come_in_one_page_with_their_region(client):
    body = client.get("/api/v1/territories/departements").json()
    assert body["count"] == 101 and len(body["results"]) == 101
    by_code = {d["code"]: d for d in body["results"]}
    assert by_code["29"] == {"code": "29", "name": "Finistère", "region": {"code": "53", "name": "Bretagne"}}
    assert {"2A", "2B", "971", "976"} <= set(by_code)


def test_departements_can_be_filtered_by_region(client):
    body = client.get("/api/v1/territories/departements", {"region": "27"}).json()
    assert sorted(d["code"] for d in body["results"]) == ["21", "25", "39", "58", "70", "71", "89", "90"]


def test_an_unknown_region_is_a_422_naming_region(client):
    response = client.get("/api/v1/territories/departements", {"region": "00"})
    assert response.status_code == 422
    assert names_field(response, "region")


def test_the_18_regions_list_their_departements(client):
    body = client.get("/api/v1/territories/regions").json()
    assert body["count"] == 18
    bretagne = next(r for r in body["results"] if r["code"] == "53")
    assert bretagne == {"code": "53", "name": "Bretagne", "departements": ["22", "29", "35", "56"]}


@pytest.mark.parametrize("url", ["/api/v1/territories/departements", "/api/v1/territories/regions"])
def test_reference_lists_refuse_a_page_size_over_200(client, url):
    response = client.get(url, {"page_size": 201})
    assert response.status_code == 422
    assert names_field(response, "page_size")
