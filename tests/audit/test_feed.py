"""The activity feeds of a project (tab « Activité » of its workspace) and of a structure: entries written by the real
services, what each place on the project reads, who gets a 404 or a 403, the query budget, the API."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.audit import feed
from fabrique.core.history import history_models
from fabrique.method import services
from fabrique.network import services as network_services
from fabrique.network.models import Membership, Structure
from fabrique.workspace.enums import ProjectRole
from fabrique.workspace.models import ProjectMember
from tests.factories import PartnershipFactory, UserFactory
from tests.method.factories import ProjectFactory

NOTE = "Le maire de Morlaix rappelle jeudi"
STAGE_NOTE = "Le comité a dit oui au téléphone"


def _page_url(project):
    return reverse("audit:project_activity", args=[project.pk])


def _texts(response) -> list[str]:
    return [item.text for item in response.context["items"]]


def _add_person(project, *, by, role=ProjectRole.CARRIER, **user):
    person = ProjectMember(project=project, user=UserFactory(**user), role=role, added_by=by)
    person._history_user = by
    person.save()
    return person


@pytest.fixture
def opened(structure, member):
    """A project opened and worked on through the method's services, a carrier added by the team."""
    project = services.create_project(
        structure, by=member, data={"title": "Conciergerie d'Ampère", "theme": "food"}, departements=["29"]
    )
    partner = PartnershipFactory(structure=structure, partner__name="Mairie de Morlaix").partner
    services.add_project_partner(project, by=member, partner=partner, role="funder")
    services.add_note(project, by=member, text=NOTE)
    services.record_decision(
        project, by=member, data={"decided_on": datetime.date(2025, 3, 1), "subject": "launch_study", "choice": "go"}
    )
    project = services.study_opportunity(project, by=member, note=STAGE_NOTE)
    services.update_project(project, by=member, data={"summary": "Un service de proximité"}, expected_version=None)
    _add_person(project, by=member, first_name="Camille", last_name="Martin")
    return project


def test_entries_appear_after_the_services_newest_first_in_french(opened, member, client_for):
    response = client_for(member).get(_page_url(opened))
    name = str(member)
    assert _texts(response) == [
        f"{name} a ajouté Camille Martin au projet comme porteur ou porteuse du projet",
        f"{name} a modifié la fiche du projet",
        f"{name} a passé le projet à l'étape Étude d'opportunité",
        f"{name} a consigné une décision du comité de pilotage : lancer l'étude d'opportunité, go",
        f"{name} a ajouté une note de suivi",
        f"{name} a associé Mairie de Morlaix au projet (financeur)",
        f"{name} a ouvert le projet",
    ]
    items = response.context["items"]
    assert items[1].details == ["Champs modifiés : résumé"]
    assert items[2].details == [f"Note : {STAGE_NOTE}"]
    page = response.content.decode()
    assert f'aria-current="page" href="{_page_url(opened)}"' in page
    assert "7 entrées, de la plus récente à la plus ancienne." in page


def test_the_carrier_reads_only_what_the_workspace_shows_them(opened, member, client_for):
    carrier = ProjectMember.objects.get(project=opened, role=ProjectRole.CARRIER).user
    response = client_for(carrier).get(_page_url(opened))
    name = str(member)
    assert _texts(response) == [
        f"{name} a ajouté Camille Martin au projet comme porteur ou porteuse du projet",
        f"{name} a passé le projet à l'étape Étude d'opportunité",
        f"{name} a ouvert le projet",
    ]
    assert all(item.details == [] for item in response.context["items"])
    page = response.content.decode()
    for secret in (NOTE, STAGE_NOTE, "Mairie de Morlaix", "comité de pilotage", "note de suivi", "fiche du projet"):
        assert secret not in page
    assert "Ce que l'équipe garde pour elle n'y paraît pas." in page


@pytest.mark.parametrize(
    ("role", "observer"), [(ProjectRole.PARTNER, False), (ProjectRole.EXPERT, False), (ProjectRole.EXPERT, True)]
)
def test_partners_experts_and_observers_read_what_the_carrier_reads(opened, member, client_for, role, observer):
    guest = _add_person(opened, by=member, role=role, first_name="Lou", last_name="Bernard")
    ProjectMember.objects.filter(pk=guest.pk).update(observer=observer)
    kinds = {item.kind for item in client_for(guest.user).get(_page_url(opened)).context["items"]}
    assert kinds == {"method.ProjectStageLog", "workspace.ProjectMember"}


