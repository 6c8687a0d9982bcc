"""The index follows the data: saves, deletions, rights changes, and a full rebuild."""

from django.core.management import call_command

from fabrique.method.enums import Stage
from fabrique.search.models import SearchDocument
from fabrique.search.query import SearchRequest, search
from fabrique.search.visibility import Visibility
from tests.community.factories import NewsPostFactory
from tests.library.factories import ResourceFactory


def titles(user, text):
    return [result.title for result in search(user, SearchRequest(text=text)).results]


def test_an_edit_is_found_at_once_and_the_old_words_are_gone(structure):
    resource = ResourceFactory(title="Tiers-lieu nourricier", author_structure=structure, visibility="public")
    resource.title = "Cantine solidaire"
    resource.save()
    assert titles(None, "cantine") == ["Cantine solidaire"]
    assert titles(None, "nourricier") == []


def test_a_deleted_object_leaves_the_index(structure):
    resource = ResourceFactory(title="Ressourcerie", author_structure=structure, visibility="public")
    resource.delete()
    assert titles(None, "ressourcerie") == []
    assert not SearchDocument.objects.filter(type="resource").exists()


def test_narrowing_the_visibility_hides_the_resource_at_once(structure, other_member):
    resource = ResourceFactory(title="Fiche partagée", author_structure=structure, visibility=Visibility.NETWORK)
    assert titles(other_member, "fiche") == ["Fiche partagée"]
    resource.visibility = Visibility.STRUCTURE
    resource.save()
    assert titles(other_member, "fiche") == []


def test_a_project_becomes_public_only_when_created_and_flagged(confidential_project):
    confidential_project.is_public = True
    confidential_project.save()
    assert titles(None, "conciergerie") == []  # flagged public, but not created yet
    confidential_project.stage = Stage.CREATED  # what the stage service saves at the end of the method
    confidential_project.save(update_fields=["stage"])
    assert titles(None, "conciergerie") == ["Conciergerie confidentielle des Capucins"]


def test_a_news_post_scheduled_for_later_is_found_from_its_day(db):
    import datetime

    NewsPostFactory(title="Annonce programmée", published_on=datetime.date.today() + datetime.timedelta(days=2))
    assert titles(None, "annonce") == []


def test_the_rebuild_command_restores_a_lost_index(structure, confidential_project):
    ResourceFactory(title="Guide du réemploi", author_structure=structure, visibility="public")
    SearchDocument.objects.all().delete()
    assert titles(None, "reemploi") == []
    call_command("search_reindex", verbosity=0)
    assert titles(None, "réemploi") == ["Guide du réemploi"]
    assert SearchDocument.objects.filter(type="project").count() == 1
