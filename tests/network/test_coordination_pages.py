from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure, StructureStatusLog
from tests.conftest import ROLES
from tests.factories import StructureFactory
from tests.network.helpers import assert_redirects_to_login
from tests.snapshots import assert_unchanged

EXPECTED = {"coordinator": 200, "member": 403, "other_member": 403}


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize(
    "url", ["/coordination/", "/coordination/structures/nouvelle/", "/coordination/structures/tag-test/"]
)
def test_the_coordination_area_is_for_the_coordinator_only(persona, url, client_for):
    name, user = persona
    response = client_for(user).get(url)
    if name == "anonymous":
        assert_redirects_to_login(response)
    else:
        assert response.status_code == EXPECTED[name]


def test_the_coordination_page_lists_candidates_and_structures_by_status(client_for, coordinator, structure):
    StructureFactory(name="Nouvelle Fabrique", slug="nouvelle", candidate=True)
    StructureFactory(name="Fabrique partie", withdrawn=True)
    html = client_for(coordinator).get("/coordination/").content.decode()
    candidates = html.split('id="candidates-title"')[1].split("</section>")[0]
    assert "Nouvelle Fabrique" in candidates and "TAg Test" not in candidates
    assert 'action="/coordination/structures/nouvelle/statut/"' in candidates
    assert 'value="admit"' in candidates and 'value="withdraw"' in candidates
    withdrawn = html.split('id="status-withdrawn"')[1].split("</section>")[0]
    assert "Fabrique partie" in withdrawn and 'value="readmit"' in withdrawn


def _transition(client, slug, name, reason=""):
    return client.post(
        f"/coordination/structures/{slug}/statut/",
        {"transition": name, "reason": reason, "next": "/coordination/"},
        follow=True,
    )


def test_the_coordinator_admits_a_candidate_with_a_reason(client_for, coordinator):
    candidate = StructureFactory(name="Nouvelle Fabrique", slug="nouvelle", candidate=True)
    response = _transition(client_for(coordinator), "nouvelle", "admit", "Dossier complet")
    assert response.redirect_chain[-1][0] == "/coordination/"
    assert "est maintenant « en expérimentation »" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.status == StructureStatus.EXPERIMENTING and candidate.joined_on
    log = StructureStatusLog.objects.get(structure=candidate)
    assert (log.changed_by, log.note) == (coordinator, "Dossier complet")


def test_a_withdrawal_without_reason_is_refused_with_a_message(client_for, coordinator, structure):
    response = _transition(client_for(coordinator), "tag-test", "withdraw", "  ")
    assert "Indiquez le motif du retrait" in response.content.decode()
    structure.refresh_from_db()
    assert structure.status == StructureStatus.EXPERIMENTING and not structure.status_log.exists()


def test_an_impossible_transition_is_shown_as_a_message(client_for, coordinator, structure):
    response = _transition(client_for(coordinator), "tag-test", "admit")
    assert "Impossible d'admettre la candidature" in unescape(response.content.decode())
    assert Structure.objects.get(pk=structure.pk).status == StructureStatus.EXPERIMENTING


def test_an_unknown_transition_is_refused(client_for, coordinator, structure):
    response = _transition(client_for(coordinator), "tag-test", "grant_appellation", "Par ici")
    assert "Changement de statut inconnu" in response.content.decode()
    assert Structure.objects.get(pk=structure.pk).status == StructureStatus.EXPERIMENTING


def test_withdraw_then_readmit_keeps_the_log(client_for, coordinator, structure):
    client = client_for(coordinator)
    _transition(client, "tag-test", "withdraw", "Fin de l'activité")
    _transition(client, "tag-test", "readmit", "Reprise")
    structure.refresh_from_db()
    assert structure.status == StructureStatus.EXPERIMENTING
    assert [log.to_status for log in structure.status_log.all()] == ["experimenting", "withdrawn"]
    html = client.get("/coordination/structures/tag-test/").content.decode()
    assert "Fin de l&#x27;activité" in html and "Reprise" in html


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_the_coordinator_changes_a_status(persona, client_for, structure):
    name, user = persona
    response = client_for(user).post(
        "/coordination/structures/tag-test/statut/", {"transition": "withdraw", "reason": "Départ"}
    )
    structure.refresh_from_db()
    if name == "coordinator":
        assert structure.status == StructureStatus.WITHDRAWN
    else:
        assert structure.status == StructureStatus.EXPERIMENTING
        if name == "anonymous":
            assert_redirects_to_login(response)
        else:
            assert response.status_code == 403


def test_the_transition_endpoint_does_not_redirect_elsewhere(client_for, coordinator, structure):
    response = client_for(coordinator).post(
        "/coordination/structures/tag-test/statut/",
        {"transition": "withdraw", "reason": "Départ", "next": "https://example.com/"},
    )
    assert response["Location"] == "/coordination/structures/tag-test/"


CREATE = "/coordination/structures/nouvelle/"


def test_the_coordinator_creates_a_candidate_structure(client_for, coordinator):
    data = {"name": "Fabrique du Léon", "slug": "", "city": "Morlaix", "departements": ["29"], "reason": "Salon"}
    response = client_for(coordinator).post(CREATE, data)
    assert response.status_code == 302 and response["Location"] == "/structures/fabrique-du-leon/"
    created = Structure.objects.get(slug="fabrique-du-leon")
    assert created.status == StructureStatus.CANDIDATE
    assert list(created.departements.values_list("code", flat=True)) == ["29"]
    assert created.history.earliest().history_user == coordinator
    log = created.status_log.get()
    assert (log.from_status, log.to_status, log.changed_by, log.note) == ("", "candidate", coordinator, "Salon")


def test_a_duplicate_slug_is_refused_clearly_and_nothing_is_created(client_for, coordinator, structure):
    data = {"name": "Autre TAg", "slug": "tag-test", "departements": ["29"]}
    response = client_for(coordinator).post(CREATE, data)
    assert response.status_code == 200
    assert "Cet identifiant est déjà utilisé" in response.content.decode()
    assert Structure.objects.count() == 1


def test_a_new_structure_needs_a_known_departement(client_for, coordinator):
    response = client_for(coordinator).post(CREATE, {"name": "Fabrique X", "departements": ["20"]})
    assert "20" in response.content.decode() and "errorlist" in response.content.decode()
    assert not Structure.objects.filter(name="Fabrique X").exists()


@pytest.mark.parametrize("persona", ["member", "other_member"], indirect=True)
def test_members_cannot_create_a_structure(persona, client_for):
    name, user = persona
    with assert_unchanged(Structure, StructureStatusLog):
        response = client_for(user).post(CREATE, {"name": "Fabrique X", "departements": ["29"]})
    assert response.status_code == 403


def test_the_coordination_page_costs_the_same_number_of_queries_for_3_and_30_structures(client_for, coordinator):
    client = client_for(coordinator)
    statuses = ["candidate", "experimenting", "labelled", "withdrawn"]

    def add(count):
        for i in range(count):
            StructureFactory(departements=["29", "22"], **{statuses[i % 4]: True})

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/coordination/").status_code == 200
        return len(ctx)

    add(3)
    client.get("/coordination/")
    with_3 = queries()
    add(27)
    assert queries() == with_3