def test_the_feed_is_paginated(project, member, client_for):
    _grow(project, member, 20)
    client = client_for(member)
    first, second = client.get(_page_url(project)), client.get(_page_url(project), {"page": 2})
    assert (len(first.context["items"]), len(second.context["items"])) == (30, 10)
    assert "Page 1 sur 2" in first.content.decode()
    assert first.context["items"][-1].date >= second.context["items"][0].date


def test_next_steps_are_read_by_everyone_on_the_project(opened, member, client_for):
    from fabrique.workspace.services.steps import create_step, set_step_status

    due = datetime.date.today() + datetime.timedelta(days=7)
    step = create_step(opened, by=member, data={"title": "Appeler la mairie", "due_on": due, "owner": member})
    set_step_status(step, "done", by=member, expected_version=None)
    carrier = ProjectMember.objects.get(project=opened, role=ProjectRole.CARRIER).user
    texts = _texts(client_for(carrier).get(_page_url(opened)))
    assert texts[:2] == [
        f"{member} a passé la prochaine étape « Appeler la mairie » au statut « faite »",
        f"{member} a ajouté la prochaine étape « Appeler la mairie »",
    ]


def test_an_internal_note_of_the_conversation_is_the_teams_only(opened, member, client_for):
    from fabrique.workspace.services.messages import delete_message, edit_message, post_message

    shared = post_message(opened, by=member, body="Bonjour à toutes et tous")
    post_message(opened, by=member, body="Entre nous : le budget est serré", internal=True)
    edit_message(shared, by=member, body="Bonjour à tous", expected_version=None)
    delete_message(shared, by=member)
    expected = [
        f"{member} a supprimé un message",
        f"{member} a modifié un message",
        f"{member} a écrit une note interne",
        f"{member} a écrit un message",
    ]
    assert _texts(client_for(member).get(_page_url(opened)))[:4] == expected
    carrier = ProjectMember.objects.get(project=opened, role=ProjectRole.CARRIER).user
    page = client_for(carrier).get(_page_url(opened))
    assert _texts(page)[:3] == [expected[0], expected[1], expected[3]]
    assert "budget" not in page.content.decode() and "note interne" not in page.content.decode()


def test_an_invitation_accepted_then_a_departure_through_the_people_services(opened, member, client_for):
    from fabrique.workspace.services import people

    invitation, _raw = people.invite(opened, by=member, email="lou@example.org", role=ProjectRole.EXPERT)
    lou = UserFactory(email="lou@example.org", first_name="Lou", last_name="Bernard")
    people.accept_invitation(invitation, user=lou)
    people.leave(opened, user=lou)
    texts = _texts(client_for(member).get(_page_url(opened)))
    assert texts[:3] == [
        "Lou Bernard a quitté le projet",
        "Lou Bernard a rejoint le projet comme expert·e extérieur·e",
        f"{member} a invité lou@example.org sur le projet comme expert·e extérieur·e",
    ]
    carrier = ProjectMember.objects.get(project=opened, role=ProjectRole.CARRIER).user
    assert "lou@example.org" not in client_for(carrier).get(_page_url(opened)).content.decode()


