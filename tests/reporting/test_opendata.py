import csv
import io
import json
from urllib.parse import urlparse

import pytest

from tests.factories import StructureFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_the_open_data_page_lists_every_dataset_with_its_licence(db, client):
    html = client.get("/indicateurs/donnees-ouvertes/").content.decode()
    assert "Licence Ouverte 2.0" in html
    for name in ("structures", "activites-creees", "indicateurs"):
        assert f"/indicateurs/donnees-ouvertes/{name}.csv" in html
        assert f"/indicateurs/donnees-ouvertes/{name}.json" in html


def test_the_datapackage_describes_each_csv_with_a_table_schema(db, client):
    package = client.get("/indicateurs/donnees-ouvertes/datapackage.json").json()
    assert package["licenses"][0]["title"] == "Licence Ouverte 2.0"
    names = [r["name"] for r in package["resources"]]
    assert names == ["structures", "activites-creees", "indicateurs"]
    for resource in package["resources"]:
        header = next(csv.reader(io.StringIO(client.get(urlparse(resource["path"]).path).content.decode())))
        assert header == [f["name"] for f in resource["schema"]["fields"]]


def test_public_activities_only_and_no_personal_data(network, client):
    content = client.get("/indicateurs/donnees-ouvertes/activites-creees.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [(r["title"], r["creation_year"], r["jobs_fte"]) for r in rows] == [
        ("Creche parentale", "2022", "1.5"),
        ("Garage solidaire", "2025", "2.5"),
    ]
    network.projects["p1"].carrier_name = "Yann Kerouac"
    network.projects["p1"].carrier_contact = "06 11 22 33 44"
    network.projects["p1"].save()
    from django.core.cache import cache

    cache.clear()
    body = client.get("/indicateurs/donnees-ouvertes/activites-creees.json").content.decode()
    assert "Kerouac" not in body and "06 11" not in body
    assert json.loads(body)["licence"] == "Licence Ouverte 2.0"


def test_structures_dataset_has_status_territory_and_dates_but_no_candidates(network, client):
    StructureFactory(slug="candidate-x", candidate=True)
    rows = {
        r["slug"]: r
        for r in csv.DictReader(
            io.StringIO(client.get("/indicateurs/donnees-ouvertes/structures.csv").content.decode())
        )
    }
    assert "candidate-x" not in rows
    assert rows["tag-test"]["departements"] == "29" and rows["tag-test"]["regions"] == "53"
    assert rows["tag-test"]["experimenting_since"] == "2023-01-15"


def test_indicators_dataset_has_network_and_region_figures_by_year(network, client):
    rows = list(
        csv.DictReader(io.StringIO(client.get("/indicateurs/donnees-ouvertes/indicateurs.csv").content.decode()))
    )
    values = {(r["year"], r["region"], r["indicator"]): r["value"] for r in rows}
    assert values[("2025", "", "needs_total")] == "3"
    assert values[("2025", "27", "needs_total")] == "1"
    assert values[("2025", "", "jobs_created_fte")] == "2.5"


def test_an_unknown_dataset_is_not_found(db, client):
    assert client.get("/indicateurs/donnees-ouvertes/secret.csv").status_code == 404
    assert client.get("/indicateurs/donnees-ouvertes/structures.xml").status_code == 404
