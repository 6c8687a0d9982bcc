"""Figures are cached, and a change of the data behind them shows at once."""

from fabrique.method.models import Need
from tests.method.factories import NeedFactory


def test_a_new_need_shows_at_once_on_a_cached_dashboard(network, client):
    assert client.get("/api/v1/indicators?year=2025").json()["needs"]["total"] == 3
    need = NeedFactory(structure=network.a, detected_on="2025-07-01")
    assert client.get("/api/v1/indicators?year=2025").json()["needs"]["total"] == 4
    need.delete()
    assert client.get("/api/v1/indicators?year=2025").json()["needs"]["total"] == 3


def test_a_repeated_dashboard_is_served_from_the_cache(network, client, django_assert_max_num_queries):
    client.get("/indicateurs/?annee=2025")
    with django_assert_max_num_queries(4):
        assert client.get("/indicateurs/?annee=2025").status_code == 200


def test_caching_can_be_turned_off(network, client, settings):
    settings.REPORTING_CACHE_SECONDS = 0
    client.get("/api/v1/indicators?year=2025")
    Need.objects.filter(detected_on__year=2025).update(theme="food")  # no signal: only uncached figures see it
    body = client.get("/api/v1/indicators?year=2025").json()
    assert {c["code"]: c["count"] for c in body["needs"]["by_theme"]}["food"] == 3