def test_a_document_kept_to_the_team_stays_out_of_the_carriers_feed_until_opened(opened, member, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fabrique.workspace.services import documents
    from tests.library.files import PDF

    def pdf():
        return SimpleUploadedFile("budget.pdf", PDF, content_type="application/pdf")

    kept = documents.upload_document(opened, member, title="Budget", kind="other", visibility="team", upload=pdf())
    documents.upload_document(opened, member, title="Devis interne", kind="other", visibility="team", upload=pdf())
    documents.change_visibility(kept, member, "project", expected_version=None)
    documents.add_version(kept, member, pdf())
    expected = [
        f"{member} a déposé une nouvelle version du document « Budget »",
        f"{member} a ouvert le document « Budget » à toutes les personnes du projet",
        f"{member} a ajouté le document « Devis interne »",
        f"{member} a ajouté le document « Budget »",
    ]
    assert _texts(client_for(member).get(_page_url(opened)))[:4] == expected
    carrier = ProjectMember.objects.get(project=opened, role=ProjectRole.CARRIER).user
    assert _texts(client_for(carrier).get(_page_url(opened)))[:3] == [*expected[:2], _carrier_added(member)]
    documents.change_visibility(kept, member, "team", expected_version=None)
    assert "Budget" not in client_for(carrier).get(_page_url(opened)).content.decode()


def _carrier_added(member) -> str:
    return f"{member} a ajouté Camille Martin au projet comme porteur ou porteuse du projet"


def test_a_person_who_leaves_or_is_removed_reads_as_such(opened, member, client_for):
    expert = _add_person(opened, by=member, role=ProjectRole.EXPERT, first_name="Lou", last_name="Bernard")
    guest = ProjectMember.objects.get(project=opened, role=ProjectRole.CARRIER)
    guest._history_user = guest.user
    guest.delete()
    expert._history_user = member
    expert.delete()
    texts = _texts(client_for(member).get(_page_url(opened)))
    assert texts[:2] == [f"{member} a retiré Lou Bernard du projet", "Camille Martin a quitté le projet"]


def test_the_coordination_reads_everything_and_strangers_get_a_404(opened, coordinator, other_member, client_for):
    assert len(client_for(coordinator).get(_page_url(opened)).context["items"]) == 7
    assert client_for(other_member).get(_page_url(opened)).status_code == 404
    assert client_for(UserFactory()).get(_page_url(opened)).status_code == 404
    anonymous = client_for(None).get(_page_url(opened))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))


def test_the_structure_feed_holds_its_projects_and_its_own_records(opened, structure, member, coordinator, client_for):
    network_services.withdraw(structure, by=coordinator, reason="Fin du projet associatif")
    url = reverse("audit:structure_activity", args=[structure.slug])
    response = client_for(member).get(url)
    items = response.context["items"]
    status = next(item for item in items if item.kind == "network.StructureStatusLog")
    assert status.text == f"{coordinator} a fait passer la structure au statut « retirée »"
    assert status.details == ["Note : Fin du projet associatif"] and status.project_id is None
    # the sheet's row of that change is the status log's, told once
    assert [item.text for item in items if item.kind == "network.Structure"] == [
        "Un import ou un script a créé la fiche de la structure"
    ]
    stage = next(item for item in items if item.kind == "method.ProjectStageLog" and item.action == "moved")
    assert (stage.project_id, stage.project_title) == (opened.pk, "Conciergerie d'Ampère")
    assert {"network.Partnership", "method.ProjectNote", "workspace.ProjectMember"} <= {item.kind for item in items}
    page = response.content.decode()
    assert f'href="{reverse("method:project_detail", args=[opened.pk])}">Conciergerie d&#x27;Ampère</a>' in page
    assert client_for(coordinator).get(url).status_code == 200


def test_an_invitation_to_the_team_reads_in_the_structure_feed(structure, member, client_for):
    network_services.invite(by=member, email="nouvelle@example.org", structure=structure, role="staff")
    response = client_for(member).get(reverse("audit:structure_activity", args=[structure.slug]))
    (invitation,) = [item for item in response.context["items"] if item.kind == "network.Invitation"]
    assert invitation.text == f"{member} a invité nouvelle@example.org à rejoindre l'équipe (chargé·e de mission)"
    assert invitation.action == "created" and invitation.project_id is None


def test_the_structure_feed_is_refused_to_the_carrier_and_other_structures(opened, structure, other_member, client_for):
    carrier = ProjectMember.objects.get(project=opened).user
    url = reverse("audit:structure_activity", args=[structure.slug])
    assert client_for(carrier).get(url).status_code == 403
    assert client_for(other_member).get(url).status_code == 403


def test_the_method_board_links_the_structure_feed(structure, member, client_for):
    page = client_for(member).get(reverse("method:board", args=[structure.slug])).content.decode()
    assert reverse("audit:structure_activity", args=[structure.slug]) in page


