"""The appellation's demo: the 2020 committee that granted the nine structures, and an open session to vote in."""

from django.http import HttpRequest
from django.urls import reverse

from fabrique.appellation.demo import load_appellation_demo
from fabrique.appellation.enums import Outcome, SessionStatus
from fabrique.appellation.models import AgendaItem, AnnouncementDraft, CommitteeSession, Vote
from fabrique.core.demo_support import DEMO_PASSWORD
from fabrique.demo import seed
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure


def test_the_loader_is_registered_with_the_demo_and_a_second_run_changes_nothing(shared_demo):
    assert load_appellation_demo in seed.loaders()
    assert not seed.load_all().changed
    assert not load_appellation_demo().changed


def test_the_closed_session_granted_the_nine_structures_of_the_article(shared_demo):
    closed = CommitteeSession.objects.get(status=SessionStatus.CLOSED)
    items = AgendaItem.objects.filter(session=closed).select_related("request__structure")
    assert {i.request.structure.slug for i in items} == {
        "active",
        "cluster-jura",
        "fdfr-yonne",
        "france-active-bourgogne",
        "pes21",
        "tag22",
        "tag29",
        "france-active-alsace",
        "france-active-nouvelle-aquitaine",
    }
    assert {i.outcome for i in items} == {Outcome.GRANTED} and all(i.quorum_reached for i in items)
    voters = set(closed.voters.values_list("slug", flat=True))
    assert "france-active-franche-comte" in voters and len(voters) == 4
    fictitious = Structure.objects.filter(slug__in=voters - {"france-active-franche-comte"})
    assert all("fictive" in s.name for s in fictitious)
    # France Active Franche-Comté shares the Générateur with Clus'Ter Jura: in conflict, it did not vote there.
    cluster = items.get(request__structure__slug="cluster-jura")
    assert cluster.conflicted_count == 1
    assert not Vote.objects.filter(item=cluster, structure__slug="france-active-franche-comte").exists()
    draft = AnnouncementDraft.objects.get(session=closed)
    assert draft.title == "9 nouvelles structures rejoignent la Fabrique à initiatives"
    assert "TAg29" in draft.body and "Pays Lédonien" in draft.body


def test_a_visitor_votes_in_the_open_session_with_a_demo_login_and_a_colleague_is_refused(shared_demo, client):
    session = CommitteeSession.objects.get(status=SessionStatus.OPEN)
    request = session.items.get().request
    assert request.structure.status == StructureStatus.EXPERIMENTING and "fictive" in request.structure.name
    client.login(request=HttpRequest(), username="tag29@example.org", password=DEMO_PASSWORD)
    assert "Fabrique des Deux Rives" in client.get(reverse("appellation:ballot")).content.decode()
    client.post(reverse("appellation:vote", args=[request.pk]), {"choice": "for", "comment": "Bienvenue"})
    assert Vote.objects.filter(item__session=session, structure__slug="tag29").exists()
    client.logout()
    client.login(request=HttpRequest(), username="initiatives-littoral@example.org", password=DEMO_PASSWORD)
    page = client.get(reverse("appellation:ballot")).content.decode()
    assert "Conflit d&#x27;intérêts" in page or "Conflit d'intérêts" in page
    response = client.post(reverse("appellation:vote", args=[request.pk]), {"choice": "for"})
    assert response.status_code == 403
