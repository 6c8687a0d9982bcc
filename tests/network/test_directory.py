import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure
from tests.conftest import ROLES
from tests.factories import CollectiveFactory, StructureFactory


def test_directory_rows_show_name_status_departements_area_and_collectives(client, db):
    tag = StructureFactory(name="TAg29", slug="tag29", departements=["29"], area_label="Cornouaille", labelled=True)
    CollectiveFactory(name="Collectif breton").structures.add(tag)
    html = client.get("/structures/").content.decode()
    assert 'href="/structures/tag29/"' in html
    assert "avec appellation" in html  # the status is written, not only coloured
    assert 'title="Finistère (Bretagne)">29</abbr>' in html
    assert "Cornouaille" in html and "Collectif breton" in html


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_candidates_are_listed_only_for_the_coordinator_and_their_own_members(persona, client_for, structure):
    name, user = persona
    Structure.objects.filter(pk=structure.pk).update(status=StructureStatus.CANDIDATE)
    response = client_for(user).get("/structures/", {"status": "all"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Autre Fabrique" in html
    assert ("TAg Test" in html) is (name in {"coordinator", "member"})


def test_candidate_status_is_not_offered_to_anonymous_visitors(client, db):
    html = client.get("/structures/").content.decode()
    assert 'value="candidate"' not in html
    assert 'value="labelled"' in html


def test_withdrawn_structures_are_hidden_unless_asked_for(client, db):
    StructureFactory(name="Partie", withdrawn=True)
    StructureFactory(name="Active")
    assert "Partie" not in client.get("/structures/").content.decode()
    assert "Partie" in client.get("/structures/", {"status": "withdrawn"}).content.decode()
    assert "Partie" in client.get("/structures/", {"status": "all"}).content.decode()


def test_directory_filters_by_status_region_departement_and_name_or_city(client, db):
    StructureFactory(name="TAg29", departements=["29"], city="Quimper", labelled=True)
    StructureFactory(name="TAg22", departements=["22"], city="Saint-Brieuc")
    StructureFactory(name="Clus'Ter Jura", departements=["39"], city="Lons-le-Saunier", labelled=True)

    def names(**params):
        html = client.get("/structures/", params).content.decode()
        return {n for n in ("TAg29", "TAg22", "Clus&#x27;Ter Jura") if n in html}

    assert names(status="labelled") == {"TAg29", "Clus&#x27;Ter Jura"}
    assert names(region="53") == {"TAg29", "TAg22"}
    assert names(departement="29") == {"TAg29"}
    assert names(q="tag") == {"TAg29", "TAg22"}
    assert names(q="lons") == {"Clus&#x27;Ter Jura"}
    assert names(region="53", status="experimenting") == {"TAg22"}


def test_an_unknown_filter_value_is_reported_and_ignored(client, db):
    StructureFactory(name="TAg29", departements=["29"])
    response = client.get("/structures/", {"departement": "99"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "TAg29" in html
    assert "errorlist" in html


def test_directory_is_paginated_by_25_with_an_accessible_navigation(client, db):
    for i in range(30):
        StructureFactory(name=f"Fabrique {i:02d}")
    first = client.get("/structures/").content.decode()
    assert "Fabrique 24" in first and "Fabrique 25" not in first
    assert 'aria-label="Pagination des structures"' in first and 'aria-current="page"' in first
    assert "30 structures" in first
    second = client.get("/structures/", {"page": 2, "q": "Fabrique"}).content.decode()
    assert "Fabrique 25" in second and "Fabrique 29" in second and "Fabrique 00" not in second
    assert "q=Fabrique&amp;page=1" in second


def test_htmx_requests_get_only_the_result_list(client, db):
    StructureFactory(name="TAg29")
    response = client.get("/structures/", {"q": "tag"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "TAg29" in html and "<html" not in html and "<form" not in html
    assert "HX-Request" in response["Vary"]
    full = client.get("/structures/").content.decode()
    assert 'hx-get="/structures/"' in full and 'hx-target="#structure-results"' in full


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


def _add_structures(count, collective):
    for _ in range(count):
        collective.structures.add(StructureFactory(departements=["29", "22", "56"]))


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_directory_costs_the_same_number_of_queries_for_3_and_30_structures(persona, client_for):
    name, user = persona
    client = client_for(user)
    collective = CollectiveFactory()
    _add_structures(1, collective)  # with the two of the personas: 3
    urls = ["/structures/", "/structures/?region=53&q=structure"]
    client.get("/structures/")  # warm the session
    with_3 = [_queries(client, url) for url in urls]
    _add_structures(27, collective)
    assert Structure.objects.count() == 30
    assert [_queries(client, url) for url in urls] == with_3


def test_a_history_restore_by_htmx_gets_the_whole_page(client, db):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    html = client.get("/structures/", headers=headers).content.decode()
    assert "<html" in html and "<form" in html


def test_long_paginations_are_shortened_with_an_ellipsis(client, db):
    Structure.objects.bulk_create(StructureFactory.build(name=f"S{i:03d}", slug=f"s{i}") for i in range(13 * 25))
    html = client.get("/structures/", {"page": 7}).content.decode()
    assert "…" in html and "page=13" in html and 'page=1"' in html
    assert 'aria-current="page"><span class="visually-hidden">Page </span>7<' in html
