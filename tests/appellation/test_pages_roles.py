"""The role matrix of every appellation page: coordinator, member of the applicant, member of a labelled voter
structure, member of another structure, anonymous visitor (redirected to the login page)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fabrique.appellation import services
from fabrique.appellation import urls as appellation_urls
from fabrique.appellation.models import AnnouncementDraft, CharterAcceptance, Conflict, Vote

from .conftest import APPELLATION_ROLES
from .test_attachments import PDF_BYTES

R = APPELLATION_ROLES


def expect(coordinator, applicant, voter, other_member, anonymous=302):
    return dict(zip(R, (coordinator, applicant, voter, other_member, anonymous), strict=True))


# Pages read while a submitted request is on an open session's agenda.
OPEN_SESSION_PAGES = {
    "home": (lambda w: reverse("appellation:home"), expect(200, 200, 200, 200)),
    "request_list": (lambda w: reverse("appellation:request_list"), expect(200, 200, 200, 200)),
    "request_detail": (lambda w: w["request"].get_absolute_url(), expect(200, 200, 200, 404)),
    "request_withdraw": (
        lambda w: reverse("appellation:request_withdraw", args=[w["request"].pk]),
        expect(403, 200, 403, 404),
    ),
    "ballot": (lambda w: reverse("appellation:ballot"), expect(200, 200, 200, 200)),
    "session_list": (lambda w: reverse("appellation:session_list"), expect(200, 200, 200, 200)),
    "session_new": (lambda w: reverse("appellation:session_new"), expect(200, 403, 403, 403)),
    "session_detail": (lambda w: w["session"].get_absolute_url(), expect(200, 404, 200, 404)),
    "session_close": (
        lambda w: reverse("appellation:session_close", args=[w["session"].pk]),
        expect(200, 404, 403, 404),
    ),
    "results": (lambda w: reverse("appellation:results"), expect(200, 200, 200, 200)),
    "charter": (lambda w: reverse("appellation:charter"), expect(200, 200, 200, 200, 200)),
    "charter_edit": (lambda w: reverse("appellation:charter_edit"), expect(200, 403, 403, 403)),
    "notifications": (lambda w: reverse("appellation:notifications"), expect(200, 200, 200, 200)),
    "announcement_list": (lambda w: reverse("appellation:announcement_list"), expect(200, 403, 403, 403)),
}

# Pages of a draft (no session yet: voters do not see it).
DRAFT_PAGES = {
    "request_edit": (lambda d: reverse("appellation:request_edit", args=[d.pk]), expect(403, 200, 404, 404)),
    "request_submit": (lambda d: reverse("appellation:request_submit", args=[d.pk]), expect(403, 200, 404, 404)),
}

# The page to start a request: the applicant here has no request yet; the other member administers another
# structure in experimentation, so it may start one too.
NEW_REQUEST = expect(403, 200, 403, 200)

# Actions (POST), with what happens for whom.
ACTION_NAMES = {
    "vote",
    "declare_conflict",
    "record_conflict",
    "attachment_add",
    "attachment_delete",
    "attachment_download",
    "charter_accept",
    "notifications_read",
    "announcement_edit",
    "announcement_publish",  # test_announcement_publish.py
}


@pytest.fixture
def world(session, submitted):
    return {"session": session, "request": submitted}


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
@pytest.mark.parametrize("page", sorted(OPEN_SESSION_PAGES))
def test_pages_during_an_open_session_follow_the_role_matrix(page, appellation_persona, world, client_for):
    name, user = appellation_persona
    url_of, expected = OPEN_SESSION_PAGES[page]
    response = client_for(user).get(url_of(world))
    assert response.status_code == expected[name], (page, name)
    if expected[name] == 302 and name == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
@pytest.mark.parametrize("page", sorted(DRAFT_PAGES))
def test_draft_pages_follow_the_role_matrix(page, appellation_persona, draft, client_for):
    name, user = appellation_persona
    url_of, expected = DRAFT_PAGES[page]
    assert client_for(user).get(url_of(draft)).status_code == expected[name], (page, name)


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_the_new_request_page_is_for_admins_of_structures_in_experimentation(
    appellation_persona, applicant, client_for
):
    name, user = appellation_persona
    assert client_for(user).get(reverse("appellation:request_new")).status_code == NEW_REQUEST[name]


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


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_only_the_coordinator_records_a_conflict(appellation_persona, world, voter_structures, client_for):
    name, user = appellation_persona
    url = reverse("appellation:record_conflict", args=[world["request"].pk])
    response = client_for(user).post(url, {"structure": voter_structures[1].pk, "reason": "Salarié commun"})
    assert response.status_code == expect(302, 403, 403, 404)[name]
    assert Conflict.objects.count() == (1 if name == "coordinator" else 0)


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_only_the_applicant_admin_adds_or_removes_attachments(appellation_persona, draft, member, client_for):
    name, user = appellation_persona
    kept = services.add_attachment(draft, by=member, title="Bilan", upload=SimpleUploadedFile("b.pdf", PDF_BYTES))
    client = client_for(user)
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
    response = client_for(user).post(reverse("appellation:session_close", args=[world["session"].pk]))
    assert response.status_code == expect(302, 404, 403, 404)[name]
    world["session"].refresh_from_db()
    assert world["session"].is_open == (name != "coordinator")


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_only_an_admin_of_a_labelled_structure_accepts_the_charter(appellation_persona, voter_structures, client_for):
    name, user = appellation_persona
    response = client_for(user).post(
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


def test_every_appellation_url_is_in_the_role_matrix():
    covered = set(OPEN_SESSION_PAGES) | set(DRAFT_PAGES) | {"request_new"} | ACTION_NAMES
    covered |= {"request_withdraw"}
    names = {pattern.name for pattern in appellation_urls.urlpatterns}
    assert names <= covered, names - covered
