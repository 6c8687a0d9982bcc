"""The appellation's API: role matrix of every endpoint, 403 for non-voters and conflicted voters, 409 after
closing and on a submitted request, JSON errors, paginated lists."""

import datetime
import json

import pytest
from django.utils import timezone

from fabrique.accounts.models import ApiToken
from fabrique.appellation import services
from fabrique.appellation.enums import RequestStatus
from fabrique.appellation.models import AppellationRequest, CommitteeSession, Conflict, Vote
from fabrique.network.models import Structure, StructureStatusLog
from tests.snapshots import assert_unchanged, models_of

from .conftest import APPELLATION_ROLES, NARRATIVES

R = APPELLATION_ROLES
BASE = "/api/v1/appellation"


def expect(coordinator, applicant, voter, other_member, anonymous=401):
    return dict(zip(R, (coordinator, applicant, voter, other_member, anonymous), strict=True))


def call(client, method, url, body=None):
    kwargs = {"content_type": "application/json", "data": json.dumps(body)} if body is not None else {}
    response = getattr(client, method)(url, **kwargs)
    assert response["Content-Type"].startswith("application/json")
    return response


def nothing_written(unless=False):
    """The appellation's tables, and the structures a decision would move, are left as they were."""
    return assert_unchanged(*models_of("appellation"), Structure, StructureStatusLog, unless=unless)


@pytest.fixture
def world(session, submitted):
    return {"session": session, "request": submitted}


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_the_request_list_shows_each_person_what_they_may_read(appellation_persona, world, client_for):
    name, user = appellation_persona
    response = call(client_for(user), "get", f"{BASE}/requests")
    if name == "anonymous":
        return
    ids = [row["id"] for row in response.json()["results"]]
    assert ids == ([] if name == "other_member" else [world["request"].pk])


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_creating_a_request_is_for_admins_of_structures_in_experimentation(
    appellation_persona, applicant, other_structure, voter_structures, client_for
):
    name, user = appellation_persona
    slug = {"applicant": applicant.slug, "other_member": other_structure.slug}.get(name, applicant.slug)
    expected = expect(403, 201, 403, 201)[name]
    with nothing_written(unless=expected == 201):
        response = call(client_for(user), "post", f"{BASE}/requests", {"structure": slug, **NARRATIVES})
    assert response.status_code == expected, response.json()
    if response.status_code == 201:
        body = response.json()
        assert body["status"] == "draft" and body["abilities"]["submit"]
        assert body["evidence"] == {}


def test_a_draft_is_edited_then_submitted_and_then_refuses_any_change(draft, member, client_for):
    client = client_for(member)
    url = f"{BASE}/requests/{draft.pk}"
    edited = call(client, "patch", url, {"version": draft.version, "usefulness": "Revu"})
    assert edited.status_code == 200 and edited.json()["usefulness"] == "Revu"
    with nothing_written():
        stale = call(client, "patch", url, {"version": draft.version, "usefulness": "Périmé"})
    assert stale.status_code == 409
    submitted = call(client, "post", f"{url}/submit", {})
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert submitted.json()["evidence"]["partners"]["current"] == 1
    version = submitted.json()["version"]
    with nothing_written():
        refused = call(client, "patch", url, {"version": version, "know_how": "Changé après dépôt"})
        resubmitted = call(client, "post", f"{url}/submit", {})
    assert refused.status_code == 409 and "déposée" in refused.json()["detail"]
    assert resubmitted.status_code == 409
    draft.refresh_from_db()
    assert draft.know_how == NARRATIVES["know_how"] and draft.usefulness == "Revu"


def test_submitting_an_incomplete_draft_names_the_missing_fields(applicant, member, client_for):
    created = services.create_request(applicant, by=member, data={"usefulness": "Oui"})
    with nothing_written():
        response = call(client_for(member), "post", f"{BASE}/requests/{created.pk}/submit", {})
    assert response.status_code == 422
    assert {tuple(e["loc"]) for e in response.json()["detail"]} == {("body", "partnerships"), ("body", "know_how")}


