"""Déjà fait ailleurs on the demo network (loaded once for the module): the Conciergerie d'Ampère is found."""

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import Stage
from fabrique.method.models import Project
from fabrique.search.similarity import similar_activities
from tests.method.factories import NeedFactory


def test_a_neighbourhood_concierge_need_finds_the_conciergerie_d_ampere_first(shared_demo, client_for):
    from fabrique.accounts.models import User
    from fabrique.network.models import Structure

    tag29 = Structure.objects.get(slug="tag29")
    user = User.objects.get(email="tag29@example.org")
    need = NeedFactory(
        structure=tag29, title="Conciergerie solidaire pour un quartier", theme=Theme.LOCAL_SERVICES, description=""
    )
    activities = similar_activities(user, need)
    assert 1 <= len(activities) <= 5
    first = activities[0]
    assert first.title == "Conciergerie d'Ampère"
    assert first.document.structure.slug == "france-active-alsace"
    assert {"Conciergerie", "solidaire", "quartier"} <= set(first.matched_words)
    assert first.same_theme
    ampere = Project.objects.get(title="Conciergerie d'Ampère")
    assert first.url == ampere.get_public_url()
    assert first.notebook_url == "/bibliotheque/carnet-conciergerie-d-ampere-fictif/"
    assert all(activity.document.category == Stage.CREATED for activity in activities)
    assert all(activity.document.structure_id != tag29.pk for activity in activities)

    response = client_for(user).get(f"/api/v1/needs/{need.pk}/similar")
    assert response.status_code == 200
    assert response.json()[0]["title"] == "Conciergerie d'Ampère"
    page = client_for(user).get(f"/methode/besoins/{need.pk}/").content.decode()
    assert "Déjà fait ailleurs" in page and "Conciergerie d&#x27;Ampère" in page


def test_the_similar_activities_of_a_project_come_from_other_structures(shared_demo, client_for):
    from fabrique.accounts.models import User

    ampere = Project.objects.get(title="Conciergerie d'Ampère")
    coordinator = User.objects.get(email="coordination@example.org")
    response = client_for(coordinator).get(f"/api/v1/projects/{ampere.pk}/similar")
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()]
    assert "Conciergerie d'Ampère" not in titles
    assert len(titles) <= 5
