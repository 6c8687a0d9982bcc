"""The evidence panel is computed from the data, and degrades to zeros when the method app is missing."""

import datetime
from decimal import Decimal

from django.apps import apps

from fabrique.appellation import evidence
from fabrique.network.enums import PartnerKind
from tests.factories import PartnerFactory, PartnershipFactory

TODAY = datetime.date(2026, 3, 15)


def test_partners_are_grouped_by_kind_with_how_long_they_have_been_there(structure):
    PartnershipFactory(
        structure=structure, partner=PartnerFactory(kind=PartnerKind.FUNDER), since=datetime.date(2023, 3, 15)
    )
    PartnershipFactory(
        structure=structure, partner=PartnerFactory(kind=PartnerKind.FUNDER), since=datetime.date(2025, 9, 15)
    )
    PartnershipFactory(structure=structure, partner=PartnerFactory(kind=PartnerKind.ASSOCIATION), since=None)
    PartnershipFactory(
        structure=structure,
        partner=PartnerFactory(kind=PartnerKind.COMPANY),
        since=datetime.date(2022, 1, 1),
        until=datetime.date(2024, 1, 1),
    )
    figures = evidence.partner_figures(structure, TODAY)
    assert (figures["current"], figures["ended"], figures["kinds"], figures["durable"]) == (3, 1, 2, 1)
    funders = figures["by_kind"][0]
    assert (funders["label"], funders["count"], funders["longest_months"], funders["average_months"]) == (
        "financeur",
        2,
        36,
        21,
    )
    assert figures["by_kind"][1]["longest_months"] is None


def test_time_since_the_experimentation_started_is_counted_in_whole_months(structure):
    panel = evidence.compute_evidence(structure, today=TODAY)
    assert panel["experimenting_since"] == "2023-01-15" and panel["months_experimenting"] == 38
    shown = evidence.for_display(panel)
    assert (shown["years_experimenting"], shown["extra_months"]) == (3, 2)


def test_the_method_figures_come_from_needs_sessions_projects_and_outcomes(structure, other_structure):
    from tests.method.factories import CreativitySessionFactory, NeedFactory, OutcomeFactory, ProjectFactory

    NeedFactory.create_batch(3, structure=structure)
    NeedFactory(structure=structure, status="merged")
    NeedFactory(structure=other_structure)
    CreativitySessionFactory.create_batch(2, structure=structure)
    ProjectFactory(structure=structure, stage="opportunity")
    ProjectFactory(structure=structure, stage="feasibility")
    abandoned = ProjectFactory(structure=structure, stage="abandoned")
    abandoned.stage_log.create(from_status="detection", to_status="opportunity")
    for jobs in ("2.5", "1"):
        OutcomeFactory(project=ProjectFactory(structure=structure, stage="created"), jobs_fte=Decimal(jobs))
    OutcomeFactory(project=ProjectFactory(structure=other_structure, stage="created"), jobs_fte=Decimal(9))
    figures = evidence.method_figures(structure)
    assert figures == {
        "available": True,
        "needs": 3,
        "creativity_sessions": 2,
        "opportunity_studies": 5,
        "handed_over": 3,
        "activities_created": 2,
        "jobs_fte": 3.5,
    }


def test_without_the_method_app_the_figures_are_zeros_not_errors(structure, monkeypatch):
    real = apps.get_model

    def get_model(app_label, model_name=None, **kwargs):
        if app_label == "method" or (app_label or "").startswith("method."):
            raise LookupError(f"No installed app with label '{app_label}'.")
        return real(app_label, model_name, **kwargs)

    monkeypatch.setattr(evidence.apps, "get_model", get_model)
    panel = evidence.compute_evidence(structure, today=TODAY)
    assert panel["method"] == {
        "available": False,
        "needs": 0,
        "creativity_sessions": 0,
        "opportunity_studies": 0,
        "handed_over": 0,
        "activities_created": 0,
        "jobs_fte": 0.0,
    }
    assert panel["events"] == {"available": False, "count": 0}