def test_unknown_fields_and_bad_choices_are_422_in_french(world, voter, client_for):
    client = client_for(voter)
    url = f"{BASE}/requests/{world['request'].pk}/votes"
    with nothing_written():
        bad = call(client, "post", url, {"choice": "peut-être"})
        typo = call(client, "post", url, {"choice": "for", "commentaire": "x"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "choice"]
    assert typo.status_code == 422


VOTE = expect(403, 403, 200, 404)


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_voting_is_for_voter_admins_only(appellation_persona, world, client_for):
    name, user = appellation_persona
    url = f"{BASE}/requests/{world['request'].pk}/votes"
    with nothing_written(unless=name == "voter"):
        response = call(client_for(user), "post", url, {"choice": "for", "comment": "Solide"})
    assert response.status_code == VOTE[name], response.json()
    assert Vote.objects.count() == (1 if name == "voter" else 0)


def test_a_vote_is_changed_then_refused_with_409_after_closing(world, voters, coordinator, client_for):
    client = client_for(voters[0])
    url = f"{BASE}/requests/{world['request'].pk}/votes"
    assert call(client, "post", url, {"choice": "against"}).status_code == 200
    changed = call(client, "post", url, {"choice": "for", "comment": "Convaincus"})
    assert changed.json()["choice"] == "for" and Vote.objects.count() == 1
    call(client_for(voters[1]), "post", url, {"choice": "for"})
    closing = call(client_for(coordinator), "post", f"{BASE}/sessions/{world['session'].pk}/close")
    assert closing.status_code == 200 and closing.json()["session"]["items"][0]["outcome"] == "granted"
    assert Vote.objects.get(structure__slug="labellisee-a").choice == "for"
    with nothing_written():
        late = call(client, "post", url, {"choice": "against"})
    assert late.status_code == 409 and "close" in late.json()["detail"]


def test_a_conflicted_voter_gets_403(world, applicant, voters, voter_structures, client_for):
    from tests.factories import CollectiveFactory

    CollectiveFactory().structures.set([applicant, voter_structures[0]])
    with nothing_written():
        response = call(
            client_for(voters[0]), "post", f"{BASE}/requests/{world['request'].pk}/votes", {"choice": "for"}
        )
    assert response.status_code == 403 and "collectif" in response.json()["detail"]


CONFLICT = expect(403, 403, 201, 404)


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_declaring_a_conflict_follows_the_role_matrix(appellation_persona, world, voter_structures, client_for):
    name, user = appellation_persona
    body = {"reason": "Administrateur commun"}
    if name == "coordinator":
        body["structure"] = voter_structures[1].slug
    expected = expect(201, 403, 201, 404)[name]
    with nothing_written(unless=expected == 201):
        response = call(client_for(user), "post", f"{BASE}/requests/{world['request'].pk}/conflicts", body)
    assert response.status_code == expected, response.json()
    if name == "coordinator":
        assert Conflict.objects.get().source == "recorded"
    elif name == "voter":
        assert Conflict.objects.get().source == "declared"
        with nothing_written():
            refused = call(client_for(user), "post", f"{BASE}/requests/{world['request'].pk}/votes", {"choice": "for"})
        assert refused.status_code == 403


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_opening_a_session_is_for_the_coordinator(appellation_persona, submitted, voters, client_for):
    name, user = appellation_persona
    body = {
        "held_on": "2026-06-30",
        "deadline": (timezone.now() + datetime.timedelta(days=7)).isoformat(),
        "requests": [submitted.pk],
    }
    with nothing_written(unless=name == "coordinator"):
        response = call(client_for(user), "post", f"{BASE}/sessions", body)
    assert response.status_code == expect(201, 403, 403, 403)[name], response.json()
    if name == "coordinator":
        assert {v["slug"] for v in response.json()["voters"]} == {"labellisee-a", "labellisee-b", "labellisee-c"}
    assert CommitteeSession.objects.count() == (1 if name == "coordinator" else 0)


def test_a_session_with_a_past_deadline_or_a_draft_is_refused_with_the_field_named(draft, coordinator, client_for):
    body = {"held_on": "2026-06-30", "deadline": "2020-01-01T10:00:00+01:00", "requests": [draft.pk]}
    with nothing_written():
        response = call(client_for(coordinator), "post", f"{BASE}/sessions", body)
    assert response.status_code == 422
    assert {e["loc"][-1] for e in response.json()["detail"]} == {"deadline"}
    body["deadline"] = (timezone.now() + datetime.timedelta(days=3)).isoformat()
    with nothing_written():
        response = call(client_for(coordinator), "post", f"{BASE}/sessions", body)
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "requests"]


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_closing_a_session_is_for_the_coordinator_and_twice_changes_nothing(
    appellation_persona, world, voters, client_for
):
    for user in voters:
        services.cast_vote(world["request"], by=user, choice="for")
    name, user = appellation_persona
    url = f"{BASE}/sessions/{world['session'].pk}/close"
    with nothing_written(unless=name == "coordinator"):
        first = call(client_for(user), "post", url)
    assert first.status_code == expect(200, 404, 403, 404)[name]
    if name == "coordinator":
        assert first.json()["already_closed"] is False
        with nothing_written():
            second = call(client_for(user), "post", url)
        assert second.status_code == 200 and second.json()["already_closed"] is True


