"""What each appellation action does for each persona (coordinator, member of the applicant, member of a labelled
voter structure, member of another structure, anonymous visitor): the status of every route is in
tests/role_matrix/; these check what the allowed persona's action changed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fabrique.appellation import services
from fabrique.appellation.models import AnnouncementDraft, CharterAcceptance, Conflict, Vote
from fabrique.network.models import Structure, StructureStatusLog
from tests.snapshots import assert_unchanged, models_of

from .conftest import APPELLATION_ROLES
from .test_attachments import PDF_BYTES

R = APPELLATION_ROLES


def expect(coordinator, applicant, voter, other_member, anonymous=302):
    return dict(zip(R, (coordinator, applicant, voter, other_member, anonymous), strict=True))


@pytest.fixture
def world(session, submitted):
    return {"session": session, "request": submitted}


VOTE_EXPECTED = expect(403, 403, 302, 404)


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_only_a_voter_admin_may_vote_through_the_page(appellation_persona, world, client_for):
    name, user = appellation_persona
    url = reverse("appellation:vote", args=[world["request"].pk])
    response = client_for(user).post(url, {"choice": "for", "comment": "Dossier solide"})
    assert response.status_code == VOTE_EXPECTED[name]
    assert Vote.objects.count() == (1 if name == "voter" else 0)


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_only_a_voter_admin_may_declare_a_conflict_through_the_page(appellation_persona, world, client_for):
    name, user = appellation_persona
    url = reverse("appellation:declare_conflict", args=[world["request"].pk])
    response = client_for(user).post(url, {"reason": "Administratrice commune"})
    assert response.status_code == VOTE_EXPECTED[name]
    assert Conflict.objects.count() == (1 if name == "voter" else 0)


def nothing_written(unless=False):
    """The appellation's tables, and the structures a decision would move, are left as they were."""
    return assert_unchanged(*models_of("appellation"), Structure, StructureStatusLog, unless=unless)


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_only_the_coordinator_records_a_conflict(appellation_persona, world, voter_structures, client_for):
    name, user = appellation_persona
    url = reverse("appellation:record_conflict", args=[world["request"].pk])
    client = client_for(user)
    with nothing_written(unless=name == "coordinator"):
        response = client.post(url, {"structure": voter_structures[1].pk, "reason": "Salarié commun"})
    assert response.status_code == expect(302, 403, 403, 404)[name]
    assert Conflict.objects.count() == (1 if name == "coordinator" else 0)


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_only_the_applicant_admin_adds_or_removes_attachments(appellation_persona, draft, member, client_for):
    name, user = appellation_persona
    kept = services.add_attachment(draft, by=member, title="Bilan", upload=SimpleUploadedFile("b.pdf", PDF_BYTES))
    client = client_for(user)
    with nothing_written(unless=name == "applicant"):
        add = client.post(
            reverse("appellation:attachment_add", args=[draft.pk]),
            {"title": "Annexe", "file": SimpleUploadedFile("a.pdf", PDF_BYTES)},
        )
        remove = client.post(reverse("appellation:attachment_delete", args=[draft.pk, kept.pk]))
    expected = expect(403, 302, 404, 404)[name]
    assert (add.status_code, remove.status_code) == (expected, expected)
    titles = set(draft.attachments.values_list("title", flat=True))
    assert titles == ({"Annexe"} if name == "applicant" else {"Bilan"})


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_only_the_coordinator_closes_a_session(appellation_persona, world, client_for):
    name, user = appellation_persona
    client = client_for(user)
    with nothing_written(unless=name == "coordinator"):
        response = client.post(reverse("appellation:session_close", args=[world["session"].pk]))
    assert response.status_code == expect(302, 404, 403, 404)[name]
    world["session"].refresh_from_db()
    assert world["session"].is_open == (name != "coordinator")


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_only_an_admin_of_a_labelled_structure_accepts_the_charter(appellation_persona, voter_structures, client_for):
    name, user = appellation_persona
    client = client_for(user)
    services.current_charter()  # the default charter is written on its first reading, whoever reads it
    with nothing_written(unless=name == "voter"):
        response = client.post(
            reverse("appellation:charter_accept"), {"structure": voter_structures[0].pk, "confirm": "on"}
        )
    assert response.status_code == expect(403, 403, 302, 403)[name]
    assert CharterAcceptance.objects.count() == (1 if name == "voter" else 0)


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_announcement_drafts_are_for_the_coordinator(appellation_persona, world, voters, coordinator, client_for):
    for user in voters:
        services.cast_vote(world["request"], by=user, choice="for")
    services.close_session(world["session"], by=coordinator)
    draft = AnnouncementDraft.objects.get()
    name, user = appellation_persona
    client = client_for(user)
    url = draft.get_absolute_url()
    assert client.get(url).status_code == expect(200, 403, 403, 403)[name]
    with nothing_written(unless=name == "coordinator"):
        response = client.post(url, {"title": "Titre revu", "body": "Texte revu", "version": draft.version})
    assert response.status_code == expect(302, 403, 403, 403)[name]
    draft.refresh_from_db()
    assert (draft.title == "Titre revu") == (name == "coordinator")


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_marking_notifications_read_needs_a_login(appellation_persona, client_for):
    name, user = appellation_persona
    response = client_for(user).post(reverse("appellation:notifications_read"))
    assert response.status_code == 302
    if name == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))
