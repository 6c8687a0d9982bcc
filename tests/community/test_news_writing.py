"""Writing the news in the site: the coordination drafts, previews, publishes or schedules, edits (version
checked) and withdraws a post; nobody else does."""

import datetime
import html

import pytest
from django.utils import timezone

from fabrique.community.models import NewsPost
from fabrique.community.services import news
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES
from tests.snapshots import assert_unchanged, models_of

from .factories import NewsPostFactory

TODAY = timezone.localdate


def _form(**overrides) -> dict:
    data = {
        "title": "Neuf nouvelles structures",
        "summary": "Le comité de pairs a validé neuf demandes.",
        "body": "## Les structures\n\n**TAg29** rejoint le réseau.",
        "visibility": Visibility.PUBLIC,
        "published_on": TODAY().isoformat(),
        "source_url": "",
    }
    return data | overrides


def _text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_the_coordinator_writes_edits_and_withdraws_news(persona, client_for):
    name, user = persona
    post = NewsPostFactory(visibility=Visibility.PUBLIC)
    client = client_for(user)
    expected = {"coordinator": 200, "member": 403, "other_member": 403, "anonymous": 302}[name]
    for url in ("/actualites/nouvelle/", f"/actualites/{post.slug}/modifier/", f"/actualites/{post.slug}/retirer/"):
        assert client.get(url).status_code == expected, url
    with assert_unchanged(*models_of("community"), unless=name == "coordinator"):
        response = client.post("/actualites/nouvelle/", _form())
    assert response.status_code == (302 if name == "coordinator" else expected)
    assert NewsPost.objects.count() == (2 if name == "coordinator" else 1)
    link = "Rédiger une actualité" in _text(client.get("/actualites/"))
    assert link == (name == "coordinator")


def test_a_member_cannot_even_see_that_a_draft_can_be_edited(member, client_for):
    draft = NewsPostFactory(published_on=None)
    assert client_for(member).get(f"/actualites/{draft.slug}/modifier/").status_code == 404


def test_the_coordinator_publishes_a_post_that_everyone_reads(coordinator, client_for, client):
    response = client_for(coordinator).post("/actualites/nouvelle/", _form())
    post = NewsPost.objects.get()
    assert response["Location"] == f"/actualites/{post.slug}/"
    assert (post.slug, post.author, post.published_on) == ("neuf-nouvelles-structures", coordinator, TODAY())
    page = client.get(f"/actualites/{post.slug}/").content.decode()
    assert "<h3>Les structures</h3>" in page and "<strong>TAg29</strong>" in page
    assert post.history.get().history_user == coordinator


def test_the_body_is_sanitised_as_everywhere_else(coordinator, client_for, client):
    client_for(coordinator).post(
        "/actualites/nouvelle/",
        _form(body='Texte <script>alert(1)</script> [lien](javascript:alert(1)) <b onclick="x">'),
    )
    page = client.get(f"/actualites/{NewsPost.objects.get().slug}/").content.decode()
    assert "<script>alert" not in page and "javascript:" not in page and "onclick" not in page


def test_a_post_dated_later_is_scheduled_and_invisible_until_then(coordinator, member, client_for):
    later = TODAY() + datetime.timedelta(days=3)
    response = client_for(coordinator).post("/actualites/nouvelle/", _form(published_on=later.isoformat()))
    post = NewsPost.objects.get()
    assert post.published_on == later
    assert "Programmée pour le" in _text(client_for(coordinator).get(response["Location"]))
    assert client_for(member).get(f"/actualites/{post.slug}/").status_code == 404
    assert post.title not in _text(client_for(member).get("/actualites/"))
    assert post.title in _text(client_for(coordinator).get("/actualites/"))


def test_a_publication_date_in_the_past_is_refused_naming_the_field(coordinator, client_for):
    yesterday = TODAY() - datetime.timedelta(days=1)
    response = client_for(coordinator).post("/actualites/nouvelle/", _form(published_on=yesterday.isoformat()))
    assert response.status_code == 200
    page = _text(response)
    assert 'href="#id_published_on">Publiée le</a>' in page and "aujourd'hui ou plus tard" in page
    assert not NewsPost.objects.exists()


