"""An imported project goes along the method's table; the stages the file gives no date for are undated rows,
left out of the stage durations and of the year's counts, so an import does not skew them."""

from decimal import Decimal

from fabrique.method.enums import Stage
from fabrique.method.models import Project
from fabrique.reporting import indicators
from fabrique.reporting.flow import median_stage_days
from fabrique.reporting.imports import run_import
from fabrique.reporting.scope import network_scope

PROJECTS_CSV = (
    "Structure;Intitulé;Thème;Départements;Détecté le;Étape;Étape depuis le;"
    "Date de création;Forme juridique de l'activité\r\n"
    "tag-test;Garage solidaire;mobilité;29;01/02/2025;étude d'opportunité;01/06/2025;;\r\n"
    "tag-test;Conciergerie;services de proximité;29;01/02/2025;activité créée;;15/09/2025;SCIC\r\n"
)


def test_the_stages_an_import_went_through_without_dates_count_in_no_duration(structure):
    report = run_import("projects", PROJECTS_CSV.encode(), "projets.csv")
    assert report.ok, report.problems
    conciergerie = Project.objects.get(title="Conciergerie")
    assert [row.dated for row in conciergerie.stage_log.all()] == [True, False, False, False, False, True]
    days = median_stage_days(2025, network_scope())
    # only the garage's stay in detection has both its dates: 1 February → 1 June
    assert (days[Stage.DETECTION].median_days, days[Stage.DETECTION].stays) == (Decimal("120.0"), 1)
    for stage in (Stage.OPPORTUNITY, Stage.TRANSMISSION, Stage.FEASIBILITY, Stage.LAUNCH):
        assert (days[stage].median_days, days[stage].stays) == (None, 0)


def test_an_undated_stage_is_not_counted_in_the_year(structure):
    run_import("projects", PROJECTS_CSV.encode(), "projets.csv")
    figures = indicators.compute(2025, network_scope())
    # the garage entered the opportunity study on 1 June; the conciergerie's passage there has no date
    assert (figures.studies_launched, figures.studies_completed, figures.handed_over) == (1, 0, 0)
    assert [(step.stage, step.reached) for step in figures.funnel][:3] == [
        ("detection", 2),
        ("opportunity", 2),
        ("transmission", 1),
    ]
