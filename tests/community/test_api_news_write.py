"""POST /api/v1/news and PATCH /api/v1/news/{slug}: the coordination writes; the refusals as JSON."""

import datetime

import pytest
from django.utils import timezone

from fabrique.community.models import NewsPost
from fabrique.community.services import news
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES
from tests.snapshots import assert_unchanged, models_of

from .factories import NewsPostFactory

BODY = {"title": "Rencontre nationale 2027", "body": "Le **programme**.", "published_on": None}


def _post(client, body):
    return client.post("/api/v1/news", body, content_type="application/json")


def _patch(client, post, body):
    return client.patch(f"/api/v1/news/{post.slug}", body, content_type="application/json")


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_who_writes_a_post_through_the_api(persona, client_for):
    name, user = persona
    expected = {"coordinator": 201, "member": 403, "other_member": 403, "anonymous": 401}[name]
    with assert_unchanged(*models_of("community"), unless=expected == 201):
        response = _post(client_for(user), BODY)
    assert response.status_code == expected
    assert NewsPost.objects.exists() == (expected == 201)
    body = response.json()
    if expected == 201:
        assert body["slug"] == "rencontre-nationale-2027" and body["published_on"] is None
        assert body["body_html"] == "<p>Le <strong>programme</strong>.</p>"
        assert body["version"] == 1 and body["abilities"]["change"] is True
    else:
        assert isinstance(body["detail"], str)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("visibility", [Visibility.PUBLIC, Visibility.NETWORK])
def test_who_edits_a_post_through_the_api(persona, visibility, client_for):
    name, user = persona
    post = NewsPostFactory(visibility=visibility, slug="rencontre")
    expected = {"coordinator": 200, "member": 403, "other_member": 403, "anonymous": 401}[name]
    if name == "anonymous" and visibility == Visibility.NETWORK:
        expected = 404  # the anonymous caller does not read it
    with assert_unchanged(*models_of("community"), unless=expected == 200):
        response = _patch(client_for(user), post, {"title": "Changé", "version": 1})
    assert response.status_code == expected
    post.refresh_from_db()
    assert (post.title == "Changé") == (expected == 200)
    if expected == 200:
        assert response.json()["slug"] == "rencontre" and response.json()["version"] == 2


def test_a_draft_is_not_found_by_other_members(member, client_for):
    draft = NewsPostFactory(published_on=None)
    with assert_unchanged(*models_of("community")):
        assert _patch(client_for(member), draft, {"title": "x", "version": 1}).status_code == 404


def test_a_stale_version_is_a_409_and_nothing_is_saved(coordinator, client_for):
    post = NewsPostFactory(title="Titre")
    news.update_news(post, coordinator, {"title": "Ailleurs"}, expected_version=1)
    with assert_unchanged(*models_of("community")):
        response = _patch(client_for(coordinator), post, {"title": "Moi", "version": 1})
    assert response.status_code == 409 and "modifiée par quelqu'un d'autre" in response.json()["detail"]


def test_a_null_publication_date_withdraws_the_post(coordinator, client_for, client):
    post = NewsPostFactory()
    response = _patch(client_for(coordinator), post, {"published_on": None, "version": 1})
    assert response.status_code == 200 and response.json()["published_on"] is None
    assert client.get(f"/api/v1/news/{post.slug}").status_code == 404
    assert post.history.count() == 2


def test_a_post_scheduled_for_later_is_not_listed_before_its_day(coordinator, member, client_for):
    later = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    assert _post(client_for(coordinator), BODY | {"published_on": later}).status_code == 201
    assert client_for(member).get("/api/v1/news").json()["results"] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (BODY | {"title": "  "}, "title"),
        (BODY | {"title": "x" * 201}, "title"),
        (BODY | {"body": ""}, "body"),
        (BODY | {"visibility": "structure"}, "visibility"),
        (BODY | {"published_on": "2001-01-01"}, "published_on"),
        (BODY | {"published_on": "demain"}, "published_on"),
        (BODY | {"source_url": "pas une adresse"}, "source_url"),
        (BODY | {"slug": "choisi"}, "slug"),
        ({"body": "x", "published_on": None}, "title"),
    ],
)
def test_a_bad_body_is_a_422_naming_the_field(coordinator, client_for, body, field):
    with assert_unchanged(*models_of("community")):
        response = _post(client_for(coordinator), body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": None, "version": 1}, "title"),
        ({"title": "x"}, "version"),
        ({"published_on": "2001-01-01", "version": 1}, "published_on"),
        ({"slug": "autre", "version": 1}, "slug"),
    ],
)
def test_a_bad_patch_is_a_422_naming_the_field(coordinator, client_for, body, field):
    post = NewsPostFactory(title="Titre")
    with assert_unchanged(*models_of("community")):
        response = _patch(client_for(coordinator), post, body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]


def test_the_openapi_schema_describes_the_write_endpoints(client, db):  # each request checks the database first
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/news"]) == {"get", "post"}
    assert set(paths["/api/v1/news/{slug}"]) == {"get", "patch"}
