"""On the demo data, the indicators and dashboards are not empty."""

from fabrique.reporting import indicators
from fabrique.reporting.scope import network_scope
from fabrique.reporting.selection import latest_data_year


def test_the_demo_network_has_figures_in_the_current_and_past_years(shared_demo, client):
    year = latest_data_year()
    series = {s.code: s.values for s in indicators.by_year(network_scope(), list(range(year - 5, year + 1)))}
    for code in ("needs_total", "sessions", "studies_launched", "activities_created", "jobs_created_fte"):
        assert any(series[code].values()), (code, series)
    figures = indicators.compute(year, network_scope())
    assert figures.partners_total > 0
    assert figures.activities_created + figures.studies_launched + figures.needs_total + figures.sessions > 0
    assert sum(figures.projects_by_stage.values()) > 0
    html = client.get("/indicateurs/").content.decode()
    assert f'<option value="{year}" selected>' in html