@pytest.mark.parametrize("appellation_persona", R, indirect=True)
def test_withdrawing_is_for_the_applicant_admin(appellation_persona, world, client_for):
    name, user = appellation_persona
    with nothing_written(unless=name == "applicant"):
        response = call(client_for(user), "post", f"{BASE}/requests/{world['request'].pk}/withdraw", {"reason": "x"})
    assert response.status_code == expect(403, 200, 403, 404)[name]
    world["request"].refresh_from_db()
    assert (world["request"].status == RequestStatus.WITHDRAWN) == (name == "applicant")


def test_the_coordinator_reads_named_votes_and_the_applicant_only_the_tally_and_comments(
    world, voters, coordinator, member, client_for
):
    services.cast_vote(world["request"], by=voters[0], choice="for", comment="Très convaincant")
    services.cast_vote(world["request"], by=voters[1], choice="abstain")
    url = f"{BASE}/requests/{world['request'].pk}"
    during = call(client_for(member), "get", url).json()["examinations"][0]
    assert during["tally"] is None and during["votes"] is None and during["comments"] is None
    services.close_session(world["session"], by=coordinator)
    coordinator_view = call(client_for(coordinator), "get", url).json()["examinations"][0]
    assert [v["structure"]["slug"] for v in coordinator_view["votes"]] == ["labellisee-a", "labellisee-b"]
    applicant_view = call(client_for(member), "get", url).json()["examinations"][0]
    assert applicant_view["votes"] is None and applicant_view["comments"] == ["Très convaincant"]
    assert applicant_view["tally"]["votes_for"] == 1 and applicant_view["outcome"] == "granted"
    voter_view = call(client_for(voters[2]), "get", url).json()["examinations"][0]
    assert voter_view["tally"]["votes_for"] == 1 and voter_view["comments"] is None and voter_view["votes"] is None


def test_lists_are_paginated(coordinator, client_for, db):
    from tests.factories import StructureFactory

    for _ in range(5):
        AppellationRequest.objects.create(structure=StructureFactory(), status=RequestStatus.SUBMITTED)
    body = call(client_for(coordinator), "get", f"{BASE}/requests?page=2&page_size=2").json()
    assert (body["count"], body["page"], len(body["results"])) == (5, 2, 2)
    assert body["next"] and body["previous"]
    assert call(client_for(coordinator), "get", f"{BASE}/requests?page_size=500").status_code == 422


def test_a_bearer_token_works_for_scripts(world, voter, client):
    _token, raw = ApiToken.issue(voter, "script")
    response = client.post(
        f"{BASE}/requests/{world['request'].pk}/votes",
        data=json.dumps({"choice": "abstain"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 200 and Vote.objects.get().cast_by == voter


def test_a_malformed_body_is_a_json_error_not_a_500(world, voter, client_for):
    with nothing_written():
        response = client_for(voter).post(
            f"{BASE}/requests/{world['request'].pk}/votes", data="{not json", content_type="application/json"
        )
    assert response.status_code in (400, 422) and "detail" in response.json()
