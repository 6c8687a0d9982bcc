"""The demo data of network life and the library: the article as a news post, events, resources."""

from django.utils import timezone

from fabrique.community import models as community
from fabrique.community.enums import RegistrationStatus
from fabrique.demo import seed
from fabrique.library.enums import ResourceKind
from fabrique.library.models import Resource, ResourceFile
from fabrique.search.query import SearchRequest, search


def test_the_article_is_a_public_news_post_citing_the_four_testimonials(shared_demo, client):
    post = community.NewsPost.objects.get(title="9 nouvelles structures rejoignent la Fabrique à initiatives")
    assert post.visibility == "public" and post.is_published()
    assert community.Testimonial.objects.count() == 4  # linked, not copied
    assert set(post.testimonials.values_list("person", flat=True)) == {
        "Véronique Faurie",
        "Mathilde Lebreton",
        "Sindy Quéré",
        "Maï-Lys Regad",
    }
    assert "Le Générateur BFC" in post.body and "Conciergerie d’Ampère" in post.body
    assert "9 nouvelles structures" in client.get("/actualites/atom.xml").content.decode()


def test_events_past_and_upcoming_with_a_waiting_list_and_attendance(shared_demo):
    now = timezone.now()
    assert community.Event.objects.past(now).count() >= 2 and community.Event.objects.upcoming(now).count() >= 2
    assert community.Event.objects.filter(registrations__status=RegistrationStatus.WAITLISTED).exists()
    assert community.Event.objects.past(now).filter(registrations__attended=True).exists()


def test_every_kind_of_resource_is_there_and_invented_ones_say_so(shared_demo):
    assert set(Resource.objects.values_list("kind", flat=True)) == set(ResourceKind.values)
    for resource in Resource.objects.exclude(kind=ResourceKind.PROJECT_NOTEBOOK, author_structure=None):
        if resource.other_authors not in {"Avise", "Le Générateur Bourgogne-Franche-Comté"}:
            assert "(fictif)" in resource.title
    assert ResourceFile.objects.count() >= 3


def test_the_demo_is_searchable_right_away(shared_demo):
    found = search(None, SearchRequest(text="épiceries solidaires"))
    assert "Guide de l'épicerie solidaire en milieu rural (fictif)" in [r.title for r in found.results]


def test_a_second_run_changes_nothing(shared_demo):
    assert not seed.load_all().changed
