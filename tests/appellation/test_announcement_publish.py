"""Publishing the announcement of a granted appellation as a news post: the coordinator only, once."""

import html

import pytest
from django.urls import reverse
from django.utils import timezone

from fabrique.appellation import services
from fabrique.appellation.models import AnnouncementDraft
from fabrique.community.models import NewsPost
from fabrique.core.exceptions import DomainError
from tests.snapshots import assert_unchanged, models_of

from .conftest import APPELLATION_ROLES


@pytest.fixture
def announcement(session, submitted, voters, coordinator):
    for user in voters:
        services.cast_vote(submitted, by=user, choice="for")
    services.close_session(session, by=coordinator)
    return AnnouncementDraft.objects.get(session=session)


def _url(draft) -> str:
    return reverse("appellation:announcement_publish", args=[draft.pk])


def _form(draft, **overrides) -> dict:
    data = {
        "title": draft.title,
        "summary": "Le comité de pairs a accordé l'appellation.",
        "body": draft.body,
        "visibility": "public",
        "published_on": timezone.localdate().isoformat(),
        "source_url": "",
        "version": draft.version,
    }
    return data | overrides


def _text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("appellation_persona", APPELLATION_ROLES, indirect=True)
def test_only_the_coordinator_publishes_the_announcement(appellation_persona, announcement, client_for):
    name, user = appellation_persona
    client = client_for(user)
    expected = {"coordinator": 200, "anonymous": 302}.get(name, 403)
    assert client.get(_url(announcement)).status_code == expected
    with assert_unchanged(*models_of("appellation"), *models_of("community"), unless=name == "coordinator"):
        response = client.post(_url(announcement), _form(announcement))
    assert response.status_code == (302 if name in {"coordinator", "anonymous"} else 403)
    announcement.refresh_from_db()
    assert (announcement.news_post is not None) == (name == "coordinator")
    assert NewsPost.objects.count() == (1 if name == "coordinator" else 0)


def test_the_form_is_prefilled_from_the_draft(announcement, coordinator, client_for):
    page = _text(client_for(coordinator).get(_url(announcement)))
    assert f'value="{announcement.title}"' in page
    assert "**TAg Test**" in page and "Publier l'actualité" in page and "Prévisualiser" in page


def test_publishing_creates_the_post_through_the_news_service_and_records_it(
    announcement, coordinator, client_for, client
):
    response = client_for(coordinator).post(_url(announcement), _form(announcement, title="Bienvenue à TAg Test"))
    post = NewsPost.objects.get()
    assert response["Location"] == post.get_absolute_url()
    assert (post.title, post.author, post.published_on) == ("Bienvenue à TAg Test", coordinator, timezone.localdate())
    assert post.slug == "bienvenue-a-tag-test" and "**TAg Test**" in post.body
    announcement.refresh_from_db()
    assert announcement.news_post == post and announcement.version == 2
    assert announcement.history.first().news_post_id == post.pk
    assert "Bienvenue à TAg Test" in _text(client.get(post.get_absolute_url()))


def test_the_announcement_is_published_only_once(announcement, coordinator, client_for):
    client = client_for(coordinator)
    client.post(_url(announcement), _form(announcement))
    post = NewsPost.objects.get()
    again = client.post(_url(announcement), _form(announcement, version=2))
    assert again.status_code == 302 and again["Location"] == post.get_absolute_url()
    assert client.get(_url(announcement))["Location"] == post.get_absolute_url()
    assert NewsPost.objects.count() == 1
    with pytest.raises(DomainError, match="déjà publié"):
        services.publish_announcement(announcement, by=coordinator, data=_data(announcement), expected_version=2)
    page = _text(client.get(announcement.get_absolute_url()))
    assert "Voir l'actualité" in page and post.get_absolute_url() in page and _url(announcement) not in page
    listing = _text(client.get(reverse("appellation:announcement_list")))
    assert "publié comme actualité" in listing


def _data(draft) -> dict:
    return {"title": draft.title, "body": draft.body, "published_on": timezone.localdate()}


def test_a_published_draft_is_no_longer_edited(announcement, coordinator):
    services.publish_announcement(announcement, by=coordinator, data=_data(announcement), expected_version=1)
    with pytest.raises(DomainError, match="déjà publié"):
        services.update_announcement(announcement, by=coordinator, title="x", body="y", expected_version=2)


def test_the_draft_page_offers_to_publish_it(announcement, coordinator, client_for):
    page = _text(client_for(coordinator).get(announcement.get_absolute_url()))
    assert "Publier comme actualité" in page and _url(announcement) in page


@pytest.mark.parametrize(
    ("field", "label", "value"), [("title", "Titre", ""), ("published_on", "Publiée le", "2001-01-01")]
)
def test_a_bad_field_publishes_nothing_and_names_the_field(announcement, coordinator, client_for, field, label, value):
    response = client_for(coordinator).post(_url(announcement), _form(announcement, **{field: value}))
    assert response.status_code == 200
    assert f'href="#id_{field}">{label}</a>' in _text(response)
    announcement.refresh_from_db()
    assert announcement.news_post is None and not NewsPost.objects.exists()


def test_a_stale_draft_version_publishes_nothing(announcement, coordinator, client_for):
    services.update_announcement(announcement, by=coordinator, title="Revu", body="Texte revu", expected_version=1)
    response = client_for(coordinator).post(_url(announcement), _form(announcement, version=1))
    assert response.status_code == 200 and "modifiée par quelqu'un d'autre" in _text(response)
    assert not NewsPost.objects.exists()


def test_the_preview_publishes_nothing(announcement, coordinator, client_for):
    response = client_for(coordinator).post(_url(announcement), _form(announcement, preview="1"))
    assert response.status_code == 200 and "<strong>TAg Test</strong>" in response.content.decode()
    assert not NewsPost.objects.exists()