def test_an_empty_title_or_body_is_refused_naming_the_fields(coordinator, client_for):
    response = client_for(coordinator).post("/actualites/nouvelle/", _form(title="", body=""))
    page = _text(response)
    assert 'href="#id_title">Titre</a>' in page and 'href="#id_body">Texte</a>' in page
    assert not NewsPost.objects.exists()


def test_an_empty_date_keeps_the_post_as_a_draft(coordinator, client_for, client):
    client_for(coordinator).post("/actualites/nouvelle/", _form(published_on=""))
    post = NewsPost.objects.get()
    assert post.published_on is None
    assert client.get(f"/actualites/{post.slug}/").status_code == 404


def test_the_preview_renders_the_markdown_and_saves_nothing(coordinator, client_for):
    response = client_for(coordinator).post("/actualites/nouvelle/", _form(preview="1"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Aperçu" in page and "<strong>TAg29</strong>" in page
    assert 'value="Neuf nouvelles structures"' in page
    assert not NewsPost.objects.exists()


def test_editing_keeps_the_slug_and_the_history(coordinator, client_for):
    post = NewsPostFactory(title="Ancien titre", slug="ancien-titre")
    response = client_for(coordinator).post(
        f"/actualites/{post.slug}/modifier/",
        _form(title="Nouveau titre", published_on=post.published_on.isoformat(), version=post.version),
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.title, post.slug, post.version) == ("Nouveau titre", "ancien-titre", 2)
    assert [h.title for h in post.history.order_by("history_date", "history_id")] == ["Ancien titre", "Nouveau titre"]
    assert post.history.first().history_user == coordinator


def test_a_stale_version_is_shown_as_a_form_error_and_nothing_is_overwritten(coordinator, client_for):
    post = NewsPostFactory(title="Titre")
    news.update_news(post, coordinator, {"title": "Modifiée ailleurs"}, expected_version=1)
    response = client_for(coordinator).post(
        f"/actualites/{post.slug}/modifier/",
        _form(title="Ma version", published_on=post.published_on.isoformat(), version=1),
    )
    assert response.status_code == 200
    page = _text(response)
    assert "modifiée par quelqu'un d'autre" in page and "Dernier enregistrement" in page
    post.refresh_from_db()
    assert post.title == "Modifiée ailleurs"


def test_withdrawing_a_post_makes_it_a_draft_kept_in_history(coordinator, member, client_for):
    post = NewsPostFactory(visibility=Visibility.NETWORK)
    client = client_for(coordinator)
    page = _text(client.get(f"/actualites/{post.slug}/retirer/"))
    assert "redevient un brouillon" in page and "Retirer l'actualité" in page
    assert client.post(f"/actualites/{post.slug}/retirer/", {"version": post.version}).status_code == 302
    post.refresh_from_db()
    assert post.published_on is None and post.version == 2
    assert post.history.count() == 2 and post.history.first().history_user == coordinator
    assert client_for(member).get(f"/actualites/{post.slug}/").status_code == 404
    assert client.get(f"/actualites/{post.slug}/retirer/").status_code == 302  # nothing left to withdraw


def test_a_past_date_already_given_is_kept_on_edit(coordinator):
    post = NewsPostFactory(published_on=TODAY() - datetime.timedelta(days=30))
    news.update_news(post, coordinator, {"title": "Corrigée", "published_on": post.published_on}, 1)
    assert post.title == "Corrigée"


def test_slugs_are_unique_and_never_take_the_writing_address(coordinator):
    first = news.create_news(coordinator, {"title": "Nouvelle", "body": "x", "published_on": None})
    second = news.create_news(coordinator, {"title": "Nouvelle", "body": "x", "published_on": None})
    assert first.slug != "nouvelle" and first.slug != second.slug


def test_a_published_post_is_found_and_a_withdrawn_one_leaves_the_search(coordinator):
    from fabrique.search.query import SearchRequest, search

    def found():
        return [result.title for result in search(None, SearchRequest(text="covoiturage")).results]

    post = news.create_news(coordinator, {"title": "Covoiturage rural", "body": "x", "published_on": TODAY()})
    assert found() == ["Covoiturage rural"]
    news.unpublish_news(post, coordinator, expected_version=1)
    assert found() == []