def test_every_history_table_of_a_project_is_read_and_a_new_one_is_the_teams_only():
    sources = {source.model: source for source in feed.project_sources()}
    every = [source.model for source in feed.project_sources() + feed.STRUCTURE_SOURCES]
    assert len(every) == len(set(every)), "a table read twice would show each of its rows twice"
    with_project = {
        history.instance_type._meta.label
        for history in history_models()
        if any(f.name == "project" for f in history.instance_type._meta.concrete_fields)
    }
    assert with_project <= set(sources)
    shared = {label for label, source in sources.items() if source.shared is not None}
    assert shared == {"method.ProjectStageLog", "workspace.ProjectMember"} | {
        source.model for source in feed.PROJECT_SOURCES if source.shared is not None
    }
    assert {"method.ProjectNote", "method.SteeringDecision", "method.ProjectPartner"}.isdisjoint(shared)


@pytest.fixture
def project(structure):
    return ProjectFactory(structure=structure, title="Épicerie solidaire de Morlaix", log=False)


def _grow(project, member, count: int) -> None:
    """`count` notes and `count` people: the same two kinds of rows on the page either way."""
    Structure.history.all().delete()
    Membership.history.all().delete()
    for index in range(count):
        services.add_note(project, by=member, text=f"Note {index}")
        _add_person(project, by=member)


@pytest.mark.parametrize("count", [3, 30])
def test_the_project_feed_costs_the_same_queries_for_3_and_30_entries(project, member, client_for, count):
    _grow(project, member, count)
    client = client_for(member)
    client.get(_page_url(project))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_page_url(project))
    assert len(response.context["items"]) == min(feed_page_size(), 2 * count)
    assert len(queries) == PROJECT_QUERIES


@pytest.mark.parametrize("count", [3, 30])
def test_the_structure_feed_costs_the_same_queries_for_3_and_30_entries(project, structure, member, client_for, count):
    _grow(project, member, count)
    client = client_for(member)
    url = reverse("audit:structure_activity", args=[structure.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert {item.kind for item in response.context["items"]} == {"method.ProjectNote", "workspace.ProjectMember"}
    assert len(queries) == STRUCTURE_QUERIES


def feed_page_size() -> int:
    from fabrique.audit.views import FEED_PER_PAGE  # Local import: the page size is the view's

    return FEED_PER_PAGE


# session, user, the project, the reader's memberships, the count, the page's rows, one per kind on the page (two: the
# rows are creations, nothing to compare), the header's notifications badge
PROJECT_QUERIES = 9
# session, user, the structure, the reader's memberships, the count, the page's rows, one per kind (two), the badge
STRUCTURE_QUERIES = 9


# --- the API ------------------------------------------------------------------------------------------------


def test_the_api_gives_each_reader_what_the_page_gives(opened, member, coordinator, other_member, client_for):
    path = f"/api/v1/projects/{opened.pk}/activity"
    team = client_for(member).get(path).json()
    assert team["count"] == 7 and team["abilities"]["see_internal"] is True
    first = team["results"][0]
    assert first["text"] == f"{member} a ajouté Camille Martin au projet comme porteur ou porteuse du projet"
    assert (first["action"], first["kind"], first["project"], first["author"]) == (
        "created",
        "workspace.ProjectMember",
        opened.pk,
        str(member),
    )
    carrier = ProjectMember.objects.get(project=opened).user
    guest = client_for(carrier).get(path).json()
    assert guest["count"] == 3 and guest["abilities"]["see_internal"] is False
    assert all(result["details"] == [] for result in guest["results"])
    assert client_for(other_member).get(path).status_code == 404
    assert client_for(None).get(path).status_code == 401
    assert client_for(coordinator).get(path, {"page_size": 2}).json()["next"].endswith("page_size=2&page=2")


def test_the_structure_api_is_its_team_and_the_coordinations(opened, structure, member, client_for):
    path = f"/api/v1/structures/{structure.slug}/activity"
    answer = client_for(member).get(path).json()
    assert answer["abilities"] == {"view": True} and answer["count"] >= 7
    carrier = ProjectMember.objects.get(project=opened).user
    refused = client_for(carrier).get(path)
    assert refused.status_code == 403
    assert (
        refused.json()["detail"] == "Le fil d'activité d'une structure est réservé à son équipe et à la coordination."
    )
    assert client_for(member).get("/api/v1/structures/inconnue/activity").status_code == 404
