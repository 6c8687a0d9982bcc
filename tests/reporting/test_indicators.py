"""Every figure of 2025 on the hand-built network, computed by hand (see handbuilt.py for the data)."""

from decimal import Decimal

from fabrique.method.enums import Stage
from fabrique.reporting import indicators
from fabrique.reporting.flow import conversions
from fabrique.reporting.scope import Scope, network_scope


def test_needs_detected_in_the_year_leave_out_merged_duplicates_and_other_years(network):
    figures = indicators.compute(2025, network_scope())
    assert figures.needs_total == 3
    assert {k: v for k, v in figures.needs_by_source.items() if v} == {"inhabitant": 1, "elected": 1, "company": 1}
    assert {k: v for k, v in figures.needs_by_theme.items() if v} == {"mobility": 1, "food": 1, "health": 1}
    assert sum(figures.needs_by_source.values()) == 3 and len(figures.needs_by_source) == 7


def test_creativity_sessions_and_participants_of_the_year(network):
    figures = indicators.compute(2025, network_scope())
    assert (figures.sessions, figures.session_participants) == (3, 25 + 40 + 12)
    mine = indicators.compute(2025, Scope(structure_id=network.a.pk))
    assert (mine.sessions, mine.session_participants) == (2, 65)


def test_opportunity_studies_launched_completed_and_handovers_come_from_the_stage_log(network):
    figures = indicators.compute(2025, network_scope())
    # entered opportunity in 2025: p1, p2, p3, p6; left it for transmission or abandonment: p1, p2, p6.
    assert (figures.studies_launched, figures.studies_completed, figures.handed_over) == (4, 3, 2)
    mine = indicators.compute(2025, Scope(structure_id=network.a.pk))
    assert (mine.studies_launched, mine.studies_completed, mine.handed_over) == (3, 2, 1)


def test_activities_created_and_jobs_with_the_follow_ups_due_in_the_year(network):
    figures = indicators.compute(2025, network_scope())
    assert figures.activities_created == 1
    assert figures.jobs_created_fte == Decimal("2.5")
    # created in 2024 (p4): due for the 1-year follow-up in 2025, still active with 4 FTE.
    assert figures.followup_1y == indicators.FollowUp(1, due=1, recorded=1, active=1, jobs_fte=Decimal("4"))
    # created in 2022 (p5): due for the 3-year follow-up in 2025, active with 2 FTE.
    assert figures.followup_3y == indicators.FollowUp(3, due=1, recorded=1, active=1, jobs_fte=Decimal("2"))
    b = indicators.compute(2025, Scope(structure_id=network.b.pk))
    assert (b.activities_created, b.jobs_created_fte) == (0, Decimal("0"))


def test_partners_active_in_the_year_by_kind_and_new_ones(network):
    figures = indicators.compute(2025, network_scope())
    assert figures.partners_total == 3  # the departmental council counts once for the network
    assert {k: v for k, v in figures.partners_by_kind.items() if v} == {
        "local_authority": 1,
        "funder": 1,
        "association": 1,
    }
    assert figures.partners_new == 1  # the foundation; the council has worked with A since 2020
    b = indicators.compute(2025, Scope(structure_id=network.b.pk))
    assert (b.partners_total, b.partners_new) == (2, 1)  # for B, the council is new in 2025


def test_median_days_in_each_stage_count_the_stays_that_ended_in_the_year(network):
    days = indicators.compute(2025, network_scope()).stage_days
    # detection: 101 (p1), 30 (p2), 60 (p3), 30 (p6) → median of 30, 30, 60, 101 = 45
    assert (days[Stage.DETECTION].median_days, days[Stage.DETECTION].stays) == (Decimal("45.0"), 4)
    # opportunity: 90 (p1), 60 (p2), 150 (p6) → 90
    assert (days[Stage.OPPORTUNITY].median_days, days[Stage.OPPORTUNITY].stays) == (Decimal("90.0"), 3)
    for stage in (Stage.TRANSMISSION, Stage.FEASIBILITY, Stage.LAUNCH):
        assert (days[stage].median_days, days[stage].stays) == (Decimal("60.0"), 1)
    assert (days[Stage.PAUSED].median_days, days[Stage.PAUSED].stays) == (None, 0)


def test_funnel_of_the_projects_detected_in_the_year_and_conversion_between_stages(network):
    figures = indicators.compute(2025, network_scope())
    # detected in 2025: p2, p3, p6; all reached opportunity, only p6 transmission.
    assert [(step.stage, step.reached) for step in figures.funnel] == [
        ("detection", 3),
        ("opportunity", 3),
        ("transmission", 1),
        ("feasibility", 0),
        ("launch", 0),
        ("created", 0),
    ]
    assert [c.rate for c in conversions(figures.funnel)] == [
        Decimal("100.0"),
        Decimal("33.3"),
        Decimal("0.0"),
        None,
        None,
    ]


def test_projects_by_current_stage(network):
    counts = indicators.compute(2025, network_scope()).projects_by_stage
    assert {k: v for k, v in counts.items() if v} == {"created": 3, "abandoned": 1, "opportunity": 1, "transmission": 1}


def test_region_figures_place_needs_and_projects_by_their_own_departement(network):
    bfc = indicators.compute(2025, Scope(region="27"))
    assert bfc.needs_total == 1
    assert bfc.studies_launched == 2  # p6, and p3 which spans Finistère and Côte-d'Or
    assert bfc.partners_total == 2
    brittany = indicators.compute(2025, Scope(region="53"))
    assert (brittany.needs_total, brittany.studies_launched, brittany.activities_created) == (2, 3, 1)


def test_territory_figures_cover_a_set_of_departements(network):
    finistere = indicators.compute(2025, Scope(departements=frozenset({"29"})))
    assert (finistere.needs_total, finistere.sessions, finistere.studies_launched) == (2, 2, 3)


def test_figures_by_year_group_each_indicator_in_one_query(network, django_assert_num_queries):
    with django_assert_num_queries(5):
        series = {s.code: s.values for s in indicators.by_year(network_scope(), [2021, 2022, 2023, 2024, 2025])}
    assert series["needs_total"] == {2021: 0, 2022: 0, 2023: 0, 2024: 1, 2025: 3}
    assert series["sessions"][2024] == 1 and series["sessions"][2025] == 3
    assert series["studies_launched"] == {2021: 1, 2022: 1, 2023: 0, 2024: 0, 2025: 4}
    assert series["activities_created"] == {2021: 0, 2022: 1, 2023: 0, 2024: 1, 2025: 1}
    assert series["jobs_created_fte"][2024] == Decimal("3")


def test_created_activities_by_departement(network):
    assert indicators.activities_by_departement(None, network_scope()) == {"29": 1, "21": 2}
    assert indicators.activities_by_departement(2025, network_scope()) == {"29": 1}
    assert indicators.activities_by_departement(None, network_scope(), public_only=True) == {"29": 1, "21": 1}


def test_computing_the_indicators_costs_a_fixed_number_of_queries(network, django_assert_num_queries):
    with django_assert_num_queries(9):
        indicators.compute(2025, Scope(structure_id=network.a.pk))
